/** Writing rows as CSV: RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM so Excel reads it right. */
import type { Delimiter, RowTable } from '../../shared/domain/data.js';

export function csvCell(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || /^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

export function toCsv(table: RowTable, opts: { delimiter?: Delimiter; bom?: boolean } = {}): string {
  const d = opts.delimiter ?? ',';
  const lines = [table.header, ...table.rows].map((row) => row.map((c) => csvCell(c, d)).join(d));
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
