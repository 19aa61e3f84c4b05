/**
 * Generated rows as a CSV file without holding the thread that answers requests: the rows
 * of the app's seeded stream (chunks of STREAM_CHUNK_ROWS, chunk i with `chunkSeed`, so the
 * preview is the start of the export) are sampled on the engine thread a chunk at a time,
 * then decoded (their rules kept) and written here 2,000 at a time, without the columns left
 * out, yielding to the event loop between parts, with `export.progress` events and a cancel. The bytes are
 * exactly those of decoding and writing every row of the stream at once (same seed, same file),
 * in the chosen character set, delimiter and formula guard (`csvBytes`).
 */
import type { ServerEvent } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import type { EncodedData } from '../base/encoded-rows.js';
import type { CsvFormat } from '../../shared/domain/samples.js';
import type { RuleSet } from '../../shared/domain/rules.js';
import { csvBytes, rowDecoder, type EncodingSpec } from '../data/index.js';
import { chunkSeed, joinChunks, ruleKeeper, STREAM_CHUNK_ROWS, streamChunks } from '../synthesizer/index.js';
import { withoutColumns, type SampleChunk } from './project/generation.js';

export const EXPORT_CHUNK_ROWS = 2_000;
const PROGRESS_EVERY_MS = 200;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What the app's export wrote before a format could be chosen: UTF-8 with a BOM, commas, the guard on. */
export const DEFAULT_CSV_FORMAT: CsvFormat = { encoding: 'utf8-bom', delimiter: ',', formulaGuard: true };

/**
 * The CSV of the decoded rows in `hooks.format` (default above), a part at a time;
 * onPart(rows) after each part. Throws `cancelled` as soon as the signal is aborted.
 */
export async function csvInParts(
  encoding: EncodingSpec,
  bits: EncodedData,
  seed: number,
  hooks: {
    signal?: AbortSignal;
    onPart?: (rowsDone: number) => void;
    omit?: readonly string[];
    format?: CsvFormat;
    /** The rows of a part to write (e.g. without those too close to a real one); default all. */
    keep?: (rows: string[][]) => string[][];
    /** The model's rules, kept in every row after decoding (as `decodeSample` keeps them). */
    rules?: RuleSet;
    /** Columns a condition fixed: rules never change them. */
    fixed?: ReadonlySet<string>;
  } = {},
  partRows = EXPORT_CHUNK_ROWS,
): Promise<Uint8Array> {
  const omit = hooks.omit ?? [];
  const format = hooks.format ?? DEFAULT_CSV_FORMAT;
  const header = withoutColumns({ header: encoding.header, rows: [] }, omit);
  const parts: Uint8Array[] = [csvBytes(header, format, { header: true, firstRow: 1 })];
  const next = rowDecoder(encoding, bits, seed);
  const keepRules = ruleKeeper(hooks.rules, encoding.header, seed, hooks.fixed);
  let written = 0;
  for (let done = 0; done < bits.rows;) {
    await nextTurn();
    if (hooks.signal?.aborted) throw new AppError('cancelled');
    const decoded = next(partRows);
    keepRules?.(decoded, done);
    const table = withoutColumns({ header: encoding.header, rows: decoded }, omit);
    const kept = hooks.keep ? { header: table.header, rows: hooks.keep(table.rows) } : table;
    parts.push(csvBytes(kept, format, { header: false, firstRow: written + 1 }));
    written += kept.rows.length;
    done += table.rows.length;
    hooks.onPart?.(done);
  }
  return concat(parts);
}

/** The parts in one array, copied about 8 MB at a time with a turn of the event loop between. */
async function concat(parts: Uint8Array[]): Promise<Uint8Array> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  let sinceTurn = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
    sinceTurn += p.byteLength;
    if (sinceTurn >= 8 * 1024 * 1024) {
      sinceTurn = 0;
      await nextTurn();
    }
  }
  return out;
}

/** The export of generated rows of one project: one at a time, cancellable. */
export class SampleExports {
  private running: AbortController | null = null;

  constructor(private readonly emit: (event: ServerEvent) => void) {}

  /**
   * The CSV bytes of the first `rows` rows of the stream of `seed` from a model (`sample`
   * gives one chunk), without the columns in `omit`.
   */
  async csv(
    model: {
      sample: SampleChunk;
      encoding: EncodingSpec;
      omit?: readonly string[];
      keep?: (rows: string[][]) => string[][];
      rules?: RuleSet;
      fixed?: ReadonlySet<string>;
    },
    rows: number,
    seed: number,
    format: CsvFormat = DEFAULT_CSV_FORMAT,
  ): Promise<Uint8Array> {
    if (this.running) throw new AppError('busy', { what: 'export' });
    const controller = new AbortController();
    this.running = controller;
    let last = 0;
    const progress = (phase: 'sample' | 'write', done: number) => {
      const now = Date.now();
      if (done < rows && done > 0 && now - last < PROGRESS_EVERY_MS) return;
      last = now;
      this.emit({ type: 'export.progress', phase, rows: done, totalRows: rows });
    };
    try {
      progress('sample', 0);
      const chunks: EncodedData[] = [];
      for (let i = 0; i < streamChunks(rows); i++) {
        chunks.push(await model.sample(STREAM_CHUNK_ROWS, chunkSeed(seed, i)));
        if (controller.signal.aborted) throw new AppError('cancelled');
        progress('sample', Math.min(rows, (i + 1) * STREAM_CHUNK_ROWS));
      }
      return await csvInParts(model.encoding, joinChunks(chunks, rows), seed, {
        signal: controller.signal,
        onPart: (done) => progress('write', done),
        omit: model.omit,
        format,
        keep: model.keep,
        rules: model.rules,
        fixed: model.fixed,
      });
    } finally {
      if (this.running === controller) this.running = null;
    }
  }

  /** Stops the export in progress (at its next part); false when none runs. */
  cancel(): boolean {
    const running = this.running;
    running?.abort();
    this.running = null;
    return running !== null;
  }
}
