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
  { kind: 'number'; values: Float64Array } | { kind: 'level'; levels: string[]; counts: number[]; codes: Int32Array };

export const isNumberType = (t: ColumnType): boolean =>
  t === 'numeric' || t === 'integer' || t === 'date' || t === 'datetime';

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
  const n = cells.length;
  if (isNumberType(type)) {
    const values = new Float64Array(n);
    // Dates and small-valued numbers repeat: remember what each distinct cell read as.
    const memo = new Map<string, number>();
    let memoOn = true;
    for (let i = 0; i < n; i++) {
      const cell = cells[i];
      if (memoOn) {
        const known = memo.get(cell);
        if (known !== undefined) {
          values[i] = known;
          continue;
        }
      }
      const v = isMissing(cell, missing) ? NaN : cellNumber(cell, type, format);
      values[i] = v;
      if (memoOn) {
        memo.set(cell, v);
        if (memo.size > 4096) memoOn = false;
      }
    }
    return { kind: 'number', values };
  }
  // One pass: codes in order of first sight (cells memoised to their level), then renumbered by frequency.
  const firstCode = new Map<string, number>();
  const levelOf: string[] = [];
  const seenLevel = new Map<string, number>();
  const counts0: number[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    let code = firstCode.get(cell);
    if (code === undefined) {
      if (isMissing(cell, missing)) code = -1;
      else {
        const level = cellLevel(cell, type, format);
        code = seenLevel.get(level);
        if (code === undefined) {
          code = levelOf.length;
          seenLevel.set(level, code);
          levelOf.push(level);
          counts0.push(0);
        }
      }
      firstCode.set(cell, code);
    }
    codes[i] = code;
    if (code >= 0) counts0[code]++;
  }
  const order = levelOf.map((_, i) => i).sort((a, b) => counts0[b] - counts0[a] || (levelOf[a] < levelOf[b] ? -1 : 1));
  const rank = new Int32Array(order.length);
  order.forEach((old, i) => (rank[old] = i));
  for (let i = 0; i < n; i++) if (codes[i] >= 0) codes[i] = rank[codes[i]];
  return { kind: 'level', levels: order.map((i) => levelOf[i]), counts: order.map((i) => counts0[i]), codes };
}
