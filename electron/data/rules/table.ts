/**
 * The training rows as the rule search reads them: each included numeric, integer, date or
 * datetime column as a dense Float64Array (NaN = missing), each categorical or yes/no column as
 * level codes (-1 = missing) with its levels and counts over those rows, each with the column's
 * type, format and decimals. Built once per search from a dataset and its row indices.
 */
import type { ColumnFormat, ColumnType } from '../../../shared/domain/data.js';
import type { Dataset } from '../dataset.js';
import { MAX_LEVEL_COLUMNS, MAX_NUMBER_COLUMNS } from './policy.js';

export interface NumberColumn {
  name: string;
  index: number;
  type: ColumnType;
  format: ColumnFormat;
  values: Float64Array;
  /** Decimals the column is written with (0 for integers, dates and datetimes). */
  decimals: number;
  min: number;
  max: number;
  /** Present (non-missing) values. */
  present: number;
}

export interface LevelColumn {
  name: string;
  index: number;
  type: ColumnType;
  format: ColumnFormat;
  codes: Int32Array;
  levels: string[];
  counts: number[];
  present: number;
}

export interface RuleTable {
  rows: number;
  /** The first MAX_NUMBER_COLUMNS number columns the search reads. */
  numbers: NumberColumn[];
  levels: LevelColumn[];
  /** Every number column, one at a time (ranges and calendars of columns beyond the first). */
  allNumbers(): Iterable<NumberColumn>;
}

const isDate = (t: ColumnType) => t === 'date' || t === 'datetime';

export function decimalsOf(type: ColumnType, format: ColumnFormat): number {
  if (type === 'numeric') return format.number?.decimals ?? 2;
  return 0;
}

function numberColumn(ds: Dataset, j: number, rows: Int32Array | null): NumberColumn | null {
  const typed = ds.typed[j];
  if (typed.kind !== 'number') return null;
  const { name, type, format } = ds.info.columns[j];
  const n = rows ? rows.length : typed.values.length;
  const values = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = typed.values[rows ? rows[i] : i];
    values[i] = v;
    if (Number.isNaN(v)) continue;
    present++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { name, index: j, type, format, values, decimals: decimalsOf(type, format), min, max, present };
}

function levelColumn(ds: Dataset, j: number, rows: Int32Array | null): LevelColumn | null {
  const typed = ds.typed[j];
  if (typed.kind !== 'level') return null;
  const { name, type, format } = ds.info.columns[j];
  const n = rows ? rows.length : typed.codes.length;
  const codes = new Int32Array(n);
  const counts = new Array<number>(typed.levels.length).fill(0);
  let present = 0;
  for (let i = 0; i < n; i++) {
    const c = typed.codes[rows ? rows[i] : i];
    codes[i] = c;
    if (c >= 0) {
      counts[c]++;
      present++;
    }
  }
  return { name, index: j, type, format, codes, levels: typed.levels, counts, present };
}

/**
 * The included columns the search reads, over `rows` (all rows when null): copies of the first
 * MAX_NUMBER_COLUMNS number and MAX_LEVEL_COLUMNS category columns, so a wide table costs no more
 * memory than a narrow one; the other number columns are read one at a time by `allNumbers`.
 */
export function ruleTable(ds: Dataset, rows: Int32Array | null): RuleTable {
  const isNumber = (t: ColumnType) => t === 'numeric' || t === 'integer' || isDate(t);
  const used = ds.info.columns.filter((c) => c.include);
  const numberIndex = used.filter((c) => isNumber(c.type)).map((c) => c.index);
  const levelIndex = used.filter((c) => c.type === 'categorical' || c.type === 'boolean').map((c) => c.index);
  const present = <T extends { present: number }>(c: T | null): c is T => c !== null && c.present > 0;
  const numbers = numberIndex
    .slice(0, MAX_NUMBER_COLUMNS)
    .map((j) => numberColumn(ds, j, rows))
    .filter(present);
  const levels = levelIndex
    .slice(0, MAX_LEVEL_COLUMNS)
    .map((j) => levelColumn(ds, j, rows))
    .filter(present);
  function* allNumbers(): Generator<NumberColumn> {
    yield* numbers;
    for (const j of numberIndex.slice(MAX_NUMBER_COLUMNS)) {
      const col = numberColumn(ds, j, rows);
      if (present(col)) yield col;
    }
  }
  return { rows: rows ? rows.length : ds.info.rows, numbers, levels, allNumbers };
}

const sortedCache = new WeakMap<NumberColumn, Float64Array>();

/** A column's present values in increasing order, sorted once per search (orders and near-equalities read it). */
export function sortedValues(c: NumberColumn): Float64Array {
  let v = sortedCache.get(c);
  if (!v) {
    v = new Float64Array(c.present);
    let n = 0;
    for (const x of c.values) if (!Number.isNaN(x)) v[n++] = x;
    sortedCache.set(c, v.sort());
  }
  return v;
}

/** The value at quantile q (0–1) of a sorted array, rounding the position down (`up`: up). */
export const quantileOf = (v: Float64Array, q: number, up = false): number =>
  v[up ? Math.ceil(q * (v.length - 1)) : Math.floor(q * (v.length - 1))];

export { isDate };
