/**
 * What the Samples step's table shows of a set of rows: filtered (a text contained in any cell or
 * in one column, or one column's value exactly), sorted by a column (numbers as numbers,
 * otherwise in the UI language's order), and cut into pages. Each row keeps its number in the
 * stream, so a sorted or filtered row still says where it is in the export.
 */
import type { RowTable } from '../../../../shared/domain/data.js';

export interface TableFilter {
  /** Column index, or -1 for every column. */
  column: number;
  text: string;
  /** Match the whole value (a category picked from its values) rather than a part of it. */
  exact: boolean;
}

export interface TableSort {
  column: number;
  descending: boolean;
}

export interface ShownRow {
  /** 1-based number of the row in the table as generated. */
  n: number;
  cells: string[];
}

/** At most this many distinct values make a column filterable by picking one. */
export const PICK_MAX_VALUES = 30;

/** A number written as the app writes them (separators, currency, %), or NaN. */
function asNumber(cell: string): number {
  const t = cell.replace(/[,\s¥￥$€%]/g, '');
  return t === '' ? NaN : Number(t);
}

function matches(cells: string[], f: TableFilter): boolean {
  if (f.text === '') return true;
  const needle = f.text.toLocaleLowerCase();
  const test = (c: string) => (f.exact ? c === f.text : c.toLocaleLowerCase().includes(needle));
  return f.column < 0 ? cells.some(test) : test(cells[f.column] ?? '');
}

function compare(a: string, b: string, locale: string): number {
  const x = asNumber(a);
  const y = asNumber(b);
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  if (!Number.isNaN(x) !== !Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
  return a.localeCompare(b, locale);
}

/** The rows that pass the filter, in the sort's order (stable: ties keep the stream's order). */
export function viewRows(table: RowTable, filter: TableFilter, sort: TableSort | null, locale: string): ShownRow[] {
  const rows = table.rows.map((cells, i) => ({ n: i + 1, cells })).filter((r) => matches(r.cells, filter));
  if (sort) {
    const sign = sort.descending ? -1 : 1;
    rows.sort((a, b) => sign * compare(a.cells[sort.column] ?? '', b.cells[sort.column] ?? '', locale) || a.n - b.n);
  }
  return rows;
}

/** The distinct values of a column when there are few enough to pick from (else null). */
export function pickValues(table: RowTable, column: number): string[] | null {
  if (column < 0) return null;
  const values = new Set<string>();
  for (const row of table.rows) {
    values.add(row[column] ?? '');
    if (values.size > PICK_MAX_VALUES) return null;
  }
  return [...values].sort((a, b) => compare(a, b, 'en'));
}

/** Page `page` (0-based) of `size` rows, with the page clamped to the pages there are. */
export function pageOf<T>(rows: T[], page: number, size: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { rows: rows.slice(p * size, (p + 1) * size), page: p, pages };
}
