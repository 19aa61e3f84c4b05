/**
 * A column's cells read as values of its type: numbers (numeric, integer, and dates as epoch
 * milliseconds), or levels (categorical, boolean, identifier, text) coded by frequency.
 * Missing and unreadable cells are NaN or -1.
 */
import type { ColumnFormat, ColumnType } from '../../shared/domain/data.js';
import { parseBoolean } from './booleans.js';
import { parseDate } from './dates.js';
import { isMissing } from './infer.js';
import { parseNumber } from './numbers.js';

export type TypedColumn =
  | { kind: 'number'; values: Float64Array }
  | { kind: 'level'; levels: string[]; counts: number[]; codes: Int32Array };

export const isNumberType = (t: ColumnType): boolean => t === 'numeric' || t === 'integer' || t === 'date' || t === 'datetime';

/** Reads one cell as a number of the column's type (NaN when missing or unreadable). */
export function cellNumber(cell: string, type: ColumnType, format: ColumnFormat): number {
  if (type === 'date' || type === 'datetime') return format.date ? parseDate(cell.trim(), format.date.pattern) : NaN;
  return parseNumber(cell, format.number?.decimalMark ?? '.');
}

/** The level a cell stands for: booleans are normalised to their pair's tokens. */
export function cellLevel(cell: string, type: ColumnType, format: ColumnFormat): string {
  const v = cell.trim();
  if (type === 'boolean' && format.boolean) {
    const b = parseBoolean(v, format.boolean);
    if (b !== null) return b ? format.boolean.trueToken : format.boolean.falseToken;
  }
  return v;
}

export function typeColumn(cells: string[], type: ColumnType, format: ColumnFormat, missing: Set<string>): TypedColumn {
  if (isNumberType(type)) {
    const values = new Float64Array(cells.length);
    for (let i = 0; i < cells.length; i++) values[i] = isMissing(cells[i], missing) ? NaN : cellNumber(cells[i], type, format);
    return { kind: 'number', values };
  }
  const counts = new Map<string, number>();
  const keys: (string | null)[] = cells.map((c) => (isMissing(c, missing) ? null : cellLevel(c, type, format)));
  for (const k of keys) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const index = new Map(sorted.map(([k], i) => [k, i]));
  const codes = new Int32Array(cells.length);
  keys.forEach((k, i) => (codes[i] = k === null ? -1 : (index.get(k) ?? -1)));
  return { kind: 'level', levels: sorted.map(([k]) => k), counts: sorted.map(([, c]) => c), codes };
}
