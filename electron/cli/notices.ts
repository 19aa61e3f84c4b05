/**
 * What the import noticed, said by the commands that train: each import problem (ragged rows
 * cut or padded, renamed headers, a file sampled because it is larger than memory, columns
 * left out) as one translated line on stderr, and the same in the JSON summary, with the
 * columns left out of the model and why.
 */
import type { DatasetInfo } from '../../shared/domain/data.js';
import { formatError } from '../../shared/i18n/format.js';
import { note } from './command.js';

export interface ImportNotices {
  notices: { code: string; severity: 'error' | 'warning' | 'info'; message: string }[];
  /** Columns the model does not learn (generated rows leave them empty, or give fresh identifiers or the constant). */
  leftOut: { name: string; reason: string }[];
  columns: { total: number; used: number };
}

export function importNotices(info: DatasetInfo): ImportNotices {
  const leftOut = info.columns
    .filter((c) => !c.include)
    .map((c) => ({ name: c.name, reason: c.excludedReason ?? 'excluded' }));
  return {
    notices: info.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      message: formatError({ code: p.code, params: p.params }, 'en'),
    })),
    leftOut,
    columns: { total: info.columns.length, used: info.columns.length - leftOut.length },
  };
}

/** One line per notice on stderr, then how many columns the model uses. */
export function printNotices(n: ImportNotices): void {
  for (const notice of n.notices) note(`Note (${notice.severity}): ${notice.message}`);
  if (n.leftOut.length > 0)
    note(
      `Note: the model uses ${n.columns.used} of ${n.columns.total} columns; ${n.leftOut.length} are left out (see above).`,
    );
}
