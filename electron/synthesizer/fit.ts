/**
 * Fitting: a training set in, a model bundle and its training summary out. The engine trains
 * layer by layer on the encoded rows (progress, pause and cancel through the hooks) and the
 * bundle keeps the encoding and provenance beside the model. Runs wherever the engine runs:
 * the engine thread of the app, or the CLI's own process.
 */
import type { TrainConfig, TrainSummary } from '../../shared/domain/model.js';
import { train, type TrainOptions } from '../engine/index.js';
import { makeBundle, type ModelBundle } from './bundle.js';
import type { TrainingSet } from './training-set.js';

export type FitHooks = Pick<TrainOptions, 'signal' | 'isPaused' | 'onProgress' | 'onLayer'>;

export async function fitModel(
  set: TrainingSet,
  config: TrainConfig,
  appVersion: string,
  hooks: FitHooks = {},
): Promise<{ bundle: ModelBundle; summary: TrainSummary }> {
  const { model, summary } = await train(set.train, config, {
    ...hooks,
    validation: set.valid ?? undefined,
    test: set.test ?? undefined,
    outside: set.outside ?? undefined,
  });
  const bundle = makeBundle(model, { appVersion, config, metrics: summary }, set);
  return { bundle, summary };
}
