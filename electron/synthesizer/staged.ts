/**
 * Layer-by-layer fitting on a training set (the engine's staged training, METHOD.md §3): fit
 * the next layer of a stack, refit one layer (dropping those above), finish with the top
 * prior into a model bundle, fine-tune a bundle, and suggest a first layer's size. Stacks and
 * bundles keep the training set's encoding and provenance; each result comes with its
 * headroom view. Runs wherever the engine runs (the app's engine thread, the CLI). Like a
 * whole fit, each stage refuses too few training rows; the engine checks each stage's memory.
 */
import type { LayerConfig, LayerResult, TrainSummary } from '../../shared/domain/model.js';
import type { Headroom, SizeSuggestion, StackSettings, TopConfig } from '../../shared/domain/staged.js';
import {
  finishModel,
  fineTuneModel,
  headroom,
  retrainLayer,
  suggestFirstLayer,
  trainNextLayer,
  type StageOptions,
  type SuggestOptions,
} from '../engine/index.js';
import { makeBundle, type ModelBundle } from './bundle.js';
import { checkTrainingRows, type FitHooks } from './fit.js';
import { makeStackBundle, type StackBundle } from './stack-bundle.js';
import type { TrainingSet } from './training-set.js';

export interface StackFit {
  stack: StackBundle;
  result: LayerResult;
  /** Layers that were above a refitted one (trained on its old codes): gone. */
  dropped: LayerResult[];
  headroom: Headroom;
}

export interface ModelFit {
  bundle: ModelBundle;
  summary: TrainSummary;
  headroom: Headroom;
}

/** The training set's rows beside the training rows, for a stage (refused with too few training rows). */
function stageOptions(set: TrainingSet, hooks: FitHooks): StageOptions {
  checkTrainingRows(set);
  return {
    ...hooks,
    validation: set.valid ?? undefined,
    test: set.test ?? undefined,
    outside: set.outside ?? undefined,
  };
}

function stackFit(
  set: TrainingSet,
  appVersion: string,
  r: { stack: StackFit['stack']['stack']; result: LayerResult; dropped: LayerResult[] },
): StackFit {
  return {
    stack: makeStackBundle(r.stack, appVersion, set),
    result: r.result,
    dropped: r.dropped,
    headroom: headroom(r.stack),
  };
}

/** Fits one more layer on top of `stack` (a first layer with `settings` when there is none). */
export async function fitNextLayer(
  set: TrainingSet,
  stack: StackBundle | null,
  layer: LayerConfig,
  request: { appVersion: string; settings?: StackSettings },
  hooks: FitHooks = {},
): Promise<StackFit> {
  const opts = { ...stageOptions(set, hooks), settings: request.settings };
  return stackFit(set, request.appVersion, await trainNextLayer(set.train, stack?.stack ?? null, layer, opts));
}

/** Fits layer `index` again with `layer`; the layers above it are dropped. */
export async function refitLayer(
  set: TrainingSet,
  stack: StackBundle,
  index: number,
  layer: LayerConfig,
  appVersion: string,
  hooks: FitHooks = {},
): Promise<StackFit> {
  return stackFit(set, appVersion, await retrainLayer(set.train, stack.stack, index, layer, stageOptions(set, hooks)));
}

/** Fits the top prior on a stack: the complete model as a bundle, evaluated. */
export async function finishFit(
  set: TrainingSet,
  stack: StackBundle,
  top: TopConfig,
  appVersion: string,
  hooks: FitHooks = {},
): Promise<ModelFit> {
  const fitted = await finishModel(set.train, stack.stack, top, stageOptions(set, hooks));
  const input = { appVersion, config: fitted.config, metrics: fitted.summary, data: fitted.data };
  return { bundle: makeBundle(fitted.model, input, set), summary: fitted.summary, headroom: headroom(fitted.summary) };
}

/** Fine-tunes a bundle's model on the training set for `epochs` epochs (log-likelihood before and after in the summary). */
export async function fineTuneFit(
  set: TrainingSet,
  bundle: ModelBundle,
  epochs: number,
  appVersion: string,
  hooks: FitHooks = {},
): Promise<ModelFit> {
  const { config, metrics } = bundle.manifest;
  const fitted = { model: bundle.model, config, summary: metrics, data: bundle.manifest.data ?? null };
  const tuned = await fineTuneModel(set.train, fitted, epochs, stageOptions(set, hooks));
  const input = { appVersion, config: tuned.config, metrics: tuned.summary, data: tuned.data };
  return { bundle: makeBundle(tuned.model, input, set), summary: tuned.summary, headroom: headroom(tuned.summary) };
}

export type SuggestHooks = Pick<SuggestOptions, 'signal' | 'isPaused' | 'onProgress' | 'onCandidate'>;

/** Trains candidate first layers (default: chosen from the data) and ranks them by their validation bound. */
export async function suggestSize(
  set: TrainingSet,
  request: { candidates: LayerConfig[] | null; settings: StackSettings; budgetSeconds?: number },
  hooks: SuggestHooks = {},
): Promise<SizeSuggestion> {
  checkTrainingRows(set);
  return suggestFirstLayer(set.train, request.candidates, {
    ...hooks,
    validation: set.valid ?? undefined,
    settings: request.settings,
    budgetSeconds: request.budgetSeconds,
  });
}
