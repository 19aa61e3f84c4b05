/**
 * Restricted Boltzmann machines: the stacked-RBM baseline (method `rbm`) and the top prior.
 * Visible units follow the layer's groups (Bernoulli bits, softmax units for categorical
 * groups), hidden units are Bernoulli. Trained by CD-k or PCD-k (persistent chains) with
 * momentum. A trained RBM is a generative layer P(x|h) (weights Wᵀ, visible bias) plus an
 * inference model P(h|x) (weights W, hidden bias).
 */
import * as tf from '@tensorflow/tfjs';
import { colSum, makeVariable, mm, mmT } from '../tensor/ops.js';
import type { GroupSpec, LayerConfig } from '../../../shared/domain/model.js';
import { logProbRows, sampleBernoulli, sampleGroups, type GroupLayout } from '../tensor/groups.js';
import { layoutOrder } from '../tensor/layout-order.js';
import { chunks } from '../training/loop-control.js';
import { matrix, type GenerativeLayerParams, type InferenceParams } from '../model/params.js';
import { runEpochs, type EpochLoop } from '../training/epoch-loop.js';
import type { LayerMethod } from './layer-method.js';
import { Disposables } from '../tensor/disposables.js';

export interface RbmVars {
  /** [n, k] */
  W: tf.Variable<tf.Rank.R2>;
  bv: tf.Variable<tf.Rank.R1>;
  bh: tf.Variable<tf.Rank.R1>;
}

export interface RbmTrainInput {
  groups: GroupSpec[];
  k: number;
  config: Pick<LayerConfig, 'epochs' | 'batchSize' | 'learningRate' | 'cdK' | 'persistent'>;
  baseRates: Float32Array;
  valid: tf.Tensor2D | null;
  loop: Omit<EpochLoop, 'step' | 'validate' | 'variables' | 'batchSize' | 'epochs'>;
}

const MOMENTUM = 0.5;
const WEIGHT_DECAY = 1e-4;
/** Rows of each mini-batch on which the reconstruction criterion (progress only) is computed. */
const RECONSTRUCTION_ROWS = 32;

/** Mean reconstruction log-probability log P(x | h ~ P(h|x)) per row, summed over the batch. */
function reconstruction(layout: GroupLayout, r: RbmVars, x: tf.Tensor2D, seed: number): tf.Scalar {
  return tf.tidy(() => {
    const h = sampleBernoulli(tf.add(mm(x, r.W), r.bh), seed) as tf.Tensor2D;
    return tf.sum(logProbRows(layout, tf.add(mmT(h, r.W), r.bv), x));
  });
}

export async function trainRbm(input: RbmTrainInput): Promise<{ rbm: RbmVars; epochs: number }> {
  const { groups, k, config } = input;
  // As auto-encoder layers: train with visible columns in layout order (group slices), rows
  // permuted once per epoch, parameters permuted back at the end.
  const order = layoutOrder(groups);
  const { layout } = order;
  const n = layout.bits;
  const seed0 = input.loop.rng.nextUint32() & 0x7fffffff;
  const baseRates = order.vector(input.baseRates);
  const validRows = input.valid ? order.toLayout(input.valid) : null;
  const rbm: RbmVars = {
    W: makeVariable(() => tf.randomNormal([n, k], 0, 0.01, 'float32', seed0)),
    bv: makeVariable(() => tf.tensor1d(baseRates)),
    bh: makeVariable(() => tf.zeros([k])),
  };
  const onFailure = new Disposables();
  onFailure.own({ dispose: () => disposeRbm(rbm) });
  const scratch = new Disposables();
  if (order.permute) scratch.own(validRows);
  const velocity = scratch.ownAll([
    makeVariable(() => tf.zeros([n, k])),
    makeVariable(() => tf.zeros([n])),
    makeVariable(() => tf.zeros([k])),
  ]);
  let chain: tf.Tensor2D | null = null;
  scratch.defer(() => (chain as tf.Tensor2D | null)?.dispose());
  const lr = config.learningRate;
  try {
    const result = await runEpochs({
      ...input.loop,
      epochs: config.epochs,
      batchSize: config.batchSize,
      variables: [rbm.W, rbm.bv, rbm.bh],
      rowsFor: order.rowsFor(input.loop.rowsFor),
      step(v, seed) {
        const B = v.shape[0];
        if (!config.persistent || !chain || chain.shape[0] !== B) {
          chain?.dispose();
          chain = tf.clone(v);
        }
        const start: tf.Tensor2D = chain;
        const next = tf.tidy(() => {
          // Plain products with explicit transposes (no autodiff here; see ops.ts on speed).
          const Wt = tf.transpose(rbm.W);
          const ph = tf.sigmoid(tf.add(tf.matMul(v, rbm.W), rbm.bh));
          let vn: tf.Tensor2D = start;
          for (let i = 0; i < config.cdK; i++) {
            const hs = sampleBernoulli(tf.add(tf.matMul(vn, rbm.W), rbm.bh), seed + 2 * i) as tf.Tensor2D;
            vn = sampleGroups(layout, tf.add(tf.matMul(hs, Wt), rbm.bv), seed + 2 * i + 1);
          }
          const phn = tf.sigmoid(tf.add(tf.matMul(vn, rbm.W), rbm.bh));
          // vᵀph - vnᵀphn as one product of stacked batches.
          const stats = tf.matMul(tf.transpose(tf.concat([v, vn], 0)), tf.concat([ph, tf.neg(phn)], 0));
          const gW = tf.sub(tf.div(stats, B), tf.mul(rbm.W, WEIGHT_DECAY));
          const gbv = tf.div(colSum(tf.sub(v, vn)), B);
          const gbh = tf.div(colSum(tf.sub(ph, phn)), B);
          const grads = [gW, gbv, gbh];
          const params = [rbm.W, rbm.bv, rbm.bh];
          grads.forEach((g, i) => {
            velocity[i].assign(tf.add(tf.mul(velocity[i], MOMENTUM), tf.mul(g, lr)));
            (params[i] as tf.Variable).assign(tf.add(params[i], velocity[i]));
          });
          return tf.keep(vn);
        });
        if (config.persistent) {
          start.dispose();
          chain = next;
        } else next.dispose();
        // The progress criterion on the first rows of the (shuffled) batch, scaled to the batch.
        const r = Math.min(B, RECONSTRUCTION_ROWS);
        if (r === B) return reconstruction(layout, rbm, v, seed + 99);
        return tf.tidy(
          () => tf.mul(reconstruction(layout, rbm, tf.slice(v, [0, 0], [r, -1]), seed + 99), B / r) as tf.Scalar,
        );
      },
      validate() {
        const valid = validRows;
        if (!valid) return null;
        let total = 0;
        for (const [a, b] of chunks(valid.shape[0], 1024)) {
          total += tf.tidy(() => reconstruction(layout, rbm, tf.slice(valid, [a, 0], [b - a, -1]), 7).dataSync()[0]);
        }
        return total / valid.shape[0];
      },
    });
    order.restore([
      { variable: rbm.W, axis: 0 },
      { variable: rbm.bv, axis: 0 },
    ]);
    onFailure.handOver();
    return { rbm, epochs: result.epochs };
  } finally {
    onFailure.dispose();
    scratch.dispose();
  }
}

export function rbmAsLayer(r: RbmVars, groups: GroupSpec[]): { gen: GenerativeLayerParams; inf: InferenceParams } {
  const W = r.W.arraySync();
  const n = W.length;
  const k = n > 0 ? W[0].length : 0;
  const wt = new Float32Array(k * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) wt[j * n + i] = W[i][j];
  return {
    gen: { weights: matrix(k, n, wt), bias: Float32Array.from(r.bv.dataSync()), groups },
    inf: {
      kind: 'vanilla',
      layers: [{ weights: matrix(n, k, Float32Array.from(r.W.dataSync())), bias: Float32Array.from(r.bh.dataSync()) }],
    },
  };
}

export function disposeRbm(r: RbmVars): void {
  r.W.dispose();
  r.bv.dispose();
  r.bh.dispose();
}

/** Method `rbm` (the stacked-RBM baseline, METHOD.md §2.4) as a layer method. */
export const rbmMethod: LayerMethod = {
  async train(input) {
    const { rbm, epochs } = await trainRbm(input);
    return {
      ...rbmAsLayer(rbm, input.groups),
      epochs,
      encode: (x, seed) => tf.tidy(() => sampleBernoulli(tf.add(mm(x, rbm.W), rbm.bh), seed) as tf.Tensor2D),
      dispose: () => disposeRbm(rbm),
    };
  },
};
