/**
 * The quality check of the Samples step (`evidence.quality`): the selected model's rows for a
 * seed (the start of the stream the preview and the export read), sampled a chunk at a time on
 * the engine thread and decoded with the model's accepted rules kept, scored against the rows it
 * trained on, the real rows it kept apart (test, else validation) and draws from the marginals,
 * with `quality.progress` events and a cancel.
 * One check at a time per project.
 */
import type { ServerEvent } from '../../shared/contract.js';
import type { RowTable } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import type { QualityEvidence, QualityRequest } from '../../shared/domain/quality.js';
import type { EncodedData } from '../base/encoded-rows.js';
import type { Dataset, EncodingSpec, Subset } from '../data/index.js';
import { MAX_COMPARED, qualityEvidence, type EvidenceColumn, type QualityInput } from '../evidence/index.js';
import { chunkSeed, decodeSample, joinChunks, STREAM_CHUNK_ROWS, streamChunks } from '../synthesizer/index.js';
import { modelledBy, withoutColumns, type SampleChunk } from './project/generation.js';
import type { ModelEntry } from './project/project.js';

/** Rows generated when no real rows were held out. */
const ROWS_WITHOUT_HOLDOUT = 1_000;
const JUDGED = new Set(['numeric', 'integer', 'date', 'datetime', 'categorical', 'boolean']);

/** The rows `idx` of a dataset, columns `names` (in that order). */
export function tableOf(dataset: Dataset, idx: ArrayLike<number>, names: string[]): RowTable {
  const at = names.map((n) => dataset.info.columns.findIndex((c) => c.name === n));
  return { header: names, rows: Array.from(idx, (r) => at.map((j) => (j >= 0 ? dataset.cells[j][r] : ''))) };
}

/** The columns to judge (generated, modelled, of a judged type) and the others with why. */
export function judgedColumns(dataset: Dataset, encoding: EncodingSpec, header: string[]) {
  const modelled = modelledBy(encoding);
  const columns: EvidenceColumn[] = [];
  const skipped: QualityEvidence['skipped'] = [];
  for (const c of dataset.info.columns) {
    if (c.type === 'identifier' || c.type === 'text') skipped.push({ column: c.name, reason: c.type });
    else if (!c.include) continue;
    else if (!header.includes(c.name) || !modelled(c.name)) skipped.push({ column: c.name, reason: 'notGenerated' });
    else if (JUDGED.has(c.type)) columns.push({ name: c.name, type: c.type, format: c.format });
  }
  return { columns, skipped };
}

export function holdoutOf(subset: Subset): { rows: Int32Array; kind: 'test' | 'validation' | null } {
  if (subset.test.length > 0) return { rows: subset.test, kind: 'test' };
  if (subset.valid.length > 0) return { rows: subset.valid, kind: 'validation' };
  return { rows: new Int32Array(0), kind: null };
}

/** As many generated rows as held-out rows (at most MAX_COMPARED). */
export const rowsToGenerate = (subset: Subset): number =>
  Math.min(holdoutOf(subset).rows.length || ROWS_WITHOUT_HOLDOUT, MAX_COMPARED);

/** The evidence's input: the judged columns of the training rows, the held-out rows and the generated rows. */
export function qualityInputOf(
  subset: Subset,
  encoding: EncodingSpec,
  synthetic: RowTable,
  request: QualityRequest,
): QualityInput {
  const holdout = holdoutOf(subset);
  const { columns, skipped } = judgedColumns(subset.dataset, encoding, synthetic.header);
  if (columns.length === 0) throw new AppError('quality.noColumns');
  const target = request.target;
  if (target && !columns.some((c) => c.name === target && c.type !== 'date' && c.type !== 'datetime'))
    throw new AppError('quality.unknownTarget', { name: target });
  const names = columns.map((c) => c.name);
  return {
    columns,
    missing: [...subset.dataset.missing, ...missingTokens(encoding)],
    train: tableOf(subset.dataset, subset.train, names),
    holdout: holdout.kind ? tableOf(subset.dataset, holdout.rows, names) : null,
    holdoutKind: holdout.kind,
    synthetic,
    seed: request.seed,
    target: target ?? null,
    skipped,
  };
}

export class QualityJobs {
  private running: AbortController | null = null;

  constructor(private readonly emit: (event: ServerEvent) => void) {}

  async run(source: { entry: ModelEntry; sample: SampleChunk; omit: readonly string[] }, input: QualityRequest) {
    const subset = source.entry.trainedOn;
    if (!subset) throw new AppError('quality.noData');
    if (this.running) throw new AppError('busy', { what: 'quality check' });
    const controller = new AbortController();
    this.running = controller;
    try {
      const rows = rowsToGenerate(subset);
      const synthetic = await this.generate(source, rows, input.seed, controller.signal);
      return await qualityEvidence({
        ...qualityInputOf(subset, source.entry.encoding, synthetic, input),
        signal: controller.signal,
        onProgress: (done, total) => this.emit({ type: 'quality.progress', phase: 'score', done, total }),
      });
    } finally {
      if (this.running === controller) this.running = null;
    }
  }

  private async generate(
    source: { entry: ModelEntry; sample: SampleChunk; omit: readonly string[] },
    rows: number,
    seed: number,
    signal: AbortSignal,
  ): Promise<RowTable> {
    const chunks: EncodedData[] = [];
    const total = streamChunks(rows);
    this.emit({ type: 'quality.progress', phase: 'sample', done: 0, total });
    for (let i = 0; i < total; i++) {
      chunks.push(await source.sample(STREAM_CHUNK_ROWS, chunkSeed(seed, i)));
      if (signal.aborted) throw new AppError('cancelled');
      this.emit({ type: 'quality.progress', phase: 'sample', done: i + 1, total });
    }
    return withoutColumns(
      decodeSample(source.entry.encoding, joinChunks(chunks, rows), seed, source.entry.rules),
      source.omit,
    );
  }

  /** Stops the check in progress; false when none runs. */
  cancel(): boolean {
    const running = this.running;
    running?.abort();
    this.running = null;
    return running !== null;
  }
}

export function missingTokens(encoding: EncodingSpec): string[] {
  return encoding.columns.flatMap((c) =>
    'missingToken' in c && typeof c.missingToken === 'string' ? [c.missingToken] : [],
  );
}
