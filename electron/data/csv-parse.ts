/**
 * Incremental RFC 4180 record splitter for the streaming import: text arrives chunk by chunk
 * (already decoded) and complete records come out one at a time, with their field count and
 * the physical line they start on. Lines without a quote character are found with `indexOf`;
 * records with quotes — embedded delimiters, newlines and doubled quotes — are scanned
 * character by character (csv-quoted.ts). A record cut by the end of a chunk is kept until the next chunk.
 * Lines whose fields are all blank are skipped (like papaparse's `skipEmptyLines: 'greedy'`) and
 * counted, with the first few as examples (`blank`); empty lines after the last record are not.
 * Papaparse is still used to sniff the dialect on the first bytes; this splitter exists because
 * papaparse's stream mode parses at ~30 MB/s of CPU here, below the 50 MB/s import target.
 * Fields are built lazily: all of them for a row the caller keeps (`fields`, or `keep` to split
 * it later, kept-row.ts), one of them for a segment key (`field`), none for a row it drops.
 */
import { ALL, fieldEnd, quotedFields, scanned, scanQuoted } from './csv-quoted.js';
import { own, type KeptRow } from './kept-row.js';

/** One record: its field count and the line it starts on; `splitter.fields()` gives its fields on demand. */
export type RecordSink = (count: number, line: number) => void;

const BLANK_EXAMPLES = 5;

/** Blank lines skipped by a splitter: how many, and the first few (line and text). */
export interface BlankLines {
  count: number;
  examples: { line: number; text: string }[];
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
  /** Lines skipped because every field was blank. */
  readonly blank: BlankLines = { count: 0, examples: [] };
  /** Empty lines not counted yet: they count once a line with text follows (not at the end of the file). */
  private pendingEmpty = 0;
  private pendingLines: number[] = [];

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
        this.flushEmpty();
        this.current = fields;
        this.owned = false;
        this.onRecord(fields.length, this.line);
        this.current = null;
        return;
      }
    }
    this.flushEmpty();
    this.noteBlank(this.line, fields.join(this.delimiter));
  }

  private noteBlank(line: number, text: string): void {
    this.blank.count++;
    if (this.blank.examples.length < BLANK_EXAMPLES) this.blank.examples.push({ line, text: text.slice(0, 200) });
  }

  /** Empty lines followed by more text are blank rows of the file. */
  private flushEmpty(): void {
    if (this.pendingEmpty === 0) return;
    for (const line of this.pendingLines) this.noteBlank(line, '');
    this.blank.count += this.pendingEmpty - this.pendingLines.length;
    this.pendingEmpty = 0;
    this.pendingLines = [];
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
    if (this.pendingEmpty > 0) this.flushEmpty();
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
        else if (this.pendingEmpty++ < BLANK_EXAMPLES) this.pendingLines.push(this.line);
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
      if (this.pendingEmpty > 0) this.flushEmpty();
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
