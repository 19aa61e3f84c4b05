/**
 * Conditional generation (METHOD.md §4.5): rows where chosen columns take chosen values. The
 * data layer turns "column = value" into fixed group slots, the engine draws rows with those
 * slots by sampling-importance-resampling on the first hidden layer, and a combination the
 * model finds too rare (too few candidates carry weight, or a probability below 1 in 100,000)
 * is refused with a translated message rather than giving near-copies or noise. The stream is
 * the app's (chunks of STREAM_CHUNK_ROWS, chunk i with `chunkSeed`): same seed, same rows.
 */
import type { RowTable } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import { CONDITION_MIN_ESS, type Condition, type ConditionReport } from '../../shared/domain/samples.js';
import type { EncodedData } from '../base/encoded-rows.js';
import { conditionSlots, type EncodingSpec, type FixedSlot } from '../data/index.js';
import { sampleVisibleGiven } from '../engine/index.js';
import type { ModelBundle } from './bundle.js';
import { chunkSeed, decodeSample, joinChunks, STREAM_CHUNK_ROWS, streamChunks } from './generate.js';

/** Below this estimated probability a combination is refused (1 row in 100,000). */
export const CONDITION_MIN_PROBABILITY = 1e-5;

/** Encoded rows of one chunk with the model's figures for the condition. */
export interface ConditionalChunk {
  data: EncodedData;
  report: ConditionReport;
}

/** The fixed slots of `where` under `encoding` (translated refusals for what cannot be fixed). */
export function fixedSlots(encoding: EncodingSpec, where: readonly Condition[]): FixedSlot[] {
  return conditionSlots(encoding, where);
}

export function sampleEncodedGiven(
  bundle: ModelBundle,
  rows: number,
  seed: number,
  fixed: readonly FixedSlot[],
): ConditionalChunk {
  const { data, ess, candidates, probability } = sampleVisibleGiven(bundle.model, rows, seed, fixed);
  return { data, report: { ess, candidates, probability } };
}

/** "region = North, segment = B": the conditions as the message shows them. */
export const describeConditions = (where: readonly Condition[]): string =>
  where.map((c) => `${c.column} = ${c.value}`).join(', ');

/** Refuses a chunk whose combination is too rare (see above); gives the report otherwise. */
export function checkConditional(report: ConditionReport, where: readonly Condition[]): ConditionReport {
  if (where.length > 0 && (report.ess < CONDITION_MIN_ESS || report.probability < CONDITION_MIN_PROBABILITY))
    throw new AppError('samples.tooRare', {
      conditions: describeConditions(where),
      oneIn: report.probability > 0 ? Math.round(1 / report.probability).toLocaleString('en') : '∞',
      ess: Math.floor(report.ess),
      candidates: report.candidates.toLocaleString('en'),
    });
  return report;
}

/** The smaller effective sample size of two chunks' reports (the probability: their mean, weighted by chunk). */
export function mergeReports(a: ConditionReport | null, b: ConditionReport, chunks: number): ConditionReport {
  if (!a) return b;
  return {
    ess: Math.min(a.ess, b.ess),
    candidates: Math.min(a.candidates, b.candidates),
    probability: a.probability + (b.probability - a.probability) / chunks,
  };
}

/** The app's stream of `rows` rows for `seed` where `where` holds, in one process (CLI), with the report. */
export function streamRowsGiven(
  bundle: ModelBundle,
  rows: number,
  seed: number,
  where: readonly Condition[],
): { table: RowTable; condition: ConditionReport } {
  const encoding = bundle.manifest.dataEncoding;
  const fixed = fixedSlots(encoding, where);
  const chunks: EncodedData[] = [];
  let report: ConditionReport | null = null;
  for (let i = 0; i < streamChunks(rows); i++) {
    const chunk = sampleEncodedGiven(bundle, STREAM_CHUNK_ROWS, chunkSeed(seed, i), fixed);
    report = mergeReports(report, checkConditional(chunk.report, where), i + 1);
    chunks.push(chunk.data);
  }
  // The model's accepted rules are kept, as in the app's preview and export.
  const kept = new Set(where.map((c) => c.column));
  const table = decodeSample(encoding, joinChunks(chunks, rows), seed, bundle.manifest.dataRules, kept);
  return { table, condition: report! };
}
