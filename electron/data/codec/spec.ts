/**
 * The encoding spec saved in the model file (plain JSON, zod-validated): for every column of
 * the file, how it maps to groups of bits — a quantile code (coarse bin + fine bits, version 2),
 * quantile bins (version 1), exact values, levels (with "other" and "missing"; beyond 64 levels
 * the compact level code, version 3), a yes/no bit —
 * or, for a column not used, how it is refilled (fresh identifiers, a constant). The groups each
 * column becomes, their list for the engine, and their total bits.
 */
import { z } from 'zod';
import { ColumnFormat, ColumnType } from '../../../shared/domain/data.js';
import { AppError } from '../../../shared/domain/errors.js';
import type { GroupSpec } from '../../../shared/domain/model.js';
import { levelLayout } from './level-code.js';

/**
 * What a rare value (see `rareMin`) is written as in generated rows: a fixed token, the same in
 * every language (data values are not translated).
 */
export const OTHER_TOKEN = '(other)';

const Base = { column: z.number().int().min(0), name: z.string() };
/** How the file wrote a missing value in this column (its most frequent missing token); absent = empty. */
const MissingToken = z.string().optional();
export const ColumnEncoding = z.discriminatedUnion('kind', [
  /**
   * Version 2 numbers and dates: the quantile rank as a coarse equal-frequency bin (a softmax
   * slot, plus "missing") and `fineBits` bits of its binary expansion inside the bin (see
   * `quantiles.ts`); decoded through `knots` (the quantile function at equally spaced ranks,
   * first the minimum, last the maximum) onto the grid `knots[0] + k·step`.
   */
  z.object({
    kind: z.literal('quantiles'),
    ...Base,
    type: ColumnType,
    format: ColumnFormat,
    bins: z.number().int().min(2),
    /**
     * How the coarse bin is written: one softmax slot per bin (plus "missing"), or `thermometer`
     * bits (bit k on when the bin is above k: ordered, so one hidden unit can move a column up
     * or down) and a "missing" bit. Absent = softmax.
     */
    coarse: z.enum(['softmax', 'thermometer']).optional(),
    fineBits: z.number().int().min(0).max(8),
    knots: z.array(z.number()).min(2),
    step: z.number().positive(),
    missing: z.boolean(),
    missingToken: MissingToken,
  }),
  /** Version 1 numbers and dates: quantile bins, decoded uniformly inside the bin (files written before version 2). */
  z.object({
    kind: z.literal('bins'),
    ...Base,
    type: ColumnType,
    format: ColumnFormat,
    edges: z.array(z.number()).min(2),
    missing: z.boolean(),
    missingToken: MissingToken,
  }),
  z.object({
    kind: z.literal('values'),
    ...Base,
    type: ColumnType,
    format: ColumnFormat,
    values: z.array(z.number()).min(1),
    missing: z.boolean(),
    missingToken: MissingToken,
  }),
  z.object({
    kind: z.literal('levels'),
    ...Base,
    type: ColumnType,
    levels: z.array(z.string()).min(1),
    other: z.boolean(),
    /**
     * The rarer levels behind "other" and their counts: decoding draws one of them by frequency.
     * Only levels seen at least `rareMin` times (the spec's) are kept here.
     */
    otherLevels: z.array(z.string()),
    otherCounts: z.array(z.number().min(0)),
    /**
     * Rare-value protection: the values seen fewer than `rareMin` times, grouped in "other" and
     * never stored — how many there were, and the rows that held them. "Other" is written as
     * `OTHER_TOKEN` for that share of its rows. Absent in files written before the protection.
     */
    rareLevels: z.number().int().min(0).optional(),
    rareRows: z.number().int().min(0).optional(),
    /**
     * Version 2 only: levels seen at least `rareMin` times but beyond the 64 most frequent,
     * grouped in "other" (written `OTHER_TOKEN`, never drawn at random): how many, in how many rows.
     */
    groupedLevels: z.number().int().min(0).optional(),
    groupedRows: z.number().int().min(0).optional(),
    /**
     * Version 3, more levels than `MAX_LEVEL_SLOTS`: the compact level code (`level-code.ts`) —
     * levels (most frequent first) in groups of 2^`fineBits`, a slot per group and `fineBits`
     * bits for the level inside it. Absent: one slot per level.
     */
    fineBits: z.number().int().min(1).max(16).optional(),
    missing: z.boolean(),
    missingToken: MissingToken,
  }),
  z.object({ kind: z.literal('flag'), ...Base, trueToken: z.string(), falseToken: z.string() }),
  z.object({
    kind: z.literal('identifier'),
    ...Base,
    prefix: z.string(),
    width: z.number().int().min(0),
    start: z.number().int(),
  }),
  z.object({
    kind: z.literal('constant'),
    ...Base,
    value: z.string(),
    /** Set when the column was a category whose values were all rare (the value is then `OTHER_TOKEN`). */
    rareLevels: z.number().int().min(0).optional(),
    rareRows: z.number().int().min(0).optional(),
  }),
]);
export type ColumnEncoding = z.infer<typeof ColumnEncoding>;

/**
 * Calibration of generated numbers (METHOD.md §8, `calibration.ts`): for each quantile-coded
 * column it covers, the ranks a seeded draw of the trained model generated, at equally spaced
 * levels (non-decreasing, in [0, 1]); a generated rank is mapped to its level among them.
 */
export const RankCalibration = z.object({
  /** The calibrated columns, by index in `columns` (each a quantile code). */
  columns: z.array(z.number().int().min(0)),
  /** Per calibrated column, its knots; fewer than 2 = left as generated. */
  knots: z.array(z.array(z.number().min(0).max(1))),
});
export type RankCalibration = z.infer<typeof RankCalibration>;

export const EncodingSpec = z.object({
  format: z.literal('layerwise-encoding'),
  /**
   * 1: quantile bins, levels capped at 24 with "other" drawn by frequency; 2: quantile codes,
   * levels capped at 64; 3: every level seen `rareMin` times modelled (the compact level code
   * beyond 64). See `ENCODING_VERSION`.
   */
  version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  header: z.array(z.string()),
  columns: z.array(ColumnEncoding),
  /**
   * Rare-value protection: categories seen fewer than this many times in the training rows were
   * grouped in "other" (1 = off). Absent in files written before the protection (none grouped).
   */
  rareMin: z.number().int().min(1).optional(),
  /** Absent in files written before the calibration (their numbers are decoded as generated). */
  calibration: RankCalibration.optional(),
});
export type EncodingSpec = z.infer<typeof EncodingSpec>;

/** The version this codec writes; it reads every version up to it. */
export const ENCODING_VERSION = 3;

export function parseEncodingSpec(json: unknown): EncodingSpec {
  const r = EncodingSpec.safeParse(json);
  if (!r.success) throw new AppError('data.badEncodingSpec', { reason: r.error.issues[0]?.message ?? 'invalid' });
  return r.data;
}

/** Whether the model generates a column's values (every kind but fresh identifiers and a constant). */
export function isModelled(c: ColumnEncoding): boolean {
  return c.kind !== 'identifier' && c.kind !== 'constant';
}

/** Bits of a column's encoding (all its groups); 0 = not encoded. */
export function groupSize(c: ColumnEncoding): number {
  switch (c.kind) {
    case 'quantiles':
      return c.bins - (c.coarse === 'thermometer' ? 1 : 0) + (c.missing ? 1 : 0) + c.fineBits;
    case 'bins':
      return c.edges.length - 1 + (c.missing ? 1 : 0);
    case 'values':
      return c.values.length + (c.missing ? 1 : 0);
    case 'levels': {
      const layout = levelLayout(c);
      return layout.slots + layout.fineBits;
    }
    case 'flag':
      return 1;
    default:
      return 0;
  }
}

const bernoullis = (n: number) => Array.from({ length: n }, (): GroupSpec => ({ kind: 'bernoulli' }));

/**
 * The groups a column becomes, in order: one softmax or bit, and the fine bits of a quantile
 * code after its bin or of a compact level code after its slot.
 */
export function columnGroups(c: ColumnEncoding): GroupSpec[] {
  if (c.kind === 'levels' && (c.fineBits ?? 0) > 0) {
    const { slots, fineBits } = levelLayout(c);
    return [slots === 1 ? { kind: 'bernoulli' } : { kind: 'softmax', size: slots }, ...bernoullis(fineBits)];
  }
  if (c.kind === 'quantiles') {
    if (c.coarse === 'thermometer') return bernoullis(c.bins - 1 + (c.missing ? 1 : 0) + c.fineBits);
    return [{ kind: 'softmax', size: c.bins + (c.missing ? 1 : 0) }, ...bernoullis(c.fineBits)];
  }
  const size = groupSize(c);
  if (size === 1) return [{ kind: 'bernoulli' }];
  return size >= 2 ? [{ kind: 'softmax', size }] : [];
}

export function encodingGroups(spec: EncodingSpec): GroupSpec[] {
  return spec.columns.flatMap(columnGroups);
}

/** Visible bits of a spec: the width of an encoded row (what a default size or time budget scales with). */
export function encodingBits(spec: EncodingSpec): number {
  return spec.columns.reduce((s, c) => s + groupSize(c), 0);
}

/** What rare-value protection did to a table, for the report, the CLI and the privacy panel. */
export interface RareValueSummary {
  /** Categories seen fewer than this many times were grouped; null for a spec written before the protection. */
  rareMin: number | null;
  /** Each column that had rare values: how many distinct values were grouped, and in how many rows. */
  columns: { name: string; values: number; rows: number }[];
}

export function rareValueSummary(spec: EncodingSpec): RareValueSummary {
  const columns: RareValueSummary['columns'] = [];
  for (const c of spec.columns) {
    if ((c.kind === 'levels' || c.kind === 'constant') && (c.rareLevels ?? 0) > 0)
      columns.push({ name: c.name, values: c.rareLevels ?? 0, rows: c.rareRows ?? 0 });
  }
  return { rareMin: spec.rareMin ?? null, columns };
}
