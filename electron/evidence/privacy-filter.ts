/**
 * Dropping generated rows too close to a real one: a row whose distance to the closest
 * training row (every training row, not a sample) is at most the threshold is dropped. The
 * caller counts what was dropped and says so; the rows kept stay in their order, so a preview
 * is still the start of the export for the same seed.
 */
import type { RowTable } from '../../shared/domain/data.js';
import type { EncodingSpec } from '../data/index.js';
import { typedRows } from './distance.js';
import { closeRowTest } from './distance-search.js';
import { privacySpace } from './privacy.js';

export interface TooCloseFilter {
  /** The rows of the part that are kept (rows in the generated header's order). */
  keep(rows: string[][]): string[][];
  /** Rows dropped so far, over every part given to `keep`. */
  readonly dropped: number;
  readonly threshold: number;
}

export function tooCloseFilter(
  encoding: EncodingSpec,
  header: readonly string[],
  training: RowTable,
  fileMissingTokens: readonly string[],
  threshold: number,
): TooCloseFilter {
  const space = privacySpace(encoding, header, training, fileMissingTokens);
  const isClose = closeRowTest(typedRows(space, training), threshold);
  let dropped = 0;
  return {
    threshold,
    get dropped() {
      return dropped;
    },
    keep(rows) {
      const typed = typedRows(space, { header: [...header], rows });
      const kept = rows.filter((_, i) => !isClose(typed, i));
      dropped += rows.length - kept.length;
      return kept;
    },
  };
}
