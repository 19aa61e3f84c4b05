/**
 * Writing rows as CSV: RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM so Excel reads it
 * right — and, by default, the formula guard: a cell (header included) that a spreadsheet would
 * run as a formula is written with a leading single quote, as OWASP recommends for CSV exports.
 */
import type { Delimiter, RowTable } from '../../shared/domain/data.js';
import { parseNumber } from './numbers.js';

export interface CsvWriteOptions {
  delimiter?: Delimiter;
  /** Start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
  /** Neutralise cells a spreadsheet would run as formulas (default true). */
  formulaGuard?: boolean;
}

/** Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (full-width forms: Japanese Excel). */
const FORMULA_START = /^[ \u3000]*[=+\-@\t\r＝＋－＠]/;
/** Signs a number may start with: such a cell is left alone when it reads as a number. */
const SIGN_START = /^[ \u3000]*[+\-＋－]/;

/**
 * Whether a cell would run as a formula in a spreadsheet: it starts — after any leading spaces —
 * with `=`, `+`, `-`, `@`, a tab or a carriage return, or the full-width `＝ ＋ － ＠`. Two kinds
 * of cells are exempt, since they cannot carry a formula: a number as the data layer reads
 * numbers (`-12`, `-1,234.5`, `+3,5`, `-￥1,200`, with either decimal mark), and a lone sign
 * (`-` or `+`, common placeholders for "nothing").
 */
export function isFormulaLike(value: string): boolean {
  if (!FORMULA_START.test(value)) return false;
  if (!SIGN_START.test(value)) return true;
  const t = value.trim();
  if (t === '-' || t === '+') return false;
  return Number.isNaN(parseNumber(t, '.')) && Number.isNaN(parseNumber(t, ','));
}

/** A cell as written: neutralised with a leading `'` when it is formula-like (and the guard is on), then quoted if needed. */
export function csvCell(value: string, delimiter: string, formulaGuard = true): string {
  const v = formulaGuard && isFormulaLike(value) ? `'${value}` : value;
  return /["\r\n]/.test(v) || v.includes(delimiter) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(table: RowTable, opts: CsvWriteOptions = {}): string {
  const d = opts.delimiter ?? ',';
  const guard = opts.formulaGuard !== false;
  const lines = [table.header, ...table.rows].map((row) => row.map((c) => csvCell(c, d, guard)).join(d));
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
