/**
 * Messages between the service (main thread) and the engine worker thread. Both ends
 * validate what they receive with these schemas: the worker is a process boundary too.
 */
import { z } from 'zod';

/** Any Uint8Array (structured clone keeps the type; zod's instanceof would narrow the buffer type). */
const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected a Uint8Array');
import { ErrorPayload } from '../../../shared/domain/errors.js';
import { EpochProgress, GroupSpec, LayerResult, TrainConfig, TrainSummary } from '../../../shared/domain/model.js';

export const EncodedPayload = z.object({
  groups: z.array(GroupSpec),
  rows: z.number().int().min(0),
  bits: z.number().int().min(1),
  data: Bytes,
});
export type EncodedPayload = z.infer<typeof EncodedPayload>;

/** Control word shared with the worker: 0 = run, 1 = pause, 2 = cancel. */
export const CONTROL = { run: 0, pause: 1, cancel: 2 } as const;

export const ToWorker = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('train'),
    requestId: z.number().int(),
    runId: z.string(),
    config: TrainConfig,
    train: EncodedPayload,
    valid: EncodedPayload.nullable(),
    test: EncodedPayload.nullable(),
    outside: z
      .object({ data: EncodedPayload.nullable(), rows: z.number().int().min(0), represented: z.number().int().min(0) })
      .nullable(),
    control: z.instanceof(SharedArrayBuffer),
    /** Stored in the model file as given: the data layer's encoding spec and the rows' provenance. */
    dataEncoding: z.unknown(),
    dataProvenance: z.unknown(),
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
  z.object({ type: z.literal('load'), requestId: z.number().int(), runId: z.string(), bytes: Bytes }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), backend: z.string() }),
  z.object({ type: z.literal('epoch'), runId: z.string(), progress: EpochProgress }),
  z.object({ type: z.literal('layer'), runId: z.string(), result: LayerResult }),
  z.object({ type: z.literal('trained'), requestId: z.number().int(), runId: z.string(), summary: TrainSummary }),
  z.object({ type: z.literal('sampled'), requestId: z.number().int(), data: EncodedPayload }),
  z.object({ type: z.literal('modelFile'), requestId: z.number().int(), bytes: Bytes }),
  z.object({
    type: z.literal('loaded'),
    requestId: z.number().int(),
    config: TrainConfig,
    summary: TrainSummary,
    bits: z.number().int().min(1),
    dataEncoding: z.unknown(),
  }),
  z.object({ type: z.literal('failed'), requestId: z.number().int(), error: ErrorPayload }),
]);
export type FromWorker = z.infer<typeof FromWorker>;
