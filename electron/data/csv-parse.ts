/**
 * Incremental RFC 4180 record splitter for the streaming import: text arrives chunk by chunk
 * (already decoded) and complete records come out one at a time, with their field count and
 * the physical line they start on. Lines without a quote character are found with `indexOf`;
 * records with quotes — embedded delimiters, newlines and doubled quotes — are scanned
 * character by character. A record cut by the end of a chunk is kept until the next chunk.
 * Lines whose fields are all blank are skipped (like papaparse's `skipEmptyLines: 'greedy'`).
 * Papaparse is still used to sniff the dialect on the first bytes; this splitter exists because
 * papaparse's stream mode parses at ~30 MB/s of CPU here, below the 50 MB/s import target.
 * Fields are built lazily: all of them for a row the caller keeps (`fields`, or `keep` to split
 * it later), one of them for a segment key (`field`), none for a row it drops.
 */

/** One record: its field count and the line it starts on; `splitter.fields()` gives its fields on demand. */
export type RecordSink = (count: number, line: number) => void;

/** A copy of a string that does not share memory with the chunk it was cut from. */
export function own(s: string): string {
  if (s.length < 13) return s; // V8 copies short substrings anyway
  const flat = s + ' ';
  flat.charCodeAt(0);
  return flat.slice(0, -1);
}

export class CsvSplitter {
  private rest = '';
  /** Number of the physical line (1-based) where the next record starts. */
  private line = 1;
  /** The record being emitted: split fields, or a quote-free line of `text` to split on demand. */
  private current: string[] | null = null;
  private owned = false;
  private lineText = '';
  private lineStart = 0;
  private lineEnd = 0;
  /** The record being emitted is a quoted one at lineText[lineStart, lineEnd), its fields not built yet. */
  private inQuoted = false;
  /** Where `field` may continue a walk over the quoted record: the next field's index and start. */
  private walkIndex = 0;
  private walkPos = 0;

  constructor(
    private readonly delimiter: string,
    private readonly quote: string,
    private readonly onRecord: RecordSink,
  ) {}

  /** Feeds decoded text; complete records are emitted, a trailing partial record is kept. */
  write(chunk: string): void {
    const text = this.rest.length > 0 ? this.rest + chunk : chunk;
    this.rest = text.slice(this.parse(text, false));
  }

  /** Ends the input: the last record (without a final newline) is emitted. */
  end(): void {
    if (this.rest.length > 0) this.parse(this.rest, true);
    this.rest = '';
    this.lineText = '';
  }

  /**
   * The record being emitted as one line of text copied out of the chunk, when it had no quotes
   * (split it on the delimiter to get its fields); null for a quoted record. Call only from the sink.
   */
  lineCopy(): string | null {
    if (this.current || this.inQuoted) return null;
    const line = this.lineText.slice(this.lineStart, this.lineEnd) + ' ';
    line.charCodeAt(0);
    return line.slice(0, -1);
  }

  /**
   * The record being emitted, kept as cheaply as possible for later (`keptFields` gives its
   * fields): a quote-free line or a quoted record's text copied out of the chunk, or its fields
   * when they were built already. A row kept now and replaced later is then never split.
   * Call only from the sink.
   */
  keep(): KeptRow {
    if (this.inQuoted) return { quoted: own(this.lineText.slice(this.lineStart, this.lineEnd)) };
    return this.lineCopy() ?? this.fields();
  }

  /**
   * Field j of the record being emitted ('' when the record is shorter), found without splitting
   * the others. The result may share memory with the chunk: copy it (`own`) before keeping it.
   * Call only from the sink.
   */
  field(j: number): string {
    if (this.current) return this.current[j] ?? '';
    if (this.inQuoted) return this.quotedField(j);
    const { lineText: text, lineEnd: end, delimiter } = this;
    let start = this.lineStart;
    for (let k = 0; k < j; k++) {
      const d = text.indexOf(delimiter, start);
      if (d < 0 || d >= end) return '';
      start = d + delimiter.length;
    }
    const d = text.indexOf(delimiter, start);
    return text.slice(start, d < 0 || d > end ? end : d);
  }

  /** The fields of the record being emitted (call only from the sink). */
  fields(): string[] {
    if (this.current) {
      if (!this.owned) {
        this.current = this.current.map(own);
        this.owned = true;
      }
      return this.current;
    }
    if (this.inQuoted) {
      this.current = quotedFields(this.lineText, this.lineStart, this.delimiter, this.quote, ALL).map(own);
      this.owned = true;
      return this.current;
    }
    // Copy the line out of the chunk (a flattened concatenation), so kept fields do not pin
    // the whole megabyte chunk in memory as sliced strings.
    const line = this.lineText.slice(this.lineStart, this.lineEnd) + this.delimiter;
    line.charCodeAt(0);
    const fields = line.split(this.delimiter);
    fields.pop();
    this.current = fields;
    this.owned = true;
    return fields;
  }

  private emit(fields: string[]): void {
    for (const f of fields) {
      if (f.trim() !== '') {
        this.current = fields;
        this.owned = false;
        this.onRecord(fields.length, this.line);
        this.current = null;
        return;
      }
    }
  }

  /** A line without quotes: fields counted now, split only if asked for. */
  private emitLine(text: string, start: number, end: number): void {
    const first = text.charCodeAt(start);
    if (first <= 32 || text.startsWith(this.delimiter, start)) {
      // Possibly blank (only spaces and delimiters): check properly.
      this.emit(text.slice(start, end).split(this.delimiter));
      return;
    }
    let count = 1;
    for (let d = text.indexOf(this.delimiter, start); d >= 0 && d < end; d = text.indexOf(this.delimiter, d + 1))
      count++;
    this.lineText = text;
    this.lineStart = start;
    this.lineEnd = end;
    this.onRecord(count, this.line);
    this.current = null;
  }

  /** Parses whole records from `text`; returns where the unconsumed tail starts. */
  private parse(text: string, final: boolean): number {
    const { quote } = this;
    const len = text.length;
    let pos = 0;
    let nextQuote = text.indexOf(quote);
    if (nextQuote < 0) nextQuote = Infinity;
    while (pos < len) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) return pos;
        nl = len;
      }
      if (nextQuote < pos) {
        nextQuote = text.indexOf(quote, pos);
        if (nextQuote < 0) nextQuote = Infinity;
      }
      if (nextQuote > nl) {
        const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (end > pos) this.emitLine(text, pos, end);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.quotedRecord(text, pos, final);
      if (next < 0) return pos;
      pos = next;
    }
    return len;
  }

  /**
   * Field j of the quoted record being emitted, found by skipping the fields before it.
   * Segment keys read fields left to right, so a walk continues from the last field read.
   */
  private quotedField(j: number): string {
    const text = this.lineText;
    const end = this.lineEnd;
    const d = this.delimiter.charCodeAt(0);
    const q = this.quote.charCodeAt(0);
    let index = 0;
    let i = this.lineStart;
    if (this.walkIndex <= j) {
      index = this.walkIndex;
      i = this.walkPos;
    }
    for (; index < j; index++) {
      i = fieldEnd(text, i, end, d, q) + 1;
      if (i > end) {
        this.walkIndex = Infinity;
        return '';
      }
    }
    const stop = fieldEnd(text, i, end, d, q);
    this.walkIndex = stop < end ? j + 1 : Infinity;
    this.walkPos = stop + 1;
    if (text.charCodeAt(i) !== q) return text.slice(i, stop);
    // A quoted field: the text between its quotes when it holds no doubled quote and nothing follows the closing one.
    const close = text.indexOf(this.quote, i + 1);
    if (close === stop - 1) return text.slice(i + 1, close);
    return quotedFields(text, i, this.delimiter, this.quote, 0)[0] ?? '';
  }

  /**
   * One record containing quotes: scanned to its end (fields counted, not built); emitted
   * with its fields built on demand. A record whose fields may all be blank is built now, so
   * it can be skipped like a blank line. Returns where the next record starts; -1 when the
   * record is cut by the end of the text.
   */
  private quotedRecord(text: string, start: number, final: boolean): number {
    if (!scanQuoted(text, start, final, this.delimiter.charCodeAt(0), this.quote.charCodeAt(0))) return -1;
    const { count, lines, end, next, visible } = scanned;
    if (!visible) {
      // Possibly blank (a quoted space is not blank to papaparse's greedy rule, but trimmed it is): build and check.
      this.emit(quotedFields(text, start, this.delimiter, this.quote, ALL));
    } else {
      this.lineText = text;
      this.lineStart = start;
      this.lineEnd = end;
      this.inQuoted = true;
      this.walkIndex = 0;
      this.walkPos = start;
      this.onRecord(count, this.line);
      this.inQuoted = false;
      this.current = null;
    }
    this.line += 1 + lines;
    return next;
  }
}

const ALL = -1;

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
function fieldEnd(text: string, i: number, end: number, delimiter: number, quote: number): number {
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
const scanned = { count: 0, lines: 0, end: 0, next: 0, visible: false };

/**
 * Scans one record that contains quotes, from `start`, character by character (cheaper than
 * searching for each quote, delimiter and line end when every field is quoted): its field
 * count, the line breaks inside quoted fields, where it ends, where the next record starts,
 * and whether it holds anything but blanks, quotes and delimiters. Same reading as
 * `quotedFields`. False when the text ends inside the record and `final` is false.
 */
function scanQuoted(text: string, start: number, final: boolean, delimiter: number, quote: number): boolean {
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
function quotedFields(text: string, start: number, delimiter: string, quote: string, want: number): string[] {
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
