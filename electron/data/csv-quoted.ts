/**
 * CSV records that contain quotes, read character by character with RFC 4180's rules (as
 * papaparse reads them): a scan that counts a record's fields and finds its end without
 * building them (`scanQuoted`), where one field ends (`fieldEnd`), and the fields themselves,
 * all or one (`quotedFields`). Doubled quotes inside quotes stand for one; text after a
 * closing quote is kept as written. Used by the splitter (csv-parse.ts) and to split kept rows.
 */

/** `want` for `quotedFields`: every field. */
export const ALL = -1;

function nextNewline(text: string, from: number): number {
  const k = text.indexOf('\n', from);
  return k < 0 ? text.length : k;
}

/** A character that `trim()` keeps: not a control or space, ASCII or Unicode. */
function shows(c: number): boolean {
  if (c < 128) return c > 32;
  return !(
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Where the field starting at `i` ends (its delimiter, or `end`), reading quotes as `quotedFields` does. */
export function fieldEnd(text: string, i: number, end: number, delimiter: number, quote: number): number {
  if (text.charCodeAt(i) === quote) {
    for (i++; i < end; i++) {
      if (text.charCodeAt(i) !== quote) continue;
      if (text.charCodeAt(i + 1) === quote) i++;
      else break;
    }
  }
  for (; i < end; i++) if (text.charCodeAt(i) === delimiter) return i;
  return end;
}

/** What `scanQuoted` found (one object reused: the scan runs once per record). */
export const scanned = { count: 0, lines: 0, end: 0, next: 0, visible: false };

/**
 * Scans one record that contains quotes, from `start`, character by character (cheaper than
 * searching for each quote, delimiter and line end when every field is quoted): its field
 * count, the line breaks inside quoted fields, where it ends, where the next record starts,
 * and whether it holds anything but blanks, quotes and delimiters. Same reading as
 * `quotedFields`. False when the text ends inside the record and `final` is false.
 */
export function scanQuoted(text: string, start: number, final: boolean, delimiter: number, quote: number): boolean {
  const len = text.length;
  let count = 1;
  let lines = 0;
  let quoted = false;
  let fieldStart = true;
  let visible = false;
  for (let i = start; i < len; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === quote) {
        if (i + 1 >= len && !final) return false;
        if (text.charCodeAt(i + 1) === quote) {
          i++;
          visible = true;
        } else quoted = false;
      } else if (c === 10) lines++;
      else if (!visible && shows(c)) visible = true;
      continue;
    }
    if (c === quote && fieldStart) {
      quoted = true;
      fieldStart = false;
      continue;
    }
    if (c === delimiter) {
      count++;
      fieldStart = true;
      continue;
    }
    if (c === 10) return found(count, lines, i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i, i + 1, visible);
    if (!visible && shows(c)) visible = true;
    fieldStart = false;
  }
  if (!final) return false;
  return found(count, lines, len > start && text.charCodeAt(len - 1) === 13 ? len - 1 : len, len, visible);
}

function found(count: number, lines: number, end: number, next: number, visible: boolean): true {
  scanned.count = count;
  scanned.lines = lines;
  scanned.end = end;
  scanned.next = next;
  scanned.visible = visible;
  return true;
}

/**
 * The fields of one record that contains quotes, from `start` (the record is known to be
 * complete): all of them (ALL), or only field `want` (then it stops once that field is built).
 * Doubled quotes inside quotes stand for one; text after a closing quote up to the delimiter is
 * kept as written (lenient), as papaparse does.
 */
export function quotedFields(text: string, start: number, delimiter: string, quote: string, want: number): string[] {
  const len = text.length;
  const fields: string[] = [];
  let field = '';
  let index = 0;
  let build = want === ALL || want === index;
  let i = start;
  /** The next newline at or after i, or len (it moves only when a quoted field crosses it). */
  let nl = nextNewline(text, i);
  for (;;) {
    // Start of a field.
    if (text.startsWith(quote, i)) {
      i += quote.length;
      for (;;) {
        const q = text.indexOf(quote, i);
        if (q < 0) {
          if (build) field += text.slice(i);
          i = nl = len;
          break;
        }
        if (nl < q) nl = nextNewline(text, q);
        if (build) field += text.slice(i, q);
        if (text.startsWith(quote, q + 1)) {
          if (build) field += quote;
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    }
    const d = text.indexOf(delimiter, i);
    if (d >= 0 && d < nl) {
      if (build) {
        fields.push(field + text.slice(i, d));
        field = '';
        if (want === index) return fields;
      }
      index++;
      build = want === ALL || want === index;
      i = d + delimiter.length;
      continue;
    }
    const end = nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (build) fields.push(field + text.slice(i, end));
    return fields;
  }
}
