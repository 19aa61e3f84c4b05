/**
 * The privacy evidence of generated rows (shared/domain/privacy.ts; METHOD.md, "Privacy
 * evidence"): each generated row's distance to the closest training record (DCR) and the
 * nearest-neighbour distance ratio, the same for held-out real rows (which the model never
 * saw: what fresh real data looks like), exact copies, the share of generated rows closer to a
 * training row than to a held-out row against as many training rows as held-out ones, what the
 * encoding replaced, the threshold for dropping rows too close, and the verdict. Beyond
 * PRIVACY_LIMITS rows a seeded sample is used (stated in `sample`). Pure but for yielding.
 */
import type { RowTable } from '../../shared/domain/data.js';
import type { PrivacyEvidence } from '../../shared/domain/privacy.js';
import { createRng, permutation } from '../base/random.js';
import type { EncodingSpec } from '../data/index.js';
import { rowSpace, typedRows, type RowSpace, type TypedRows } from './distance.js';
import { nearestInParts, type Nearest } from './distance-search.js';
import { distanceColumns, missingTokens } from './privacy-columns.js';
import { replacedValues, type RealCells } from './privacy-replaced.js';
import { binEdges, binShares, closerShare, distanceRatios, exactCopies, quantiles } from './privacy-stats.js';
import { privacyVerdict } from './privacy-verdict.js';

/** At most this many rows of each set enter the distances (a seeded sample beyond). */
export const PRIVACY_LIMITS = { synthetic: 20_000, training: 20_000, holdout: 20_000 } as const;

/**
 * The closer-share compares with as many training rows as held-out rows; with few held-out rows
 * (under CLOSER_SMALL_HOLDOUT) it is the mean over up to CLOSER_DRAWS disjoint such draws of the
 * training rows, since one draw of 70 rows moved it by ±5 points (*choice*).
 */
export const CLOSER_DRAWS = 4;
export const CLOSER_SMALL_HOLDOUT = 1000;

/** Disjoint draws of `size` training rows (as many as fit, at most `draws`), the first as `sampleRows` picks it. */
export function disjointDraws(table: RowTable, size: number, draws: number, seed: number): RowTable[] {
  const n = table.rows.length;
  const count = Math.max(1, Math.min(draws, Math.floor(n / Math.max(1, size))));
  if (count === 1 && n <= size) return [table];
  const order = permutation(n, createRng(seed));
  return Array.from({ length: count }, (_, i) => {
    const picked = order.slice(i * size, (i + 1) * size).sort();
    return { header: table.header, rows: Array.from(picked, (j) => table.rows[j]) };
  });
}

export interface PrivacyInput {
  encoding: EncodingSpec;
  /** The generated rows as written (a column the user now leaves out may be absent). */
  generated: RowTable;
  training: RowTable;
  /** Real rows the model did not train on (null or empty: the checks against them are left out). */
  holdout: RowTable | null;
  /** Every real cell of a column, for the identifier check. */
  realCells: RealCells;
  /** The file's missing-value tokens. */
  fileMissingTokens: readonly string[];
  seed: number;
}

export interface PrivacyHooks {
  signal?: AbortSignal;
  /** Row pairs compared so far, of the total. */
  onProgress?: (done: number, total: number) => void;
}

/** At most `limit` rows of the table: a seeded sample in the table's order. */
export function sampleRows(table: RowTable, limit: number, seed: number): RowTable {
  if (table.rows.length <= limit) return table;
  const picked = permutation(table.rows.length, createRng(seed)).subarray(0, limit).sort();
  return { header: table.header, rows: Array.from(picked, (i) => table.rows[i]) };
}

/** The space of the compared columns of a model's rows, scaled by the training rows. */
export function privacySpace(
  encoding: EncodingSpec,
  header: readonly string[],
  training: RowTable,
  fileMissingTokens: readonly string[],
): RowSpace {
  const missing = missingTokens(encoding, fileMissingTokens);
  return rowSpace(distanceColumns(encoding, missing, header), training);
}

export async function privacyEvidence(input: PrivacyInput, hooks: PrivacyHooks = {}): Promise<PrivacyEvidence> {
  const { encoding, seed } = input;
  const space = privacySpace(encoding, input.generated.header, input.training, input.fileMissingTokens);
  const gen = sampleRows(input.generated, PRIVACY_LIMITS.synthetic, seed);
  const train = sampleRows(input.training, PRIVACY_LIMITS.training, seed + 1);
  const held =
    input.holdout && input.holdout.rows.length > 0 ? sampleRows(input.holdout, PRIVACY_LIMITS.holdout, seed + 2) : null;
  const S = typedRows(space, gen);
  const T = typedRows(space, train);
  const H = held ? typedRows(space, held) : null;
  // The training rows the closer-share compares with: as many as held-out rows, in several draws when they are few.
  const draws = H ? (H.rows < CLOSER_SMALL_HOLDOUT ? CLOSER_DRAWS : 1) : 0;
  const Tms = H ? disjointDraws(input.training, H.rows, draws, seed + 3).map((t) => typedRows(space, t)) : [];

  const compared = Tms.reduce((sum, t) => sum + t.rows + (H?.rows ?? 0), 0);
  const total = S.rows * T.rows + (H ? H.rows * T.rows + S.rows * compared : 0);
  let done = 0;
  const search = (q: TypedRows, ref: TypedRows): Promise<Nearest> =>
    nearestInParts(q, ref, {
      signal: hooks.signal,
      onRows: (rows) => {
        done += rows * ref.rows;
        hooks.onProgress?.(done, total);
      },
    });
  const nnS = await search(S, T);
  const nnH = H ? await search(H, T) : null;
  let closer: PrivacyEvidence['closerToTraining'] = null;
  if (H && Tms.length > 0) {
    const toHeld = await search(S, H);
    let share = 0;
    for (const Tm of Tms) share += closerShare((await search(S, Tm)).first, toHeld.first) / Tms.length;
    closer = { share, rows: S.rows, referenceRows: Tms[0].rows, draws: Tms.length };
  }
  const missing = missingTokens(encoding, input.fileMissingTokens);
  const edges = binEdges(nnH ? [nnS.first, nnH.first] : [nnS.first]);
  const figures = {
    columns: space.columns.map((c) => c.name),
    sample: {
      synthetic: { used: S.rows, of: input.generated.rows.length },
      training: { used: T.rows, of: input.training.rows.length },
      holdout: { used: H?.rows ?? 0, of: input.holdout?.rows.length ?? 0 },
    },
    exactCopies: { synthetic: exactCopies(nnS.first), holdout: nnH ? exactCopies(nnH.first) : null },
    dcr: {
      synthetic: quantiles(nnS.first),
      holdout: nnH ? quantiles(nnH.first) : null,
      chart: { edges, synthetic: binShares(nnS.first, edges), holdout: nnH ? binShares(nnH.first, edges) : null },
    },
    closerToTraining: closer,
    nndr: { synthetic: quantiles(distanceRatios(nnS)), holdout: nnH ? quantiles(distanceRatios(nnH)) : null },
    replaced: replacedValues(encoding, input.generated, input.realCells, missing),
  };
  const filter: PrivacyEvidence['filter'] = figures.dcr.holdout
    ? { threshold: Math.min(1, Math.max(0, figures.dcr.holdout.p5)), basis: 'holdoutP5' }
    : { threshold: 0, basis: 'exactOnly' };
  return { ...figures, filter, verdict: privacyVerdict(figures) };
}
