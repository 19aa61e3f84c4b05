/**
 * Layer-by-layer training as the project holds it (METHOD.md §3): the stack of layers trained
 * so far with each layer's settings, its results and headroom view, what it was trained on
 * (lineage: it goes out of date like a model), the chart points of its layers; the last
 * "Suggest a size" ranking; and the stage running now. What `train.stack` returns and the
 * `train.stackChanged` event carries, and what a project file saves of it.
 */
import { z } from 'zod';
import { LayerResult, StoredLayerConfig } from './model.js';
import { ChartPoint, Lineage, Staleness } from './project.js';
import { Headroom, SizeSuggestion, StackSettings } from './staged.js';

/** The stack of layers of a project (no top prior yet; finishing it makes a model and keeps the stack). */
export const StackRecord = z.object({
  /** The stack's id on the engine thread (a new one after each stage). */
  id: z.string(),
  createdAt: z.string(),
  /** Seed, validation share and early stopping, fixed by layer 1. */
  settings: StackSettings,
  /** Each layer's settings, layer 1 first. */
  configs: z.array(StoredLayerConfig),
  layers: z.array(LayerResult),
  headroom: Headroom,
  /** Rare-value protection of the rows it trains on. */
  rareMin: z.number().int().min(1),
  lineage: Lineage,
  /** The per-epoch points of its layers (a finished model's chart starts with them). */
  points: z.array(ChartPoint),
});
export type StackRecord = z.infer<typeof StackRecord>;

/** "Suggest a size" stops starting sizes after this many seconds (a whole number, at most an hour). */
export const SuggestBudget = z.number().int().min(1).max(3600);

/** What a stage is: a layer added (or layer 1), a layer retrained, the top prior, fine-tuning, or "Suggest a size". */
export const StageKind = z.enum(['layer', 'retrain', 'finish', 'fineTune', 'suggest']);
export type StageKind = z.infer<typeof StageKind>;

/** The stage running now (its progress comes as `train.epoch` events of its run id). */
export const StageJob = z.object({ runId: z.string(), kind: StageKind, paused: z.boolean() });
export type StageJob = z.infer<typeof StageJob>;

/** Layer by layer in the project: the stack (marked out of date like a model), the last size suggestion, the stage running. */
export const LayersState = z.object({
  projectId: z.string(),
  stack: StackRecord.extend({ stale: Staleness }).nullable(),
  suggestion: SizeSuggestion.nullable(),
  job: StageJob.nullable(),
});
export type LayersState = z.infer<typeof LayersState>;

/** What a project file keeps of it (the stack's bytes travel beside the models'). */
export const SavedLayers = z.object({
  stack: StackRecord.nullable(),
  suggestion: SizeSuggestion.nullable(),
});
export type SavedLayers = z.infer<typeof SavedLayers>;
