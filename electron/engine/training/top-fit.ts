/**
 * The top of the layer-wise procedure (METHOD.md §3): codes of the training rows passed up
 * through every trained layer, and the top prior P_top(h_L) fitted on them — an exact table
 * (the best latent marginal itself when there is one layer and the bound is exact), a
 * factorised Bernoulli, or an RBM with its own hidden units trained by PCD-1.
 */
import * as tf from '@tensorflow/tfjs';
import { AppError } from '../../../shared/domain/errors.js';
import type { EpochProgress, GroupSpec, TrainConfig } from '../../../shared/domain/model.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import type { Rng } from '../../base/random.js';
import { exactBlm } from '../eval/blm.js';
import { exactBoundFeasible } from '../eval/layer-bound.js';
import { disposeRbm, rbmAsLayer, trainRbm } from '../methods/rbm.js';
import type { GenerativeLayerParams, TopPriorParams } from '../model/params.js';
import { bernoulliFromCodes, tableFromCodes, tableFromDistribution } from '../model/top-prior.js';
import { allBernoulli } from '../tensor/groups.js';
import { baseRateLogits } from '../tensor/variables.js';
import type { LoopControl } from './loop-control.js';

/** Samples codes h ~ q(.|x) of one trained layer. */
export type Encoder = (x: tf.Tensor2D, seed: number) => tf.Tensor2D;

/** Codes of rows x passed up through the given layers (a new tensor the caller owns). */
export function encodeUp(encoders: readonly Encoder[], x: tf.Tensor2D, seed: number): tf.Tensor2D {
  let h = tf.clone(x);
  encoders.forEach((enc, i) => {
    const next = enc(h, seed + 7919 * (i + 1));
    h.dispose();
    h = next;
  });
  return h;
}

/** A tensor of 0/1 codes read back as encoded rows. */
export function toEncoded(t: tf.Tensor2D, groups: GroupSpec[]): EncodedData {
  const data = Uint8Array.from(t.dataSync());
  return { groups, rows: t.shape[0], bits: t.shape[1], data };
}

export interface TopFitInput {
  config: TrainConfig;
  /** The training rows. */
  X0: tf.Tensor2D;
  encoders: readonly Encoder[];
  generative: GenerativeLayerParams[];
  trainData: EncodedData;
  control: LoopControl;
  rng: Rng;
  progress: (p: Omit<EpochProgress, 'layer' | 'layers' | 'stage'>) => void;
  /** Rows of all epochs still to go after the top prior (for the ETA). */
  rowsAfter: number;
}

export async function fitTop(input: TopFitInput): Promise<TopPriorParams> {
  const { config, X0, encoders, rng } = input;
  const k = config.layers[config.layers.length - 1].units;
  const codesTensor = encodeUp(encoders, X0, 8191);
  const codes = Uint8Array.from(codesTensor.dataSync());
  const rows = codesTensor.shape[0];
  codesTensor.dispose();
  if (config.topPrior === 'table') {
    if (k > 16) throw new AppError('engine.tableTooLarge', { k });
    // Directly on the data, the maximum-likelihood table is the best latent marginal itself.
    if (encoders.length === 1 && exactBoundFeasible(k, input.trainData.rows))
      return tableFromDistribution(exactBlm(input.generative[0], k, input.trainData).q);
    return tableFromCodes(codes, rows, k);
  }
  if (config.topPrior === 'bernoulli') return bernoulliFromCodes(codes, rows, k);
  const groups = allBernoulli(k);
  const epochSeed = rng.nextUint32() & 0x3fffffff;
  const { rbm } = await trainRbm({
    groups,
    k: config.topHidden,
    config: {
      epochs: Math.max(1, config.topEpochs),
      batchSize: config.layers[0].batchSize,
      learningRate: 0.05,
      cdK: 1,
      persistent: true,
    },
    baseRates: baseRateLogits(codes, rows, k, groups),
    valid: null,
    loop: {
      patience: 0,
      rng: rng.fork(),
      control: input.control,
      rowsFor: (epoch) => encodeUp(encoders, X0, epochSeed + 104729 * epoch),
      rowsAfter: input.rowsAfter,
      progress: input.progress,
    },
  });
  try {
    const layer = rbmAsLayer(rbm, groups);
    // Prior over h_L (the RBM's visible side, k units) with its own hidden units.
    return {
      kind: 'rbm',
      weights: layer.inf.layers[0].weights,
      visibleBias: layer.gen.bias,
      hiddenBias: layer.inf.layers[0].bias,
    };
  } finally {
    disposeRbm(rbm);
  }
}
