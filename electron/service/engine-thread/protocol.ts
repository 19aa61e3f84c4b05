/**
 * Messages between the service (main thread) and the engine thread. Both ends validate what
 * they receive with these schemas: the worker is a process boundary too. A training request
 * carries the synthesizer's training set (with its typed encoding); sampling returns encoded
 * rows, which the service decodes where the data lives.
 */
import { z } from 'zod';
import { ErrorPayload } from '../../../shared/domain/errors.js';
import { EpochProgress, LayerResult, TrainConfig, TrainSummary } from '../../../shared/domain/model.js';
import { Bytes, EncodedRows, TrainingSet } from '../../synthesizer/index.js';

/** Control word shared with the worker: 0 = run, 1 = pause, 2 = cancel. */
export const CONTROL = { run: 0, pause: 1, cancel: 2 } as const;

export const ToWorker = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('train'),
    requestId: z.number().int(),
    runId: z.string(),
    config: TrainConfig,
    set: TrainingSet,
    control: z.instanceof(SharedArrayBuffer),
    appVersion: z.string(),
  }),
  z.object({
    type: z.literal('sample'),
    requestId: z.number().int(),
    runId: z.string(),
    rows: z.number().int().min(1),
    seed: z.number().int(),
  }),
  z.object({ type: z.literal('modelFile'), requestId: z.number().int(), runId: z.string() }),
  /** A model file's bytes, kept under `runId` for sampling and export (a project or a model opened by the user). */
  z.object({ type: z.literal('load'), requestId: z.number().int(), runId: z.string(), bytes: Bytes }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), backend: z.string() }),
  /** The engine could not start (e.g. a backend forced with LAYERWISE_BACKEND does not load). */
  z.object({ type: z.literal('unavailable'), error: ErrorPayload }),
  z.object({ type: z.literal('epoch'), runId: z.string(), progress: EpochProgress }),
  z.object({ type: z.literal('layer'), runId: z.string(), result: LayerResult }),
  z.object({ type: z.literal('trained'), requestId: z.number().int(), runId: z.string(), summary: TrainSummary }),
  z.object({ type: z.literal('sampled'), requestId: z.number().int(), data: EncodedRows }),
  z.object({ type: z.literal('modelFile'), requestId: z.number().int(), bytes: Bytes }),
  z.object({ type: z.literal('loaded'), requestId: z.number().int() }),
  z.object({ type: z.literal('failed'), requestId: z.number().int(), error: ErrorPayload }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
