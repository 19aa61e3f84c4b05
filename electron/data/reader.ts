/**
 * Streaming CSV reader: the import's pass over a file (file-stream.ts: chunk by chunk, decoded,
 * split into records, never held whole as one string) with its dialect detected from the first
 * bytes unless overridden (dialect.ts). It takes the header (header.ts), counts and handles
 * ragged rows (ragged.ts), counts the blank rows skipped, and keeps at most a memory budget of
 * rows by reservoir sampling; a file that changes during the pass is refused (file-stream.ts).
 * `rescanRows` reads the same file again, the same way, for later passes over all of it.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CsvOptions, CsvOptionsOverride, ImportProblem } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import { createRng, type Rng } from '../base/random.js';
import { Reservoir } from '../base/reservoir.js';
import type { BlankLines, CsvSplitter } from './csv-parse.js';
import { detectOptions } from './dialect.js';
import { fileError, streamRecords, type PassHooks } from './file-stream.js';
import { defaultHeader, renamedProblems, uniqueHeader } from './header.js';
import { keptBytes, keptFields, type KeptRow } from './kept-row.js';
import { fitWidth, RaggedRows } from './ragged.js';

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

/**
 * What the import's pass collects, record by record: the header (the first record, or names
 * for a file without one), the ragged rows, and the rows kept. A kept row is its fields, or its
 * text, split at the end: rows later replaced by reservoir sampling are then never split. The
 * reservoir grows until the rows kept reach the memory budget, then samples.
 */
class ImportPass {
  header: string[] | null = null;
  width = 0;
  readonly ragged = new RaggedRows();
  readonly kept: Reservoir<KeptRow>;
  private bytesKept = 0;

  constructor(
    private readonly options: CsvOptions,
    private readonly budget: number,
    rng: Rng,
  ) {
    this.kept = new Reservoir<KeptRow>(Infinity, rng);
  }

  record(splitter: CsvSplitter, count: number, line: number): void {
    if (this.header === null) {
      const first = splitter.fields();
      this.width = first.length;
      if (this.options.header) {
        this.header = first;
        return;
      }
      this.header = defaultHeader(first.length);
    }
    let row: string[] | null = null;
    if (count !== this.width) {
      row = splitter.fields();
      this.ragged.note(row, line, this.width, this.options.delimiter);
      if (this.options.raggedRows === 'skip') return;
      row = fitWidth(row, this.width);
    }
    const slot = this.kept.offer();
    if (slot < 0) return;
    const item = row ?? splitter.keep();
    const growing = slot === this.kept.items.length;
    this.kept.put(slot, item);
    if (growing) {
      // Bytes as if split: the text now, its fields (strings and array) after the pass.
      this.bytesKept += keptBytes(item, this.width);
      if (this.bytesKept > this.budget) this.kept.limit();
    }
  }
}

async function fileStat(path: string): Promise<{ size: number; mtimeMs: number }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch (err) {
    throw fileError(path, err);
  }
}

async function fileOptions(path: string, overrides: CsvOptionsOverride | undefined) {
  try {
    return await detectOptions(path, overrides);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError(path, err);
  }
}

/** Refuses a file without data rows, whose rows are all ragged, or with a single column. */
function checkShape(pass: ImportPass, options: CsvOptions): void {
  const header = pass.header ?? [];
  const rows = pass.kept.seen;
  const ragged = pass.ragged.count;
  if (header.length === 0 || (rows === 0 && ragged === 0))
    throw new AppError(header.length > 0 ? 'data.headerOnly' : 'data.empty');
  if (rows === 0) throw new AppError('data.allRowsRagged', { rows: ragged });
  if (pass.width < 2)
    throw new AppError('data.singleColumn', { delimiter: options.delimiter === '\t' ? 'tab' : options.delimiter });
}

/** The blank rows skipped (only delimiters or spaces, or empty lines before more rows), with examples. */
function blankProblems(blank: BlankLines): ImportProblem[] {
  if (blank.count === 0) return [];
  return [
    { code: 'problems.emptyRowsSkipped', severity: 'info', params: { count: blank.count }, examples: blank.examples },
  ];
}

export async function readCsv(path: string, opts: ReadOptions = {}): Promise<RawTable> {
  const { size, mtimeMs } = await fileStat(path);
  if (size === 0) throw new AppError('data.empty');
  const { detected, options, crOnly } = await fileOptions(path, opts.overrides);
  const pass = new ImportPass(options, opts.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET, createRng(opts.seed ?? 1));
  const blank = await streamRecords(
    { path, size, mtimeMs },
    options,
    crOnly,
    opts,
    () => pass.kept.seen,
    (splitter, count, line) => pass.record(splitter, count, line),
  );
  const table = pass.kept.items.map((r) => keptFields(r, options.delimiter, options.quote));
  checkShape(pass, options);
  const seen = pass.kept.seen;
  const width = pass.width;
  const originalHeader = pass.header ?? [];
  const { names, renamed } = uniqueHeader(originalHeader);
  const problems = [
    ...renamedProblems(renamed),
    ...pass.ragged.problems(options.raggedRows, width),
    ...blankProblems(blank),
  ];
  if (pass.kept.limited)
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
    originalHeader,
    header: names,
    rows: table,
    totalRows: seen,
    sampled: pass.kept.limited,
    problems,
    source: { path, options, crOnly, bytes: size, mtimeMs, width, rows: seen },
  };
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
    { path: source.path, size: source.bytes, mtimeMs: source.mtimeMs },
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
