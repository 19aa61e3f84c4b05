/**
 * Learning the encoding spec (version 3) from training rows: numbers and dates get a quantile
 * code (a coarse bin and fine bits of the rank, decoded on the column's quantile function and
 * grid; see `quantiles.ts`) or, with few distinct values, one slot per value; categoricals and
 * booleans every level seen `rareMin` times, one slot each up to `MAX_LEVEL_SLOTS` levels and
 * in the compact level code beyond (`level-code.ts`), a "missing" slot wherever values
 * are missing, written back with the column's own missing token. Columns not used keep their
 * place: identifiers get a pattern for fresh ids that no real id has, constants their value.
 * Rare-value protection: a category seen fewer than `rareMin` times (default 5) is identifying;
 * it is grouped in "other", never stored in the spec, and comes back as `OTHER_TOKEN`.
 */
import type { ColumnProfile } from '../../../shared/domain/data.js';
import type { Dataset } from '../dataset.js';
import { isMissing } from '../infer.js';
import type { TypedColumn } from '../typed.js';
import { levelFineBits } from './level-code.js';
import { fineBitsFor, gridStep, gridUnit, MAX_KNOTS, quantileKnots, ROWS_PER_KNOT } from './quantiles.js';
import { ENCODING_VERSION, OTHER_TOKEN, type ColumnEncoding, type EncodingSpec } from './spec.js';

/** Coarse bins of a quantile code (by default about the square root of the distinct values, 2..12). */
export const MAX_BINS = 12;
/** Numbers with at most this many distinct values are encoded by value, not by bin. */
export const MAX_EXACT_VALUES = 16;

/**
 * How quantile codes write their coarse bin by default: a softmax, whose every sample is a valid
 * bin, so the column's distribution is kept. Thermometer bits let the model keep relations between
 * numbers better, but today's models generate them noisily, which pulls values to the middle of
 * the range (tails lost); see `npm run bench:encoding` and METHOD.md §8.
 */
export const DEFAULT_COARSE: 'softmax' | 'thermometer' = 'softmax';

/** Categories seen fewer times than this in the training rows are grouped in "other" (rare-value protection). */
export const DEFAULT_RARE_MIN = 5;

export interface EncodingOptions {
  /** Coarse bins per numeric or date column, by column index (default: about the square root of its distinct values, 2..12). */
  bins?: Record<number, number>;
  /** Fine bits per numeric or date column, by column index (default: `fineBitsFor` its rows, 0..4). */
  fineBits?: Record<number, number>;
  /** How quantile codes write their coarse bin (default `DEFAULT_COARSE`). */
  coarse?: 'softmax' | 'thermometer';
  /**
   * Rare-value protection: a category (of a categorical, identifier or text column used in the
   * model) seen fewer than this many times in the training rows is never stored in the model
   * and is generated as `OTHER_TOKEN`. Default `DEFAULT_RARE_MIN`; 1 keeps every value.
   */
  rareMin?: number;
}

/** A column's place and name, as every encoding of it records them. */
interface ColumnId {
  column: number;
  name: string;
}

/** Whether a used column has missing values, and the token it writes them with. */
interface Missing {
  missing: boolean;
  missingToken: string;
}

/**
 * Fresh identifiers: the first id's prefix, then a number above every real id's trailing number
 * (whatever its prefix). A real id never equals one: its trailing digits would have to be that
 * number. When the numbers are too long to count exactly, fresh ids are one digit longer instead.
 */
function identifierPattern(cells: string[], missing: Set<string>): { prefix: string; width: number; start: number } {
  let prefix: string | null = null;
  let width = 0;
  let max = 0;
  for (const c of cells) {
    if (isMissing(c, missing)) continue;
    const m = /^(.*?)(\d+)$/.exec(c.trim());
    if (!m) continue;
    if (prefix === null) prefix = m[1];
    width = Math.max(width, m[2].length);
    max = Math.max(max, Number(m[2]));
  }
  if (max + 1 > Number.MAX_SAFE_INTEGER) return { prefix: prefix ?? 'SYN-', width: width + 1, start: 0 };
  return { prefix: prefix ?? 'SYN-', width: Math.max(width, 6), start: max + 1 };
}

/** The token a column most often uses for a missing value ('' when it leaves the cell empty). */
function commonMissingToken(cells: string[], missing: Set<string>): string {
  const counts = new Map<string, number>();
  for (const c of cells) {
    const t = c.trim();
    if (missing.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let best = '';
  let most = 0;
  for (const [t, n] of counts) if (n > most) [best, most] = [t, n];
  return best;
}

/** A column left out of the model: fresh identifiers in its pattern, or its constant value. */
function unusedColumn(ds: Dataset, col: ColumnProfile, base: ColumnId): ColumnEncoding {
  const cells = ds.cells[col.index];
  if (col.type === 'identifier' || col.excludedReason === 'identifier')
    return { kind: 'identifier', ...base, ...identifierPattern(cells, ds.missing) };
  if (col.excludedReason === 'constant')
    return { kind: 'constant', ...base, value: cells.find((c) => !isMissing(c, ds.missing))?.trim() ?? '' };
  return { kind: 'constant', ...base, value: '' };
}

/** Coarse bins and fine bits asked for one column (undefined = the defaults). */
interface Asked {
  bins: number | undefined;
  fineBits: number | undefined;
}

/**
 * A number or date column: one slot per value when there are few, else a quantile code whose
 * knots keep `ROWS_PER_KNOT` rows per interval on average (at most `MAX_KNOTS`).
 */
function numberColumn(
  col: ColumnProfile,
  base: ColumnId,
  miss: Missing,
  values: Float64Array,
  rows: Int32Array,
  asked: Asked,
): ColumnEncoding {
  const vals: number[] = [];
  for (const r of rows) if (!Number.isNaN(values[r])) vals.push(values[r]);
  if (vals.length === 0) return { kind: 'constant', ...base, value: '' };
  vals.sort((a, b) => a - b);
  const distinct = [...new Set(vals)];
  const { type, format } = col;
  if (distinct.length <= (asked.bins === undefined ? MAX_EXACT_VALUES : Math.min(asked.bins, MAX_EXACT_VALUES)))
    return { kind: 'values', ...base, type, format, values: distinct, ...miss };
  const bins =
    asked.bins === undefined
      ? Math.max(2, Math.min(MAX_BINS, Math.round(Math.sqrt(distinct.length))))
      : Math.max(2, Math.min(256, Math.round(asked.bins)));
  const fineBits =
    asked.fineBits === undefined
      ? fineBitsFor(vals.length, distinct.length, bins)
      : Math.max(0, Math.min(8, Math.round(asked.fineBits)));
  const positions = bins * 2 ** fineBits;
  const count = Math.max(positions, Math.min(MAX_KNOTS, Math.floor(vals.length / ROWS_PER_KNOT)));
  const knots = quantileKnots(vals, count);
  const step = gridStep(distinct, gridUnit(type, format.number?.decimals ?? 0));
  return { kind: 'quantiles', ...base, type, format, bins, fineBits, knots, step, ...miss };
}

/**
 * A column of levels: every value seen at least `rareMin` times, most frequent first, one slot
 * each or, beyond `MAX_LEVEL_SLOTS`, in the compact level code (`level-code.ts`); values seen
 * fewer times are only counted (`rareLevels`, `rareRows`), never kept, and come back as "other".
 * When no value is common enough the column is `OTHER_TOKEN` (and missing).
 */
function levelColumn(
  col: ColumnProfile,
  base: ColumnId,
  miss: Missing,
  typed: Extract<TypedColumn, { kind: 'level' }>,
  rows: Int32Array,
  rareMin: number,
): ColumnEncoding {
  const counts = new Map<number, number>();
  for (const r of rows) if (typed.codes[r] >= 0) counts.set(typed.codes[r], (counts.get(typed.codes[r]) ?? 0) + 1);
  if (counts.size === 0) return { kind: 'constant', ...base, value: '' };
  const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const common = col.type === 'boolean' ? byCount : byCount.filter(([, n]) => n >= rareMin);
  const rare = { rareLevels: byCount.length - common.length, rareRows: 0 };
  for (let i = common.length; i < byCount.length; i++) rare.rareRows += byCount[i][1];
  if (common.length === 0) {
    if (!miss.missing) return { kind: 'constant', ...base, value: OTHER_TOKEN, ...rare };
    const only = { levels: [OTHER_TOKEN], other: false, otherLevels: [], otherCounts: [] };
    return { kind: 'levels', ...base, type: col.type, ...only, ...rare, ...miss };
  }
  const levels = common.map(([code]) => typed.levels[code]);
  const other = rare.rareLevels > 0 || typed.levels.length > levels.length;
  const fineBits = levelFineBits(levels.length);
  const kept = { levels, other, otherLevels: [], otherCounts: [], ...(fineBits > 0 ? { fineBits } : {}) };
  return { kind: 'levels', ...base, type: col.type, ...kept, ...rare, ...miss };
}

function columnEncoding(ds: Dataset, col: ColumnProfile, rows: Int32Array, opts: EncodingOptions): ColumnEncoding {
  const base: ColumnId = { column: col.index, name: col.name };
  if (!col.include) return unusedColumn(ds, col, base);
  const typed = ds.typed[col.index];
  const missing = col.missing > 0;
  const miss: Missing = { missing, missingToken: missing ? commonMissingToken(ds.cells[col.index], ds.missing) : '' };
  if (typed.kind === 'number') {
    const asked = { bins: opts.bins?.[col.index], fineBits: opts.fineBits?.[col.index] };
    const code = numberColumn(col, base, miss, typed.values, rows, asked);
    return code.kind === 'quantiles' ? { ...code, coarse: opts.coarse ?? DEFAULT_COARSE } : code;
  }
  if (col.type === 'boolean' && col.format.boolean && !missing) {
    const { trueToken, falseToken } = col.format.boolean;
    return { kind: 'flag', ...base, trueToken, falseToken };
  }
  return levelColumn(col, base, miss, typed, rows, opts.rareMin ?? DEFAULT_RARE_MIN);
}

/** Learns the encoding from the dataset's rows (by default all), for the included columns. */
export function buildEncoding(ds: Dataset, rows?: Int32Array, opts: EncodingOptions = {}): EncodingSpec {
  const pick = rows ?? Int32Array.from({ length: ds.info.rows }, (_, i) => i);
  const rareMin = Math.max(1, Math.floor(opts.rareMin ?? DEFAULT_RARE_MIN));
  const columns = ds.info.columns.map((col) => columnEncoding(ds, col, pick, { ...opts, rareMin }));
  return {
    format: 'layerwise-encoding',
    version: ENCODING_VERSION,
    header: ds.info.columns.map((c) => c.name),
    columns,
    rareMin,
  };
}
