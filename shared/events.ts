/**
 * The events the Node side pushes to the renderer (part of the contract, `contract.ts`
 * re-exports them): progress of imports, training, exports and evidence, the project's
 * changes, and files the operating system asks the app to open. Validated where they enter.
 */
import { z } from 'zod';
import { ErrorPayload } from './domain/errors.js';
import { FileRef } from './domain/files.js';
import { LayersState } from './domain/layer-by-layer.js';
import { EpochProgress, LayerResult, TrainSummary } from './domain/model.js';
import { ProjectOverview, RunState } from './domain/project.js';
import { SizeCandidate } from './domain/staged.js';

/** Events pushed from the Node side to the renderer. */
export const ServerEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('import.progress'),
    /** Which pass over the file: the import, counting segments over the whole file, or drawing a subset from it. */
    phase: z.enum(['import', 'count', 'draw']),
    bytesRead: z.number().min(0),
    totalBytes: z.number().min(0),
    rows: z.number().int().min(0),
  }),
  z.object({ type: z.literal('train.epoch'), runId: z.string(), progress: EpochProgress }),
  /** An export of generated rows: sampling them (rows 0 until done), then writing them (rows written so far). */
  z.object({
    type: z.literal('export.progress'),
    phase: z.enum(['sample', 'write']),
    rows: z.number().int().min(0),
    totalRows: z.number().int().min(1),
  }),
  z.object({
    type: z.literal('quality.progress'),
    phase: z.enum(['sample', 'score']),
    done: z.number().int().min(0),
    total: z.number().int().min(1),
  }),
  z.object({ type: z.literal('train.layer'), runId: z.string(), result: LayerResult }),
  /** "Suggest a size": one candidate first layer trained. */
  z.object({ type: z.literal('train.candidate'), runId: z.string(), candidate: SizeCandidate }),
  /** Layer by layer: the project's stack, size suggestion or stage running changed. */
  z.object({ type: z.literal('train.stackChanged'), layers: LayersState }),
  /** The privacy evidence: row pairs compared so far, of the total. */
  z.object({ type: z.literal('privacy.progress'), done: z.number().min(0), total: z.number().min(0) }),
  z.object({
    type: z.literal('train.state'),
    runId: z.string(),
    state: RunState,
    summary: TrainSummary.nullable(),
    error: ErrorPayload.nullable(),
  }),
  /** The project changed (data, choices, models, saved): its overview, models marked out of date. */
  z.object({ type: z.literal('project.changed'), project: ProjectOverview }),
  /**
   * Desktop: the operating system asked the app to open a file (double-click, "Open with").
   * `kind` is what the file is by its extension (`.lwm`: a model); `file` is it registered,
   * or null with `error` saying why it could not be read.
   */
  z.object({
    type: z.literal('app.openFile'),
    kind: z.literal('model'),
    name: z.string(),
    file: FileRef.nullable(),
    error: ErrorPayload.nullable(),
  }),
]);
export type ServerEvent = z.infer<typeof ServerEvent>;
