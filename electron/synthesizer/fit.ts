/**
 * Fitting: a training set in, a model bundle and its training summary out. The engine trains
 * layer by layer on the encoded rows (progress, pause and cancel through the hooks) and the
 * bundle keeps the encoding and provenance beside the model. Runs wherever the engine runs:
 * the engine thread of the app, or the CLI's own process. `checkFit` says, before anything
 * runs, why a set and configuration cannot be trained (too few rows, too much memory).
 */
import { AppError } from '../../shared/domain/errors.js';
import { MIN_TRAIN_ROWS } from '../../shared/domain/limits.js';
import type { TrainConfig, TrainSummary } from '../../shared/domain/model.js';
import { checkTrainingMemory, train, type TrainOptions } from '../engine/index.js';
import { makeBundle, type ModelBundle } from './bundle.js';
import type { TrainingSet } from './training-set.js';

export type FitHooks = Pick<TrainOptions, 'signal' | 'isPaused' | 'onProgress' | 'onLayer'>;

/** Refuses a set of fewer than `MIN_TRAIN_ROWS` training rows (a whole fit or any stage of one). */
export function checkTrainingRows(set: TrainingSet): void {
  if (set.train.rows < MIN_TRAIN_ROWS)
    throw new AppError('train.tooFewRows', { rows: set.train.rows, min: MIN_TRAIN_ROWS });
}

/** Units a table top prior can cover (the engine's limit, METHOD.md §1). */
const TABLE_MAX_UNITS = 16;

/**
 * Refuses a fit that cannot work, before any layer trains: fewer than `MIN_TRAIN_ROWS` training
 * rows, a table prior over a top layer wider than it allows (the default prior since METHOD.md §9,
 * so a widened top layer is refused at once, not after its layers trained), or a memory estimate
 * over the engine's budget.
 */
export function checkFit(set: TrainingSet, config: TrainConfig): void {
  checkTrainingRows(set);
  const k = config.layers[config.layers.length - 1]?.units ?? 0;
  if (config.topPrior === 'table' && k > TABLE_MAX_UNITS) throw new AppError('engine.tableTooLarge', { k });
  checkTrainingMemory(config, set.train.bits, set.train.rows + (set.valid?.rows ?? 0));
}

export async function fitModel(
  set: TrainingSet,
  config: TrainConfig,
  appVersion: string,
  hooks: FitHooks = {},
): Promise<{ bundle: ModelBundle; summary: TrainSummary }> {
  checkFit(set, config);
  const { model, summary } = await train(set.train, config, {
    ...hooks,
    validation: set.valid ?? undefined,
    test: set.test ?? undefined,
    outside: set.outside ?? undefined,
  });
  const bundle = makeBundle(model, { appVersion, config, metrics: summary }, set);
  return { bundle, summary };
}
