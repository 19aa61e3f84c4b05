/**
 * Encoders of a stack's layers rebuilt on tensors from their plain parameters (METHOD.md §3,
 * codes passed up): h ~ q(.|x) through the inference model for `ae`, `aeries` and `rbm`
 * (an RBM's P(h|x) is its vanilla inference model), and for `blm-exact` a draw from the exact
 * posterior Q(h|x) ∝ P(x|h) Q(h) under the layer's final Q. The parameters are the float32
 * values training ended with, so the codes are the ones the trained variables would give.
 */
import * as tf from '@tensorflow/tfjs';
import { samplePosterior } from '../methods/blm-exact.js';
import type { StackedLayer } from '../model/params.js';
import { allStates, groupLayout, sampleBernoulli } from '../tensor/groups.js';
import { Disposables } from '../tensor/disposables.js';
import { genFromParams, genVarList, inferLogits, infFromParams, infVarList } from '../tensor/variables.js';
import type { Encoder } from './top-fit.js';

type LayerCodes = Pick<StackedLayer, 'config' | 'gen' | 'inf' | 'encoderLogPrior'>;

function encoderOf(layer: LayerCodes, owner: Disposables): Encoder {
  if (layer.config.method === 'blm-exact' && layer.encoderLogPrior) {
    const gen = genFromParams(layer.gen);
    owner.ownAll(genVarList(gen));
    const states = owner.own(allStates(layer.gen.weights.rows));
    const logPrior = owner.own(tf.tensor1d(layer.encoderLogPrior));
    const layout = groupLayout(layer.gen.groups);
    return (x, seed) => samplePosterior(layout, { gen, states, logPrior }, x, seed);
  }
  const inf = infFromParams(layer.inf);
  owner.ownAll(infVarList(inf));
  return (x, seed) => tf.tidy(() => sampleBernoulli(inferLogits(inf, x), seed) as tf.Tensor2D);
}

/** The encoders of the given layers, bottom first, with the release of their tensors. */
export function stackEncoders(layers: readonly LayerCodes[]): { encoders: Encoder[]; dispose(): void } {
  const owner = new Disposables();
  try {
    return { encoders: layers.map((l) => encoderOf(l, owner)), dispose: () => owner.dispose() };
  } catch (err) {
    owner.dispose();
    throw err;
  }
}
