/**
 * Incremental RFC 4180 record splitter for the streaming import: text arrives chunk by chunk
 * (already decoded) and complete records come out as arrays of fields. Lines without a quote
 * character take a fast path (one `split`); quoted fields — embedded delimiters, newlines and
 * doubled quotes — go through a small state machine. A record cut by the end of a chunk is kept
 * until the next chunk. Lines whose fields are all blank are skipped (like papaparse's
 * `skipEmptyLines: 'greedy'`). Papaparse is still used to sniff the dialect on the first bytes;
 * this splitter exists because papaparse's stream mode parses at ~30 MB/s of CPU here, below
 * the 50 MB/s import target. Fields are split lazily: a record the caller drops (reservoir
 * sampling beyond the memory budget) only has its fields counted, never allocated.
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
    if (this.current) return null;
    const line = this.lineText.slice(this.lineStart, this.lineEnd) + ' ';
    line.charCodeAt(0);
    return line.slice(0, -1);
  }

  /**
   * Field j of the record being emitted ('' when the record is shorter), found without splitting
   * the others. The result may share memory with the chunk: copy it (`own`) before keeping it.
   * Call only from the sink.
   */
  field(j: number): string {
    if (this.current) return this.current[j] ?? '';
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
    for (let d = text.indexOf(this.delimiter, start); d >= 0 && d < end; d = text.indexOf(this.delimiter, d + 1)) count++;
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
      const next = this.quoted(text, pos, final);
      if (next < 0) return pos;
      pos = next;
    }
    return len;
  }

  /** The state machine for one record containing quotes; -1 when the record is incomplete. */
  private quoted(text: string, start: number, final: boolean): number {
    const { delimiter, quote } = this;
    const len = text.length;
    const fields: string[] = [];
    let field = '';
    let i = start;
    let lines = 0;
    /** The next newline at or after i (cached: it only moves when a quoted field crosses it). */
    let nl = -1;
    for (;;) {
      // Start of a field.
      if (text.startsWith(quote, i)) {
        i++;
        for (;;) {
          const q = text.indexOf(quote, i);
          if (q < 0) {
            if (!final) return -1;
            field += text.slice(i);
            i = len;
            break;
          }
          const piece = text.slice(i, q);
          for (let k = piece.indexOf('\n'); k >= 0; k = piece.indexOf('\n', k + 1)) lines++;
          field += piece;
          if (text.startsWith(quote, q + 1)) {
            field += quote;
            i = q + 2;
            continue;
          }
          if (q + 1 >= len && !final) return -1;
          i = q + 1;
          break;
        }
        // Text after the closing quote up to the delimiter is kept as written (lenient).
      }
      let d = text.indexOf(delimiter, i);
      if (nl < i) {
        nl = text.indexOf('\n', i);
        if (nl < 0) {
          if (!final) return -1;
          nl = len;
        }
      }
      if (d >= 0 && d < nl) {
        field += text.slice(i, d);
        fields.push(field);
        field = '';
        i = d + delimiter.length;
        continue;
      }
      d = nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      field += text.slice(i, d);
      fields.push(field);
      this.emit(fields);
      this.line += 1 + lines;
      return nl + 1;
    }
  }
}
