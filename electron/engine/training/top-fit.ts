/**
 * The top of the layer-wise procedure (METHOD.md §3): codes of the training rows passed up
 * through every trained layer, and the top prior P_top(h_L) fitted on them — an exact table
 * (the best latent marginal itself when there is one layer and the bound is exact, else the
 * aggregate posterior counted over many draws of the codes), a
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

/** Codes of every row drawn `draws` times (seeds 8191 + 104729·i: the first draw is the single draw of an RBM or Bernoulli top). */
function drawCodes(encoders: readonly Encoder[], X0: tf.Tensor2D, draws: number): { codes: Uint8Array; rows: number } {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < draws; i++) {
    const t = encodeUp(encoders, X0, 8191 + 104729 * i);
    parts.push(Uint8Array.from(t.dataSync()));
    t.dispose();
  }
  const codes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.forEach((p, i) => codes.set(p, i * parts[0].length));
  return { codes, rows: X0.shape[0] * draws };
}

/** Codes drawn per state the table aims at, and the most codes drawn in all (*choice*, METHOD.md §3). */
export const TABLE_CODES_PER_STATE = 4;
export const TABLE_MAX_CODES = 1 << 18;

/**
 * A table prior from the aggregate posterior of the training rows: each row passed up several
 * times (enough for about TABLE_CODES_PER_STATE codes per state, at most TABLE_MAX_CODES codes in
 * all), counted with a smoothing of 1 % of the codes spread over the states (at most 0.01 per state).
 */
function aggregateTable(encoders: readonly Encoder[], X0: tf.Tensor2D, k: number): TopPriorParams {
  const rows = X0.shape[0];
  const most = Math.max(1, Math.floor(TABLE_MAX_CODES / Math.max(1, rows)));
  const draws = Math.min(most, Math.max(1, Math.ceil((TABLE_CODES_PER_STATE * 2 ** k) / Math.max(1, rows))));
  const { codes, rows: n } = drawCodes(encoders, X0, draws);
  return tableFromCodes(codes, n, k, Math.min(0.01, (0.01 * n) / 2 ** k));
}

export async function fitTop(input: TopFitInput): Promise<TopPriorParams> {
  const { config, X0, encoders, rng } = input;
  const k = config.layers[config.layers.length - 1].units;
  if (config.topPrior === 'table') {
    if (k > 16) throw new AppError('engine.tableTooLarge', { k });
    // Directly on the data, the maximum-likelihood table is the best latent marginal itself.
    if (encoders.length === 1 && exactBoundFeasible(k, input.trainData.rows))
      return tableFromDistribution(exactBlm(input.generative[0], k, input.trainData).q);
    return aggregateTable(encoders, X0, k);
  }
  const { codes, rows } = drawCodes(encoders, X0, 1);
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
