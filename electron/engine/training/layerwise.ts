/**
 * The layer-wise driver in one call (METHOD.md §3): train each layer with its method on the
 * codes of the layer below (fresh samples each epoch), report its bounds, fit the top prior,
 * optionally fine-tune, and evaluate the whole model — the stages of `stages.ts` run one after
 * the other on one run, so the result is the model the staged calls (`staged.ts`) give for
 * the same seed. Emits progress per epoch and a result per layer; honours pause and cancel
 * between mini-batches; seeded. A run whose memory estimate is over the engine's budget is
 * refused before it starts; one that diverges (NaN or infinite values) fails with
 * `engine.diverged` instead of giving a model.
 */
import type { LayerResult, TrainConfig, TrainSummary } from '../../../shared/domain/model.js';
import type { StackSettings, TopConfig } from '../../../shared/domain/staged.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { initBackend } from '../backend.js';
import type { DeepModelParams, StackedLayer } from '../model/params.js';
import { dataKey, withRun, type Run, type StageOptions } from './stage-run.js';
import { checkTrainingMemory } from './memory.js';
import { rowsAfterStage } from '../../../shared/domain/train-cost.js';
import { evaluateModel, fineTuneStage, layerStage, refreshModelBounds, refuseDiverged, topStage } from './stages.js';

export { EVAL_ROWS, BOUND_ROWS } from './stage-run.js';
export type TrainOptions = StageOptions;

export const settingsOf = (c: TrainConfig): StackSettings => ({
  seed: c.seed,
  validationFraction: c.validationFraction,
  patience: c.patience,
});
export const topOf = (c: TrainConfig): TopConfig => ({
  topPrior: c.topPrior,
  topHidden: c.topHidden,
  topEpochs: c.topEpochs,
});

/**
 * Rows still to go after stage `s` (the layers, the top prior, fine-tuning), counted in rows of
 * that stage's own cost, so the time left weighs cheaper and dearer stages right (train-cost.ts).
 */
function rowsAfter(config: TrainConfig, run: Run, s: number): number {
  return rowsAfterStage(config, run.train.bits, run.train.rows, s);
}

async function trainLayers(run: Run, config: TrainConfig): Promise<StackedLayer[]> {
  const L = config.layers.length;
  const layers: StackedLayer[] = [];
  for (let l = 0; l < L; l++) {
    const added = await layerStage(run, layers, config.layers[l], { layers: L, rowsAfter: rowsAfter(config, run, l) });
    layers.push(added);
    run.opts.onLayer?.(added.result);
  }
  return layers;
}

/** Trains a deep model layer by layer on encoded rows (METHOD.md §3) and evaluates it (§4). */
export async function train(
  data: EncodedData,
  config: TrainConfig,
  opts: TrainOptions = {},
): Promise<{ model: DeepModelParams; summary: TrainSummary }> {
  // Refused before any tensor exists: a run that cannot fit never starts (and never breaks the backend).
  checkTrainingMemory(config, data.bits, data.rows + (opts.validation?.rows ?? 0));
  const backend = await initBackend();
  const started = performance.now();
  return withRun(data, settingsOf(config), opts, async (run) => {
    const L = config.layers.length;
    const layers = await trainLayers(run, config);
    const stack = { visible: run.train.groups, settings: run.settings, data: dataKey(run), backend, layers };
    let model = await topStage(run, stack, topOf(config), { layers: L, rowsAfter: rowsAfter(config, run, L) });
    let results: LayerResult[] = layers.map((l) => l.result);
    let fineTune: TrainSummary['fineTune'] = null;
    if (config.fineTuneEpochs > 0) {
      const plan = { layers: L, rowsAfter: 0 };
      const tuned = await fineTuneStage(run, model, { ...config, fineTuneEpochs: 0 }, config.fineTuneEpochs, plan);
      ({ model, fineTune } = tuned);
      results = refreshModelBounds(run, model, results);
    }
    const summary: TrainSummary = { backend, seconds: 0, layers: results, ...evaluateModel(run, model), fineTune };
    refuseDiverged(model, summary);
    summary.seconds = (performance.now() - started) / 1000;
    return { model, summary };
  });
}
