/**
 * Evaluation of one trained model for the experiment tables, all in float64 with this
 * module's own estimators: log-likelihood of train, validation and test rows (exact where
 * the hidden state space allows, else importance-sampled on at most 1,000 rows with its se)
 * and the layer-1 BLM bound on train and validation rows (exact EM up to 16 units, else the
 * auto-encoded estimate).
 */
import type { Estimate } from '../../shared/domain/model.js';
import type { EncodedData } from '../base/encoded-rows.js';
import { selectRows } from '../base/encoded-rows.js';
import { layerBound, logLikelihood, type DeepModelParams } from '../engine/index.js';
import { createRng, permutation } from '../base/random.js';

export const EVAL_ROWS = 1000;
export const IS_SAMPLES = 100;
export const BOUND_ITERATIONS = 1000;

function subsample(d: EncodedData, max: number, seed: number): EncodedData {
  return d.rows <= max ? d : selectRows(d, permutation(d.rows, createRng(seed)).subarray(0, max));
}

export function modelLogLik(model: DeepModelParams, d: EncodedData, seed: number): Estimate {
  return logLikelihood(model, subsample(d, EVAL_ROWS, seed), { seed, samples: IS_SAMPLES });
}

export function firstLayerBound(model: DeepModelParams, d: EncodedData, seed: number): Estimate {
  return layerBound(model.generative[0], model.inference[0], model.sizes[0], subsample(d, 4000, seed), {
    seed,
    maxIterations: BOUND_ITERATIONS,
  });
}
