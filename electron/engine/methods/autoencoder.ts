/**
 * Training one layer as an auto-encoder (methods `ae` and `aeries`): the generative layer
 * P(x|h) and an inference model q(h|x) — one affine map (vanilla) or an MLP with a tanh
 * hidden layer (rich, AERIes) — trained jointly on the chosen criterion with Adam.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerConfig } from '../../../shared/domain/model.js';
import {
  EXACT_CRITERION_MAX_K,
  exactCriterion,
  sampleCodes,
  sampledCriterion,
  type CriterionTerms,
} from './ae-criterion.js';
import { exactBlmGradients, sampledBlmGradients } from './ae-criterion-grads.js';
import { allStates, sampleBernoulli } from '../tensor/groups.js';
import { layoutOrder } from '../tensor/layout-order.js';
import { chunks } from '../training/loop-control.js';
import { runEpochs } from '../training/epoch-loop.js';
import { Disposables } from '../tensor/disposables.js';
import type { LayerMethod, LayerTrainInput } from './layer-method.js';
import {
  disposeVars,
  genVarList,
  inferLogits,
  infVarList,
  initGen,
  initInf,
  snapshotGen,
  snapshotInf,
  type GenVars,
  type InfVars,
} from '../tensor/variables.js';

export interface TrainedAutoencoder {
  gen: GenVars;
  inf: InfVars;
  epochs: number;
}

export const richWidth = (config: LayerConfig, k: number): number => config.inferenceWidth ?? Math.max(64, 2 * k);

export async function trainAutoencoder(input: LayerTrainInput, rich: boolean): Promise<TrainedAutoencoder> {
  const { groups, k, config } = input;
  // Train with the columns in layout order (Bernoulli bits, then softmax groups by size), so
  // groups are contiguous slices; rows are permuted once per epoch and the parameters are
  // permuted back at the end.
  const order = layoutOrder(groups);
  const { layout } = order;
  const n = layout.bits;
  const seed = input.loop.rng.nextUint32() & 0x7fffffff;
  const gen = initGen(k, n, seed, order.vector(input.baseRates));
  const inf = initInf(rich ? 'rich' : 'vanilla', n, k, richWidth(config, k), seed + 1);
  const variables = [...genVarList(gen), ...infVarList(inf)];
  const onFailure = new Disposables();
  onFailure.ownAll(variables);
  const scratch = new Disposables();
  const optimizer = scratch.own(tf.train.adam(config.learningRate));
  const exact = k <= EXACT_CRITERION_MAX_K;
  const states = scratch.own(exact ? allStates(k) : null);
  const closedForm = config.criterion === 'blm';
  const valid = input.valid ? order.toLayout(input.valid) : null;
  if (order.permute) scratch.own(valid);
  /** The criterion's terms on a batch; sampled codes are drawn before the gradient tape. */
  const withTerms = <T>(x: tf.Tensor2D, s: number, use: (terms: () => CriterionTerms) => T): T => {
    if (states) return use(() => exactCriterion(layout, gen, inf, x, states, config.criterion));
    const h = sampleCodes(inf, x, config.samples, s);
    try {
      return use(() => sampledCriterion(layout, gen, inf, x, h, config.samples, config.criterion));
    } finally {
      h.dispose();
    }
  };
  try {
    const result = await runEpochs({
      ...input.loop,
      epochs: config.epochs,
      batchSize: config.batchSize,
      variables,
      rowsFor: order.rowsFor(input.loop.rowsFor),
      step(batch, s) {
        if (closedForm) {
          // Hot path: closed-form gradients (same estimators, no tape; tested against autodiff).
          const { grads, valueSum } = states
            ? exactBlmGradients(layout, gen, inf, batch, states)
            : sampledBlmGradients(layout, gen, inf, batch, config.samples, s);
          optimizer.applyGradients(variables.map((v, i) => ({ name: v.name, tensor: grads[i] })));
          grads.forEach((g) => g.dispose());
          return valueSum;
        }
        let value: tf.Scalar | null = null;
        withTerms(batch, s, (terms) =>
          optimizer.minimize(
            () => {
              const t = terms();
              value = tf.keep(t.valueSum);
              return t.loss;
            },
            false,
            variables,
          ),
        );
        return value ?? tf.scalar(0);
      },
      validate() {
        const v = valid;
        if (!v) return null;
        let total = 0;
        for (const [a, b] of chunks(v.shape[0], 512)) {
          total += tf.tidy(() =>
            withTerms(tf.slice(v, [a, 0], [b - a, -1]) as tf.Tensor2D, 7, (terms) => terms().valueSum.dataSync()[0]),
          );
        }
        return total / v.shape[0];
      },
    });
    // Back to column order: generative columns and the inference network's input rows.
    order.restore([
      { variable: gen.W, axis: 1 },
      { variable: gen.b, axis: 0 },
      { variable: inf.layers[0].W, axis: 0 },
    ]);
    onFailure.handOver();
    return { gen, inf, epochs: result.epochs };
  } finally {
    onFailure.dispose();
    scratch.dispose();
  }
}

/** Methods `aeries` (rich inference) and `ae` (vanilla inference) as layer methods. */
export function autoencoderMethod(rich: boolean): LayerMethod {
  return {
    async train(input) {
      const trained = await trainAutoencoder(input, rich);
      const variables = [...genVarList(trained.gen), ...infVarList(trained.inf)];
      return {
        gen: snapshotGen(trained.gen, input.groups),
        inf: snapshotInf(trained.inf),
        epochs: trained.epochs,
        encode: (x, seed) => tf.tidy(() => sampleBernoulli(inferLogits(trained.inf, x), seed) as tf.Tensor2D),
        dispose: () => disposeVars(variables),
      };
    },
  };
}
