/**
 * A rule's columns read from and written back to cells as the rows write them: a number, date
 * or datetime cell as its value (dates as epoch milliseconds), a category or yes/no cell as its
 * level; an empty or unreadable cell is missing (null). Writing uses the column's own format and
 * rounding (its decimals, whole numbers for integers, its date pattern), so a repaired cell looks
 * like the others. Independent of the codec: rules are kept on decoded values.
 */
import type { RuleColumn } from '../../../shared/domain/rules.js';
import { dateFormatter } from '../dates.js';
import { numberFormatter } from '../numbers.js';
import { cellLevel, cellNumber, isNumberType } from '../typed.js';
import type { RuleValue } from './check.js';
import { roundTo } from './check.js';
import { decimalsOf } from './table.js';

export function cellReader(col: RuleColumn): (cell: string) => RuleValue {
  if (isNumberType(col.type))
    return (cell) => {
      const v = cell.trim() === '' ? NaN : cellNumber(cell, col.type, col.format);
      return Number.isFinite(v) ? v : null;
    };
  return (cell) => {
    const v = cellLevel(cell, col.type, col.format);
    return v === '' ? null : v;
  };
}

export function cellWriter(col: RuleColumn): (value: RuleValue) => string {
  if (col.type === 'date' || col.type === 'datetime') {
    const fmt = dateFormatter(col.format.date?.pattern ?? 'YYYY-MM-DD');
    return (v) => (typeof v === 'number' ? fmt(v) : '');
  }
  if (isNumberType(col.type)) {
    const decimals = decimalsOf(col.type, col.format);
    const fmt = col.format.number ? numberFormatter({ ...col.format.number, decimals }) : (v: number) => String(v);
    return (v) => (typeof v === 'number' ? fmt(roundTo(v, decimals)) : '');
  }
  return (v) => (v === null ? '' : String(v));
}

/** The column's own grid: its decimals (0 for integers), whole days for dates, seconds for datetimes. */
export function columnStep(col: RuleColumn): number {
  if (col.type === 'date') return 86_400_000;
  if (col.type === 'datetime') return 1000;
  return 10 ** -decimalsOf(col.type, col.format);
}
