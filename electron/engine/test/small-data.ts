/**
 * Small seeded data and configurations for the engine's tests: 240 rows of 6 bits and one
 * softmax group of 3 drawn from 4 noisy prototypes, layer and training configurations with
 * short runs, and the input of one layer method on those rows.
 */
import * as tf from '@tensorflow/tfjs';
import type { GroupSpec, LayerConfig, Method, TrainConfig } from '../../../shared/domain/model.js';
import { encodedData, groupBits, type EncodedData } from '../../base/encoded-rows.js';
import { createRng } from '../../base/random.js';
import type { LayerTrainInput } from '../methods/layer-method.js';
import { toTensor } from '../training/loop-control.js';
import { baseRateLogits } from '../tensor/variables.js';

export const groups: GroupSpec[] = [
  ...Array.from({ length: 6 }, () => ({ kind: 'bernoulli' as const })),
  { kind: 'softmax', size: 3 },
];

/** Rows from 4 noisy prototypes (seeded). */
export function dataset(rows: number, seed: number): EncodedData {
  const rng = createRng(seed);
  const bits = 9;
  const protos = Array.from({ length: 4 }, () => Array.from({ length: 6 }, () => (rng.next() < 0.5 ? 1 : 0)));
  const out = new Uint8Array(rows * bits);
  for (let r = 0; r < rows; r++) {
    const c = rng.int(4);
    for (let j = 0; j < 6; j++) out[r * bits + j] = rng.next() < 0.1 ? 1 - protos[c][j] : protos[c][j];
    out[r * bits + 6 + (c % 3)] = 1;
  }
  return encodedData(groups, rows, out);
}

export const data = dataset(240, 1);

export function layer(units: number, method: Method, over: Partial<LayerConfig> = {}): LayerConfig {
  return {
    units,
    method,
    epochs: 2,
    batchSize: 32,
    learningRate: 0.02,
    samples: 4,
    inferenceWidth: null,
    criterion: 'blm',
    cdK: 1,
    persistent: true,
    ...over,
  };
}

export function config(layers: LayerConfig[], over: Partial<TrainConfig> = {}): TrainConfig {
  return {
    layers,
    topPrior: 'rbm',
    topHidden: 4,
    topEpochs: 1,
    seed: 5,
    validationFraction: 0.2,
    patience: 0,
    fineTuneEpochs: 0,
    ...over,
  };
}

/**
 * The input of one layer method on `rows` (by default `data`, 240 rows of `groups`), and the
 * rows tensor (the caller disposes it).
 */
export function layerInput(
  k: number,
  cfg: LayerConfig,
  rows: { groups: GroupSpec[]; data: Uint8Array } = data,
): { input: LayerTrainInput; X: tf.Tensor2D } {
  const bits = groupBits(rows.groups);
  const n = rows.data.length / bits;
  const X = toTensor(rows.data, n, bits);
  return {
    X,
    input: {
      groups: rows.groups,
      k,
      config: cfg,
      baseRates: baseRateLogits(rows.data, n, bits, rows.groups),
      valid: null,
      loop: {
        patience: 0,
        rng: createRng(3),
        control: {},
        rowsFor: () => tf.clone(X),
        rowsAfter: 0,
        progress: () => undefined,
      },
    },
  };
}
