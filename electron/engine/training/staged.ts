/**
 * Layer-wise training one step at a time (METHOD.md §3, staged): train the next layer of a
 * stack and see its bound; retrain a layer with another size or method (the layers above it,
 * trained on its codes, are dropped); finish with the top prior; fine-tune as a step of its
 * own. Each call uploads the rows, rebuilds the stack's encoders from its plain parameters
 * and releases every tensor it made; each draws the random numbers its place in a whole run
 * would draw, so the staged calls give the model `train` gives for the same seed.
 */
import { AppError } from '../../../shared/domain/errors.js';
import type { LayerConfig, LayerResult, TrainConfig, TrainSummary } from '../../../shared/domain/model.js';
import type { StackSettings, TopConfig } from '../../../shared/domain/staged.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { initBackend } from '../backend.js';
import type { DeepModelParams, LayerStack, StackData, StackedLayer } from '../model/params.js';
import { settingsOf } from './layerwise.js';
import { estimateLayerMemory, estimateTopMemory, refuseOverBudget } from './memory.js';
import { checkSameData, dataKey, withRun, type Run, type StageOptions } from './stage-run.js';
import {
  evaluateModel,
  fineTuneStage,
  layerStage,
  refreshModelBounds,
  refuseDiverged,
  stackConfig,
  topStage,
} from './stages.js';

/** A finished model with the configuration it was trained with, its summary and the rows it was trained on. */
export interface StagedModel {
  model: DeepModelParams;
  config: TrainConfig;
  summary: TrainSummary;
  /** Null when unknown (a model file written before stacks existed). */
  data: StackData | null;
}

export interface LayerStageResult {
  stack: LayerStack;
  /** The layer just trained. */
  result: LayerResult;
  /** Layers that were above the retrained one: trained on its old codes, they are gone. */
  dropped: LayerResult[];
}

/** The settings of a first layer when none are given (those of `defaultTrainConfig`). */
export const DEFAULT_STACK_SETTINGS: StackSettings = { seed: 1, validationFraction: 0.1, patience: 5 };

export type StageRunOptions = StageOptions & { settings?: StackSettings };

function checkStack(run: Run, stack: LayerStack): void {
  checkSameData(run, stack.data);
  if (JSON.stringify(run.train.groups) !== JSON.stringify(stack.visible))
    throw new AppError('engine.otherRows', { rows: run.train.rows, expected: stack.data?.rows ?? 0 });
}

async function withLayers(
  data: EncodedData,
  stack: LayerStack | null,
  below: StackedLayer[],
  layer: LayerConfig,
  opts: StageRunOptions,
): Promise<{ stack: LayerStack; result: LayerResult }> {
  // Refused before any tensor exists, like a whole run (`train`): this stage's estimate.
  const rows = data.rows + (opts.validation?.rows ?? 0);
  refuseOverBudget(
    estimateLayerMemory(
      below.map((l) => l.config),
      layer,
      data.bits,
      rows,
    ),
  );
  const backend = await initBackend();
  const settings = stack?.settings ?? opts.settings ?? DEFAULT_STACK_SETTINGS;
  return withRun(data, settings, opts, async (run) => {
    if (stack) checkStack(run, stack);
    const added = await layerStage(run, below, layer, { layers: below.length + 1, rowsAfter: 0 });
    opts.onLayer?.(added.result);
    const layers = [...below, added];
    return {
      stack: { visible: run.train.groups, settings, data: dataKey(run), backend, layers },
      result: added.result,
    };
  });
}

/** Trains one more layer on top of `stack` (or a first layer, with `opts.settings`). */
export async function trainNextLayer(
  data: EncodedData,
  stack: LayerStack | null,
  layer: LayerConfig,
  opts: StageRunOptions = {},
): Promise<LayerStageResult> {
  return { ...(await withLayers(data, stack, stack?.layers ?? [], layer, opts)), dropped: [] };
}

/** Trains layer `index` again with `layer`; the layers above it are dropped (they were trained on its codes). */
export async function retrainLayer(
  data: EncodedData,
  stack: LayerStack,
  index: number,
  layer: LayerConfig,
  opts: StageOptions = {},
): Promise<LayerStageResult> {
  if (!Number.isInteger(index) || index < 0 || index >= stack.layers.length)
    throw new AppError('engine.noSuchLayer', { layer: index + 1, layers: stack.layers.length });
  const below = stack.layers.slice(0, index);
  const dropped = stack.layers.slice(index + 1).map((l) => l.result);
  return { ...(await withLayers(data, stack, below, layer, opts)), dropped };
}

/** Fits the top prior on the stack and evaluates the complete model. */
export async function finishModel(
  data: EncodedData,
  stack: LayerStack,
  top: TopConfig,
  opts: StageOptions = {},
): Promise<StagedModel> {
  if (stack.layers.length === 0) throw new AppError('engine.noSuchLayer', { layer: 1, layers: 0 });
  const rows = data.rows + (opts.validation?.rows ?? 0);
  refuseOverBudget(
    estimateTopMemory(
      stack.layers.map((l) => l.config),
      top,
      data.bits,
      rows,
    ),
  );
  const backend = await initBackend();
  const started = performance.now();
  return withRun(data, stack.settings, opts, async (run) => {
    checkStack(run, stack);
    const L = stack.layers.length;
    const model = await topStage(run, stack, top, { layers: L, rowsAfter: 0 });
    const layers = stack.layers.map((l) => l.result);
    const summary: TrainSummary = { backend, seconds: 0, layers, ...evaluateModel(run, model), fineTune: null };
    refuseDiverged(model, summary);
    summary.seconds = layers.reduce((s, r) => s + r.seconds, 0) + (performance.now() - started) / 1000;
    return { model, config: stackConfig(stack, top, 0), summary, data: dataKey(run) };
  });
}

/**
 * Fine-tunes a finished model for `epochs` epochs (METHOD.md §5): the log-likelihood of the
 * validation rows (training rows without them) before and after is `summary.fineTune`; the
 * bound of the model so far is measured again on the fine-tuned layers.
 */
export async function fineTuneModel(
  data: EncodedData,
  fitted: StagedModel,
  epochs: number,
  opts: StageOptions = {},
): Promise<StagedModel> {
  if (!Number.isInteger(epochs) || epochs < 1) throw new AppError('engine.badEpochs', { epochs });
  await initBackend();
  const started = performance.now();
  return withRun(data, settingsOf(fitted.config), opts, async (run) => {
    checkSameData(run, fitted.data);
    const L = fitted.model.sizes.length;
    const tuned = await fineTuneStage(run, fitted.model, fitted.config, epochs, { layers: L, rowsAfter: 0 });
    const summary: TrainSummary = {
      ...fitted.summary,
      layers: refreshModelBounds(run, tuned.model, fitted.summary.layers),
      ...evaluateModel(run, tuned.model),
      fineTune: tuned.fineTune,
    };
    refuseDiverged(tuned.model, summary);
    summary.seconds = fitted.summary.seconds + (performance.now() - started) / 1000;
    const config = { ...fitted.config, fineTuneEpochs: fitted.config.fineTuneEpochs + epochs };
    return { model: tuned.model, config, summary, data: dataKey(run) };
  });
}
