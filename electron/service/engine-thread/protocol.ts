/**
 * Messages between the service (main thread) and the engine thread. Both ends validate what
 * they receive with these schemas: the worker is a process boundary too. A training request
 * carries the synthesizer's training set (with its typed encoding); sampling returns encoded
 * rows, which the service decodes where the data lives. Layer-by-layer stages name the
 * stacks and bundles they read and write on the worker.
 */
import { z } from 'zod';
import { ErrorPayload } from '../../../shared/domain/errors.js';
import { EpochProgress, LayerConfig, LayerResult, TrainConfig, TrainSummary } from '../../../shared/domain/model.js';
import {
  Headroom,
  SizeCandidate,
  SizeSuggestion,
  StackSettings,
  SuggestRequest,
  TopConfig,
} from '../../../shared/domain/staged.js';
import { ConditionReport } from '../../../shared/domain/samples.js';
import { RankCalibration } from '../../data/index.js';
import { Bytes, EncodedRows, TrainingSet } from '../../synthesizer/index.js';

const FixedSlot = z.object({ group: z.number().int().min(0), slot: z.number().int().min(0) });

/** Control word shared with the worker: 0 = run, 1 = pause, 2 = cancel. */
export const CONTROL = { run: 0, pause: 1, cancel: 2 } as const;

/** A stage's job: `runId` names its progress events, `control` is the pause/cancel word. */
const job = {
  requestId: z.number().int(),
  runId: z.string(),
  set: TrainingSet,
  control: z.instanceof(SharedArrayBuffer),
};

/**
 * Layer by layer (METHOD.md §3): stacks and bundles stay on the worker under ids the service
 * chooses; each stage reads one (`from`) and stores its result under another (`into`).
 */
const STAGED_REQUESTS = [
  z.object({
    type: z.literal('trainLayer'),
    ...job,
    /** The stack to add a layer to, or null for a first layer (with `settings`). */
    from: z.string().nullable(),
    into: z.string(),
    layer: LayerConfig,
    settings: StackSettings.nullable(),
    appVersion: z.string(),
  }),
  z.object({
    type: z.literal('retrainLayer'),
    ...job,
    from: z.string(),
    index: z.number().int().min(0),
    into: z.string(),
    layer: LayerConfig,
    appVersion: z.string(),
  }),
  /** Fits the top prior on stack `from`; the model bundle is `into` (for sample and modelFile). */
  z.object({
    type: z.literal('finish'),
    ...job,
    from: z.string(),
    into: z.string(),
    top: TopConfig,
    appVersion: z.string(),
  }),
  z.object({
    type: z.literal('fineTune'),
    ...job,
    from: z.string(),
    into: z.string(),
    epochs: z.number().int().min(1),
    appVersion: z.string(),
  }),
  z.object({ type: z.literal('suggest'), ...job, request: SuggestRequest }),
  /** A stack as partial model-file bytes (replied as `modelFile`). */
  z.object({ type: z.literal('stackFile'), requestId: z.number().int(), stackId: z.string() }),
  /** Model-file bytes of either kind, kept under `into`. */
  z.object({ type: z.literal('openModel'), requestId: z.number().int(), into: z.string(), bytes: Bytes }),
  z.object({ type: z.literal('release'), requestId: z.number().int(), ids: z.array(z.string()) }),
] as const;

const STAGED_REPLIES = [
  /** Progress of "Suggest a size": one candidate trained. */
  z.object({ type: z.literal('candidate'), runId: z.string(), candidate: SizeCandidate }),
  z.object({
    type: z.literal('layerTrained'),
    requestId: z.number().int(),
    stackId: z.string(),
    result: LayerResult,
    dropped: z.array(LayerResult),
    headroom: Headroom,
  }),
  z.object({
    type: z.literal('finished'),
    requestId: z.number().int(),
    modelId: z.string(),
    summary: TrainSummary,
    headroom: Headroom,
    /** The calibration of its generated numbers (METHOD.md §8), for the encoding the data side keeps. */
    calibration: RankCalibration.optional(),
  }),
  z.object({ type: z.literal('suggested'), requestId: z.number().int(), suggestion: SizeSuggestion }),
  /** What `openModel` found: a complete model (its summary) or a stack; its headroom either way. */
  z.object({
    type: z.literal('opened'),
    requestId: z.number().int(),
    complete: z.boolean(),
    layers: z.array(LayerResult),
    summary: TrainSummary.nullable(),
    headroom: Headroom,
  }),
  z.object({ type: z.literal('released'), requestId: z.number().int() }),
] as const;

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
    /** Conditional generation: visible groups fixed to slots (METHOD.md §4.5). */
    fixed: z.array(FixedSlot).optional(),
  }),
  z.object({ type: z.literal('modelFile'), requestId: z.number().int(), runId: z.string() }),
  /** A model's bytes kept under `runId`: one trained earlier given to a fresh engine thread that replaced a broken one, or a model of a project or opened by the user. */
  z.object({ type: z.literal('load'), requestId: z.number().int(), runId: z.string(), bytes: Bytes }),
  /** Measures the engine's speed for a first layer on a few of its training rows (the time estimate). */
  z.object({ type: z.literal('measure'), requestId: z.number().int(), data: EncodedRows, layer: LayerConfig }),
  ...STAGED_REQUESTS,
]);
export type ToWorker = z.infer<typeof ToWorker>;

export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), backend: z.string() }),
  /** The engine could not start (e.g. a backend forced with LAYERWISE_BACKEND does not load). */
  z.object({ type: z.literal('unavailable'), error: ErrorPayload }),
  z.object({ type: z.literal('epoch'), runId: z.string(), progress: EpochProgress }),
  z.object({ type: z.literal('layer'), runId: z.string(), result: LayerResult }),
  z.object({
    type: z.literal('trained'),
    requestId: z.number().int(),
    runId: z.string(),
    summary: TrainSummary,
    /** The calibration of its generated numbers (METHOD.md §8), for the encoding the data side keeps. */
    calibration: RankCalibration.optional(),
  }),
  z.object({
    type: z.literal('sampled'),
    requestId: z.number().int(),
    data: EncodedRows,
    /** With `fixed`: the model's figures for the condition. */
    condition: ConditionReport.optional(),
  }),
  z.object({ type: z.literal('modelFile'), requestId: z.number().int(), bytes: Bytes }),
  z.object({ type: z.literal('loaded'), requestId: z.number().int() }),
  z.object({
    type: z.literal('measured'),
    requestId: z.number().int(),
    layer0RowsPerSecond: z.number().min(0),
    opsPerSecond: z.number().min(0),
  }),
  z.object({ type: z.literal('failed'), requestId: z.number().int(), error: ErrorPayload }),
  ...STAGED_REPLIES,
]);
export type FromWorker = z.infer<typeof FromWorker>;
