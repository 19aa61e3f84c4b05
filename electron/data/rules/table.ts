/**
 * The training rows as the rule search reads them: each included numeric, integer, date or
 * datetime column as a dense Float64Array (NaN = missing), each categorical or yes/no column as
 * level codes (-1 = missing) with its levels and counts over those rows, each with the column's
 * type, format and decimals. Built once per search from a dataset and its row indices.
 */
import type { ColumnFormat, ColumnType } from '../../../shared/domain/data.js';
import type { Dataset } from '../dataset.js';

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
  numbers: NumberColumn[];
  levels: LevelColumn[];
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

/** The included columns the search can read, over `rows` (all rows when null). */
export function ruleTable(ds: Dataset, rows: Int32Array | null): RuleTable {
  const numbers: NumberColumn[] = [];
  const levels: LevelColumn[] = [];
  ds.info.columns.forEach((c, j) => {
    if (!c.include) return;
    if (c.type === 'numeric' || c.type === 'integer' || isDate(c.type)) {
      const col = numberColumn(ds, j, rows);
      if (col && col.present > 0) numbers.push(col);
    } else if (c.type === 'categorical' || c.type === 'boolean') {
      const col = levelColumn(ds, j, rows);
      if (col && col.present > 0) levels.push(col);
    }
  });
  return { rows: rows ? rows.length : ds.info.rows, numbers, levels };
}

export { isDate };
