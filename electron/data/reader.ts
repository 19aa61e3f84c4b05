/**
 * Streaming CSV reader: the file is decoded (iconv-lite, or Node's UTF-8 decoder) and split
 * into records (csv-parse.ts; papaparse sniffs the dialect) chunk by
 * chunk, never held whole as one string. It detects the dialect from the first bytes unless
 * overridden, counts and handles ragged rows, makes header names unique, reports progress,
 * stops on cancel, and keeps at most a memory budget of rows by reservoir sampling.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import {
  type CsvOptions,
  type CsvOptionsOverride,
  DEFAULT_MISSING_TOKENS,
  type ImportProblem,
} from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import { createRng } from '../base/random.js';
import { Reservoir } from '../base/reservoir.js';
import { CsvSplitter } from './csv-parse.js';
import { keptBytes, keptFields, type KeptRow } from './kept-row.js';
import { detectDelimiter, detectHeader, parseSample } from './sniff.js';
import { assertText, bomOf, detectEncoding, ICONV_NAME } from './charset.js';

export interface ReadOptions extends PassHooks {
  overrides?: CsvOptionsOverride;
  /** Approximate bytes of cell text kept in memory; beyond it rows are reservoir-sampled. */
  memoryBudgetBytes?: number;
  seed?: number;
}

export interface RawTable {
  fileName: string;
  bytes: number;
  detected: CsvOptions;
  options: CsvOptions;
  originalHeader: string[];
  header: string[];
  rows: string[][];
  /** Data rows in the file (after the ragged-row policy). */
  totalRows: number;
  sampled: boolean;
  problems: ImportProblem[];
  source: FileSource;
}

/** Where a dataset's rows came from, so a later pass can read the same file the same way. */
export interface FileSource {
  path: string;
  options: CsvOptions;
  /** Lines end with CR alone (old Mac exports). */
  crOnly: boolean;
  bytes: number;
  mtimeMs: number;
  /** Fields per row: the header's width. */
  width: number;
  /** Data rows in the file (after the ragged-row policy). */
  rows: number;
}

/** Estimated bytes of cell text kept in memory (about 100,000 rows of a typical table). */
export const DEFAULT_MEMORY_BUDGET = 48 * 1024 * 1024;
const HEAD_BYTES = 256 * 1024;
/** Bytes of a partial last line carried over to the next chunk at most. */
const MAX_CARRY = 1 << 20;
const MAX_EXAMPLES = 5;

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function fileError(path: string, err: unknown): AppError {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ENOENT') return new AppError('data.notFound', { path: basename(path) });
  if (code === 'EACCES' || code === 'EPERM') return new AppError('data.permission', { path: basename(path) });
  if (code === 'EISDIR') return new AppError('data.isDirectory', { path: basename(path) });
  return new AppError('readFailed', { path: basename(path), message });
}

export function uniqueHeader(raw: string[]): { names: string[]; renamed: { from: string; to: string }[] } {
  const seen = new Map<string, number>();
  const renamed: { from: string; to: string }[] = [];
  const names = raw.map((cell, i) => {
    const base = cell.trim() === '' ? `Column ${i + 1}` : cell.trim();
    let name = base;
    let n = seen.get(base) ?? 0;
    while (seen.has(name)) {
      n++;
      name = `${base} (${n + 1})`;
    }
    seen.set(base, n);
    seen.set(name, 0);
    if (name !== cell) renamed.push({ from: cell, to: name });
    return name;
  });
  return { names, renamed };
}

export async function detectOptions(
  path: string,
  overrides: CsvOptionsOverride = {},
): Promise<{ detected: CsvOptions; options: CsvOptions; head: Uint8Array; crOnly: boolean }> {
  const head = await readHead(path);
  if (head.length === 0) throw new AppError('data.empty');
  const encoding = detectEncoding(head);
  const chosenEncoding = overrides.encoding ?? encoding;
  assertText(head, chosenEncoding);
  const bom = bomOf(head);
  const text = iconv.decode(
    Buffer.from(head.subarray(bom && bom.encoding === chosenEncoding ? bom.length : 0)),
    ICONV_NAME[chosenEncoding],
  );
  if (text.trim() === '') throw new AppError('data.empty');
  const delimiter = detectDelimiter(text);
  const chosenDelimiter = overrides.delimiter ?? delimiter;
  const complete = text.slice(0, Math.max(text.lastIndexOf('\n'), 0)) || text;
  const header = detectHeader(parseSample(complete, chosenDelimiter, overrides.quote ?? '"'));
  const detected: CsvOptions = {
    encoding,
    delimiter,
    quote: '"',
    header,
    raggedRows: 'pad',
    missingTokens: [...DEFAULT_MISSING_TOKENS],
    dayFirst: null,
  };
  // Old Mac exports end lines with CR alone.
  const crOnly = text.includes('\r') && !text.includes('\n');
  return { detected, options: { ...detected, ...stripUndefined(overrides) }, head, crOnly };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A chunk decoder for the file's encoding: keeps multi-byte characters split across chunks intact and drops a BOM. */
function textDecoder(encoding: CsvOptions['encoding']): { write(b: Buffer): string; end(): string } {
  // UTF-8 needs no iconv pass: Node's own decoder is faster.
  const inner =
    encoding === 'utf-8' ? new StringDecoder('utf8') : iconv.getDecoder(ICONV_NAME[encoding], { stripBOM: false });
  let first = true;
  const strip = (text: string) => {
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
    }
    return text;
  };
  return { write: (b) => strip(inner.write(b)), end: () => strip(inner.end() ?? '') };
}

/** A ragged row padded with empty fields or cut to `width` (the "pad" policy). */
function fitWidth(row: string[], width: number): string[] {
  return row.length < width ? [...row, ...Array<string>(width - row.length).fill('')] : row.slice(0, width);
}

/** Progress and cancel for one pass over a file. */
export interface PassHooks {
  signal?: AbortSignal;
  onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
}

/** A record handler: the splitter gives the record's fields (`fields`, `field`, `keep`). */
type RecordHandler = (rec: CsvSplitter, count: number, line: number) => void;

/**
 * One pass over a file: decoded chunk by chunk, split into records, each handed to `onRecord`.
 * Progress at most every 100 ms (with `rows()` as the row count so far), cancel between chunks.
 */
async function streamRecords(
  path: string,
  size: number,
  options: CsvOptions,
  crOnly: boolean,
  hooks: PassHooks,
  rows: () => number,
  onRecord: RecordHandler,
): Promise<void> {
  const splitter: CsvSplitter = new CsvSplitter(options.delimiter, options.quote, (count, line) =>
    onRecord(splitter, count, line),
  );
  const decoder = textDecoder(options.encoding);
  let file: ReturnType<typeof createReadStream> | null = null;
  let bytesRead = 0;
  let lastProgress = 0;
  try {
    if (hooks.signal?.aborted) throw new AppError('cancelled');
    file = createReadStream(path, { highWaterMark: 1 << 20 });
    // Chunks are cut after their last line-end byte and the tail carried to the next one, so the
    // splitter is handed whole lines and rarely has to join a partial line to new text (a joined
    // string is slower to scan). Not for UTF-16, whose line-end byte also occurs inside other characters.
    const lineEnd = options.encoding === 'utf-16le' || options.encoding === 'utf-16be' ? -1 : crOnly ? 13 : 10;
    let carry: Buffer | null = null;
    for await (const chunk of file as AsyncIterable<Buffer>) {
      if (hooks.signal?.aborted) throw new AppError('cancelled');
      bytesRead += chunk.length;
      let bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      carry = null;
      if (lineEnd >= 0) {
        const cut = bytes.lastIndexOf(lineEnd) + 1;
        // A line longer than a chunk goes to the splitter as it is (carrying it would copy it again and again).
        if (cut < bytes.length && bytes.length - cut <= MAX_CARRY) {
          carry = Buffer.from(bytes.subarray(cut));
          bytes = bytes.subarray(0, cut);
        }
      }
      const text = decoder.write(bytes);
      splitter.write(crOnly ? text.replaceAll('\r', '\n') : text);
      const now = Date.now();
      if (now - lastProgress > 100) {
        lastProgress = now;
        hooks.onProgress?.({ bytesRead, totalBytes: size, rows: rows() });
        // Let timers and abort handlers run between chunks.
        await new Promise<void>((r) => setImmediate(r));
      }
    }
    const tail = (carry ? decoder.write(carry) : '') + decoder.end();
    splitter.write(crOnly ? tail.replaceAll('\r', '\n') : tail);
    splitter.end();
  } catch (err) {
    file?.destroy();
    throw err instanceof AppError ? err : fileError(path, err);
  }
  if (hooks.signal?.aborted) throw new AppError('cancelled');
  hooks.onProgress?.({ bytesRead: size, totalBytes: size, rows: rows() });
}

/**
 * Another pass over a file already imported (exact segment counts, a subset drawn from the
 * whole file): every data row — header skipped, the ragged-row policy applied as on import —
 * goes to `onRow`, with its padded fields when it was ragged, else null (read its fields from
 * `rec`). Refuses a file that changed since it was imported. Returns the number of rows.
 */
export async function rescanRows(
  source: FileSource,
  hooks: PassHooks,
  onRow: (rec: CsvSplitter, padded: string[] | null) => void,
): Promise<number> {
  let now: { size: number; mtimeMs: number };
  try {
    now = await stat(source.path);
  } catch (err) {
    throw fileError(source.path, err);
  }
  if (now.size !== source.bytes || now.mtimeMs !== source.mtimeMs)
    throw new AppError('data.fileChanged', { path: basename(source.path) });
  const { options, width } = source;
  let headerSeen = !options.header;
  let seen = 0;
  await streamRecords(
    source.path,
    source.bytes,
    options,
    source.crOnly,
    hooks,
    () => seen,
    (rec, count) => {
      if (!headerSeen) {
        headerSeen = true;
        return;
      }
      let padded: string[] | null = null;
      if (count !== width) {
        if (options.raggedRows === 'skip') return;
        padded = fitWidth(rec.fields(), width);
      }
      seen++;
      onRow(rec, padded);
    },
  );
  return seen;
}

export async function readCsv(path: string, opts: ReadOptions = {}): Promise<RawTable> {
  let size: number;
  let mtimeMs: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = info.size;
    mtimeMs = info.mtimeMs;
  } catch (err) {
    throw fileError(path, err);
  }
  if (size === 0) throw new AppError('data.empty');
  let detected: CsvOptions;
  let options: CsvOptions;
  let crOnly = false;
  try {
    ({ detected, options, crOnly } = await detectOptions(path, opts.overrides));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError(path, err);
  }
  const budget = opts.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET;
  const rng = createRng(opts.seed ?? 1);
  const problems: ImportProblem[] = [];
  const tooFew: { line: number; text: string }[] = [];
  const tooMany: { line: number; text: string }[] = [];
  let tooFewCount = 0;
  let tooManyCount = 0;
  let originalHeader: string[] | null = null;
  let width = 0;
  // A kept row is its fields, or its text, split at the end: rows later replaced by reservoir
  // sampling are then never split. The reservoir grows until the rows kept reach the budget.
  const kept = new Reservoir<KeptRow>(Infinity, rng);
  let bytesKept = 0;

  await streamRecords(
    path,
    size,
    options,
    crOnly,
    opts,
    () => kept.seen,
    (splitter, count, line) => {
      if (originalHeader === null) {
        const row = splitter.fields();
        if (options.header) {
          originalHeader = row;
          width = row.length;
          return;
        }
        originalHeader = row.map((_, i) => `Column ${i + 1}`);
        width = row.length;
      }
      let row: string[] | null = null;
      if (count !== width) {
        row = splitter.fields();
        const example = { line, text: row.join(options.delimiter).slice(0, 200) };
        if (row.length < width) {
          tooFewCount++;
          if (tooFew.length < MAX_EXAMPLES) tooFew.push(example);
        } else {
          tooManyCount++;
          if (tooMany.length < MAX_EXAMPLES) tooMany.push(example);
        }
        if (options.raggedRows === 'skip') return;
        row = fitWidth(row, width);
      }
      const slot = kept.offer();
      if (slot < 0) return;
      const item = row ?? splitter.keep();
      const growing = slot === kept.items.length;
      kept.put(slot, item);
      if (growing) {
        // Bytes as if split: the text now, its fields (strings and array) after the pass.
        bytesKept += keptBytes(item, width);
        if (bytesKept > budget) kept.limit();
      }
    },
  );
  const seen = kept.seen;
  const table = kept.items.map((r) => keptFields(r, options.delimiter, options.quote));

  const raw: string[] = originalHeader ?? [];
  if (raw.length === 0 || (seen === 0 && tooFewCount + tooManyCount === 0)) {
    throw new AppError(raw.length > 0 ? 'data.headerOnly' : 'data.empty');
  }
  if (seen === 0) throw new AppError('data.allRowsRagged', { rows: tooFewCount + tooManyCount });
  if (width < 2)
    throw new AppError('data.singleColumn', { delimiter: options.delimiter === '\t' ? 'tab' : options.delimiter });
  const { names, renamed } = uniqueHeader(raw);
  if (renamed.length > 0) {
    problems.push({
      code: 'problems.headerRenamed',
      severity: 'info',
      params: {
        count: renamed.length,
        names: renamed
          .slice(0, 5)
          .map((r) => `"${r.from}" → "${r.to}"`)
          .join(', '),
      },
      examples: [],
    });
  }
  const policy = options.raggedRows === 'skip' ? 'skipped' : 'padded';
  if (tooFewCount > 0)
    problems.push({
      code: `problems.tooFewFields.${policy}`,
      severity: 'warning',
      params: { count: tooFewCount, expected: width },
      examples: tooFew,
    });
  if (tooManyCount > 0)
    problems.push({
      code: `problems.tooManyFields.${policy}`,
      severity: 'warning',
      params: { count: tooManyCount, expected: width },
      examples: tooMany,
    });
  if (kept.limited)
    problems.push({
      code: 'problems.sampledOnImport',
      severity: 'info',
      params: { kept: table.length, total: seen },
      examples: [],
    });
  return {
    fileName: basename(path),
    bytes: size,
    detected,
    options,
    originalHeader: raw,
    header: names,
    rows: table,
    totalRows: seen,
    sampled: kept.limited,
    problems,
    source: { path, options, crOnly, bytes: size, mtimeMs, width, rows: seen },
  };
}
