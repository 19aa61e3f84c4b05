/**
 * A row kept for later, as cheaply as possible: its fields, a quote-free line (split on the
 * delimiter when needed), or a quoted record's text. Rows are kept like this during a pass and
 * split at its end, so rows a reservoir replaces meanwhile are never split. Kept text is copied
 * out of the chunk it was cut from, so it does not pin the whole chunk in memory.
 */
import { ALL, quotedFields } from './csv-quoted.js';

/** A copy of a string that does not share memory with the chunk it was cut from. */
export function own(s: string): string {
  if (s.length < 13) return s; // V8 copies short substrings anyway
  const flat = s + ' ';
  flat.charCodeAt(0);
  return flat.slice(0, -1);
}

/** A record kept for later: its fields, a quote-free line (split on the delimiter), or a quoted record's text. */
export type KeptRow = string[] | string | { quoted: string };

/** The fields of a kept record. */
export function keptFields(row: KeptRow, delimiter: string, quote: string): string[] {
  if (Array.isArray(row)) return row;
  if (typeof row === 'string') return row.split(delimiter);
  return quotedFields(row.quoted, 0, delimiter, quote, ALL);
}

/** Bytes a kept record will take once split into `width` fields (strings and the array). */
export function keptBytes(row: KeptRow, width: number): number {
  if (Array.isArray(row)) return row.reduce((b, c) => b + c.length * 2 + 48, 64);
  const text = typeof row === 'string' ? row : row.quoted;
  return text.length * 2 + 64 + width * 48;
}
