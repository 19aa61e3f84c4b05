/**
 * The contract with the engine: each used column becomes a group of bits, and generated bits
 * come back as rows that look like the user's own. Numbers and dates: quantile bins (a softmax
 * group), decoded by drawing a value inside the bin with the column's precision, range and
 * integer-ness; numbers with few distinct values and categoricals: their most frequent levels
 * plus "other"; booleans: one bit; a "missing" level wherever values are missing. Columns not
 * used keep their place: identifiers get fresh ids in their own pattern, constants their value.
 * The spec is plain JSON (zod-validated), saved in the model file.
 */
import { z } from 'zod';
import { ColumnFormat, ColumnType, type RowTable } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import type { GroupSpec } from '../../shared/domain/model.js';
import type { EncodedData } from '../base/encoded-rows.js';
import { createRng } from '../base/random.js';
import type { Dataset } from './dataset.js';
import { dateFormatter } from './dates.js';
import { isMissing } from './infer.js';
import { numberFormatter } from './numbers.js';
import { cellLevel, cellNumber } from './typed.js';

export const MAX_LEVELS = 24;
export const MAX_BINS = 12;
/** Rare levels remembered behind "other". */
export const MAX_OTHER_LEVELS = 500;
/** Numbers with at most this many distinct values are encoded by value, not by bin. */
export const MAX_EXACT_VALUES = 16;
const DAY = 86_400_000;

const Base = { column: z.number().int().min(0), name: z.string() };
/** How the file wrote a missing value in this column (its most frequent missing token); absent = empty. */
const MissingToken = z.string().optional();
export const ColumnEncoding = z.discriminatedUnion('kind', [
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
    /** The rarer levels behind "other" and their counts: decoding draws one of them by frequency. */
    otherLevels: z.array(z.string()),
    otherCounts: z.array(z.number().min(0)),
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
  z.object({ kind: z.literal('constant'), ...Base, value: z.string() }),
]);
export type ColumnEncoding = z.infer<typeof ColumnEncoding>;

export const EncodingSpec = z.object({
  format: z.literal('layerwise-encoding'),
  version: z.literal(1),
  header: z.array(z.string()),
  columns: z.array(ColumnEncoding),
});
export type EncodingSpec = z.infer<typeof EncodingSpec>;

export function parseEncodingSpec(json: unknown): EncodingSpec {
  const r = EncodingSpec.safeParse(json);
  if (!r.success) throw new AppError('data.badEncodingSpec', { reason: r.error.issues[0]?.message ?? 'invalid' });
  return r.data;
}

/** Group size of a column's encoding; 0 = not encoded. */
export function groupSize(c: ColumnEncoding): number {
  switch (c.kind) {
    case 'bins':
      return c.edges.length - 1 + (c.missing ? 1 : 0);
    case 'values':
      return c.values.length + (c.missing ? 1 : 0);
    case 'levels':
      return c.levels.length + (c.other ? 1 : 0) + (c.missing ? 1 : 0);
    case 'flag':
      return 1;
    default:
      return 0;
  }
}

export function encodingGroups(spec: EncodingSpec): GroupSpec[] {
  const groups: GroupSpec[] = [];
  for (const c of spec.columns) {
    const size = groupSize(c);
    if (size === 1) groups.push({ kind: 'bernoulli' });
    else if (size >= 2) groups.push({ kind: 'softmax', size });
  }
  return groups;
}

function quantileEdges(sorted: number[], bins: number): number[] {
  const edges: number[] = [sorted[0]];
  for (let b = 1; b < bins; b++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((b * sorted.length) / bins))];
    if (q > edges[edges.length - 1]) edges.push(q);
  }
  const max = sorted[sorted.length - 1];
  if (max > edges[edges.length - 1]) edges.push(max);
  if (edges.length < 2) edges.push(edges[0]);
  return edges;
}

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
  return { prefix: prefix ?? 'SYN-', width: Math.max(width, 6), start: max + 1 };
}

export interface EncodingOptions {
  /** Bins per numeric or date column, by column index (default: about the square root of its distinct values, 2..12). */
  bins?: Record<number, number>;
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

/** Learns the encoding from the dataset's rows (by default all), for the included columns. */
export function buildEncoding(ds: Dataset, rows?: Int32Array, opts: EncodingOptions = {}): EncodingSpec {
  const pickRows = rows ?? Int32Array.from({ length: ds.info.rows }, (_, i) => i);
  const columns: ColumnEncoding[] = ds.info.columns.map((col) => {
    const base = { column: col.index, name: col.name };
    const typed = ds.typed[col.index];
    const hasMissing = col.missing > 0;
    const missingToken = hasMissing ? commonMissingToken(ds.cells[col.index], ds.missing) : '';
    if (!col.include) {
      if (col.type === 'identifier' || col.excludedReason === 'identifier')
        return { kind: 'identifier', ...base, ...identifierPattern(ds.cells[col.index], ds.missing) };
      if (col.excludedReason === 'constant')
        return {
          kind: 'constant',
          ...base,
          value: ds.cells[col.index].find((c) => !isMissing(c, ds.missing))?.trim() ?? '',
        };
      return { kind: 'constant', ...base, value: '' };
    }
    if (typed.kind === 'number') {
      const vals: number[] = [];
      for (const r of pickRows) if (!Number.isNaN(typed.values[r])) vals.push(typed.values[r]);
      if (vals.length === 0) return { kind: 'constant', ...base, value: '' };
      vals.sort((a, b) => a - b);
      const distinct = [...new Set(vals)];
      const asked = opts.bins?.[col.index];
      if (distinct.length <= (asked === undefined ? MAX_EXACT_VALUES : Math.min(asked, MAX_EXACT_VALUES))) {
        return {
          kind: 'values',
          ...base,
          type: col.type,
          format: col.format,
          values: distinct,
          missing: hasMissing,
          missingToken,
        };
      }
      const bins =
        asked === undefined
          ? Math.max(2, Math.min(MAX_BINS, Math.round(Math.sqrt(distinct.length))))
          : Math.max(2, Math.min(256, Math.round(asked)));
      return {
        kind: 'bins',
        ...base,
        type: col.type,
        format: col.format,
        edges: quantileEdges(vals, bins),
        missing: hasMissing,
        missingToken,
      };
    }
    if (col.type === 'boolean' && col.format.boolean && !hasMissing) {
      return {
        kind: 'flag',
        ...base,
        trueToken: col.format.boolean.trueToken,
        falseToken: col.format.boolean.falseToken,
      };
    }
    const counts = new Map<number, number>();
    for (const r of pickRows)
      if (typed.codes[r] >= 0) counts.set(typed.codes[r], (counts.get(typed.codes[r]) ?? 0) + 1);
    const byCount = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const levels = byCount.slice(0, MAX_LEVELS).map(([code]) => typed.levels[code]);
    const rest = byCount.slice(MAX_LEVELS, MAX_LEVELS + MAX_OTHER_LEVELS);
    const other = byCount.length > MAX_LEVELS || typed.levels.length > levels.length;
    if (levels.length === 0) return { kind: 'constant', ...base, value: '' };
    return {
      kind: 'levels',
      ...base,
      type: col.type,
      levels,
      other,
      otherLevels: rest.map(([code]) => typed.levels[code]),
      otherCounts: rest.map(([, n]) => n),
      missing: hasMissing,
      missingToken,
    };
  });
  return { format: 'layerwise-encoding', version: 1, header: ds.info.columns.map((c) => c.name), columns };
}

function binOf(edges: number[], v: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

type CellReader = (row: number) => { number: number; level: string | null };

/** Writes the bits of one column of one row; `read` gives the row's value of that column. */
function encodeCell(
  c: ColumnEncoding,
  value: { number: number; level: string | null },
  out: Uint8Array,
  at: number,
  index: Map<string, number> | null,
): void {
  switch (c.kind) {
    case 'bins': {
      if (Number.isNaN(value.number)) out[at + (c.missing ? c.edges.length - 1 : 0)] = 1;
      else out[at + binOf(c.edges, value.number)] = 1;
      return;
    }
    case 'values': {
      if (Number.isNaN(value.number)) {
        out[at + (c.missing ? c.values.length : 0)] = 1;
        return;
      }
      let best = 0;
      for (let i = 1; i < c.values.length; i++)
        if (Math.abs(c.values[i] - value.number) < Math.abs(c.values[best] - value.number)) best = i;
      out[at + best] = 1;
      return;
    }
    case 'levels': {
      const missingSlot = c.levels.length + (c.other ? 1 : 0);
      if (value.level === null) out[at + (c.missing ? missingSlot : 0)] = 1;
      else out[at + (index!.get(value.level) ?? (c.other ? c.levels.length : 0))] = 1;
      return;
    }
    case 'flag':
      out[at] = value.level === c.trueToken ? 1 : 0;
      return;
    default:
      return;
  }
}

function encodeWith(spec: EncodingSpec, rows: number, readers: CellReader[]): EncodedData {
  const groups = encodingGroups(spec);
  const used = spec.columns.map((c, i) => ({ c, i, size: groupSize(c) })).filter((u) => u.size > 0);
  const bits = used.reduce((s, u) => s + u.size, 0);
  const data = new Uint8Array(rows * bits);
  const indexes = used.map((u) => (u.c.kind === 'levels' ? new Map(u.c.levels.map((l, i) => [l, i])) : null));
  for (let r = 0; r < rows; r++) {
    let at = r * bits;
    used.forEach((u, k) => {
      encodeCell(u.c, readers[u.i](r), data, at, indexes[k]);
      at += u.size;
    });
  }
  return { groups, rows, bits, data };
}

/** Readers of each spec column's values in rows `pick` of a dataset with the same columns. */
function datasetReaders(spec: EncodingSpec, ds: Dataset, pick: Int32Array): CellReader[] {
  return spec.columns.map((c) => {
    const typed = ds.typed[c.column];
    if (typed?.kind === 'number') return (r) => ({ number: typed.values[pick[r]], level: null });
    if (typed?.kind === 'level')
      return (r) => {
        const code = typed.codes[pick[r]];
        return { number: NaN, level: code < 0 ? null : typed.levels[code] };
      };
    return () => ({ number: NaN, level: null });
  });
}

/** Encodes rows of the dataset the spec was learnt on (or one with the same columns). */
export function encodeRows(spec: EncodingSpec, ds: Dataset, rows?: Int32Array): EncodedData {
  const pick = rows ?? Int32Array.from({ length: ds.info.rows }, (_, i) => i);
  return encodeWith(spec, pick.length, datasetReaders(spec, ds, pick));
}

/** Encodes rows given as strings (another CSV with the same columns), read with the spec's formats. */
export function encodeTable(
  spec: EncodingSpec,
  table: RowTable,
  missingTokens: string[] = ['', 'NA', 'N/A', 'null', 'NULL', '-', '?', '#N/A', 'NaN'],
): EncodedData {
  const missing = new Set(missingTokens);
  const position = new Map(table.header.map((h, i) => [h, i]));
  const readers: CellReader[] = spec.columns.map((c) => {
    const at = position.get(c.name);
    if (groupSize(c) > 0 && at === undefined) throw new AppError('data.missingColumn', { column: c.name });
    if (at === undefined) return () => ({ number: NaN, level: null });
    return (r) => {
      const cell = table.rows[r][at] ?? '';
      if (isMissing(cell, missing)) return { number: NaN, level: null };
      if (c.kind === 'bins' || c.kind === 'values') return { number: cellNumber(cell, c.type, c.format), level: null };
      if (c.kind === 'flag')
        return {
          number: NaN,
          level: cellLevel(cell, 'boolean', { boolean: { trueToken: c.trueToken, falseToken: c.falseToken } }),
        };
      return { number: NaN, level: cell.trim() };
    };
  });
  return encodeWith(spec, table.rows.length, readers);
}

/**
 * A value drawn uniformly inside the bin [lo, hi) — [lo, hi] for the last bin — on the
 * column's grid: whole days for dates, seconds for datetimes, its decimals for numbers.
 */
function drawInBin(lo: number, hi: number, last: boolean, type: ColumnType, format: ColumnFormat, u: number): number {
  const step =
    type === 'date'
      ? DAY
      : type === 'datetime'
        ? 1000
        : 10 ** -(type === 'integer' ? 0 : (format.number?.decimals ?? 2));
  const first = Math.ceil(lo / step - 1e-9);
  const end = last ? Math.floor(hi / step + 1e-9) : Math.ceil(hi / step - 1e-9) - 1;
  if (end < first) return lo;
  const k = first + Math.min(end - first, Math.floor(u * (end - first + 1)));
  return step >= 1 ? k * step : Number((k * step).toFixed(12));
}

function drawOther(levels: string[], counts: number[], u: number): string {
  const total = counts.reduce((a, b) => a + b, 0);
  let x = u * total;
  for (let i = 0; i < levels.length; i++) {
    x -= counts[i];
    if (x < 0) return levels[i];
  }
  return levels[levels.length - 1] ?? '';
}

/** Reads one column of one generated row (the group's bits start at `at`) as a cell. */
type CellDecoder = (bits: Uint8Array, at: number, row: number, u: () => number) => string;

function valueFormatter(type: ColumnType, format: ColumnFormat): (v: number) => string {
  if (type === 'date' || type === 'datetime') return dateFormatter(format.date?.pattern ?? 'YYYY-MM-DD');
  if (format.number) return numberFormatter(type === 'integer' ? { ...format.number, decimals: 0 } : format.number);
  return (v) => String(v);
}

function slotOf(bits: Uint8Array, at: number, size: number): number {
  let slot = 0;
  for (let j = 0; j < size; j++) if (bits[at + j]) slot = j;
  return slot;
}

function cellDecoder(c: ColumnEncoding, size: number): CellDecoder {
  switch (c.kind) {
    case 'bins': {
      const fmt = valueFormatter(c.type, c.format);
      const bins = c.edges.length - 1;
      return (bits, at, _r, u) => {
        const slot = slotOf(bits, at, size);
        if (c.missing && slot === bins) return c.missingToken ?? '';
        return fmt(drawInBin(c.edges[slot], c.edges[slot + 1], slot === bins - 1, c.type, c.format, u()));
      };
    }
    case 'values': {
      const fmt = valueFormatter(c.type, c.format);
      const cells = c.values.map(fmt);
      return (bits, at) => {
        const slot = slotOf(bits, at, size);
        return c.missing && slot === c.values.length ? (c.missingToken ?? '') : cells[slot];
      };
    }
    case 'levels':
      return (bits, at, _r, u) => {
        const slot = slotOf(bits, at, size);
        return slot < c.levels.length
          ? c.levels[slot]
          : c.other && slot === c.levels.length
            ? drawOther(c.otherLevels, c.otherCounts, u())
            : (c.missingToken ?? '');
      };
    case 'flag':
      return (bits, at) => (bits[at] ? c.trueToken : c.falseToken);
    case 'identifier':
      return (_b, _a, r) => `${c.prefix}${String(c.start + r).padStart(c.width, '0')}`;
    case 'constant':
      return () => c.value;
  }
}

/** Generated bits back to rows: every original column, in order, with the original formats. */
export function decodeRows(spec: EncodingSpec, data: EncodedData, seed: number): RowTable {
  return { header: spec.header, rows: rowDecoder(spec, data, seed)(data.rows) };
}

/**
 * decodeRows a part at a time, for callers that must not hold the thread for long: each call
 * gives the next `count` rows (fewer at the end). All the parts together are exactly what
 * decodeRows gives for the same seed.
 */
export function rowDecoder(spec: EncodingSpec, data: EncodedData, seed: number): (count: number) => string[][] {
  const rng = createRng(seed);
  const u = () => rng.next();
  const sizes = spec.columns.map(groupSize);
  const decoders = spec.columns.map((c, i) => cellDecoder(c, sizes[i]));
  const n = decoders.length;
  const bits = data.data;
  let r = 0;
  return (count) => {
    const end = Math.min(data.rows, r + Math.max(0, count));
    const rows: string[][] = new Array<string[]>(end - r);
    for (let k = 0; r < end; r++, k++) {
      const row = new Array<string>(n);
      let at = r * data.bits;
      for (let i = 0; i < n; i++) {
        row[i] = decoders[i](bits, at, r, u);
        at += sizes[i];
      }
      rows[k] = row;
    }
    return rows;
  };
}
