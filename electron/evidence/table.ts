/**
 * Rows as the metrics read them: each judged column of a decoded table (strings) read with
 * the data layer's parsers as numbers (numbers and dates as epoch milliseconds; NaN when
 * missing) or as categories (codes into a level list shared by every table of one
 * comparison; -1 when missing), and seeded row picks.
 */
import type { ColumnFormat, ColumnType, RowTable } from '../../shared/domain/data.js';
import { createRng, permutation } from '../base/random.js';
import { cellLevel, cellNumber, isMissing, isNumberType } from '../data/index.js';

export interface EvidenceColumn {
  name: string;
  type: ColumnType;
  format: ColumnFormat;
}

export type Column =
  | { kind: 'number'; name: string; date: boolean; values: Float64Array }
  | { kind: 'category'; name: string; codes: Int32Array };

/** The level dictionary of one column, shared by the tables of a comparison. */
export class Levels {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  code(level: string): number {
    let c = this.index.get(level);
    if (c === undefined) {
      c = this.names.length;
      this.index.set(level, c);
      this.names.push(level);
    }
    return c;
  }
}

export interface Schema {
  columns: EvidenceColumn[];
  missing: Set<string>;
  levels: Levels[];
}

export function schemaOf(columns: EvidenceColumn[], missing: Iterable<string>): Schema {
  return { columns, missing: new Set(missing), levels: columns.map(() => new Levels()) };
}

export const isNumeric = (c: EvidenceColumn): boolean => isNumberType(c.type);

/** The judged columns of `table` (by name; a column it lacks reads as all missing). */
export function readTable(schema: Schema, table: RowTable): Column[] {
  return schema.columns.map((col, j) => {
    const at = table.header.indexOf(col.name);
    const cell = (r: string[]) => (at >= 0 ? (r[at] ?? '') : '');
    const n = table.rows.length;
    if (isNumeric(col)) {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const c = cell(table.rows[i]);
        values[i] = isMissing(c, schema.missing) ? NaN : cellNumber(c, col.type, col.format);
      }
      return { kind: 'number', name: col.name, date: col.type === 'date' || col.type === 'datetime', values };
    }
    const codes = new Int32Array(n);
    const levels = schema.levels[j];
    for (let i = 0; i < n; i++) {
      const c = cell(table.rows[i]);
      codes[i] = isMissing(c, schema.missing) ? -1 : levels.code(cellLevel(c, col.type, col.format));
    }
    return { kind: 'category', name: col.name, codes };
  });
}

export const rowCount = (t: Column[]): number =>
  t.length === 0 ? 0 : t[0].kind === 'number' ? t[0].values.length : t[0].codes.length;

/** The rows `idx` of a table. */
export function pickRows(t: Column[], idx: ArrayLike<number>): Column[] {
  return t.map((c) =>
    c.kind === 'number'
      ? { ...c, values: Float64Array.from(idx, (i) => c.values[i]) }
      : { ...c, codes: Int32Array.from(idx, (i) => c.codes[i]) },
  );
}

/** At most `n` rows, a seeded pick (in their order) when the table has more. */
export function sampleRows(t: Column[], n: number, seed: number): Column[] {
  const total = rowCount(t);
  if (total <= n) return t;
  const order = permutation(total, createRng(seed)).subarray(0, n);
  return pickRows(t, Int32Array.from(order).sort());
}

/** Rows drawn column by column from the table's marginals (each column resampled independently). */
export function marginalDraw(t: Column[], n: number, seed: number): Column[] {
  const rng = createRng(seed);
  const total = rowCount(t);
  return t.map((c) => {
    const idx = Int32Array.from({ length: n }, () => rng.int(total));
    return c.kind === 'number'
      ? { ...c, values: Float64Array.from(idx, (i) => c.values[i]) }
      : { ...c, codes: Int32Array.from(idx, (i) => c.codes[i]) };
  });
}
