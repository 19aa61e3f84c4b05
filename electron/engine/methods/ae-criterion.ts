/**
 * The auto-encoder criteria of one layer (METHOD.md §2), as surrogate losses whose gradients
 * are the estimators the method specifies, plus the criterion's value in nats per row.
 *  - 'blm' (log outside the sum): C = E_x log Σ_h q(h|x) P(x|h); exact by enumerating h when
 *    k <= 12, else with S samples: grad_θ = Σ_s w_s grad log P(x|h_s),
 *    grad_φ = Σ_s (w_s - 1/S) grad log q(h_s|x), w = softmax_s log P(x|h_s).
 *  - 'log-inside' (the usual reconstruction criterion): E_x E_{h~q} log P(x|h).
 */
import * as tf from '@tensorflow/tfjs';
import { mmT, softplus, stopGradient } from '../tensor/ops.js';
import type { AeCriterion } from '../../../shared/domain/model.js';
import { logNormaliser, logProbTable, logSumExpLast, type GroupLayout } from '../tensor/groups.js';
import { genLogits, inferLogits, type GenVars, type InfVars } from '../tensor/variables.js';

export const EXACT_CRITERION_MAX_K = 12;

export interface CriterionTerms {
  /** Scalar surrogate loss to minimise (its gradient is the estimator). */
  loss: tf.Scalar;
  /** Sum over the batch of the per-row criterion (nats), for progress. */
  valueSum: tf.Scalar;
}

/** log q(h|x) for codes h [R, k] and inference logits a [R, k]: Σ h a - softplus(a). */
export function logQ(a: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.sub(tf.mul(h, a), softplus(a)), 1));
}

/**
 * S codes per row h_s ~ q(.|x), stacked [S*B, k] (sample s of row b at s*B + b). Drawn
 * outside any gradient tape: the codes are data for the criterion, not a function of φ.
 * Broadcasting instead of `tile` (tile is slow on the WebAssembly backend).
 */
export function sampleCodes(inf: InfVars, x: tf.Tensor2D, samples: number, seed: number): tf.Tensor2D {
  return tf.tidy(() => {
    const p = tf.sigmoid(inferLogits(inf, x)); // [B, k]
    const [B, k] = p.shape;
    const u = tf.randomUniform([samples, B, k], 0, 1, 'float32', seed);
    return tf.reshape(tf.cast(tf.less(u, p), 'float32'), [samples * B, k]) as tf.Tensor2D;
  });
}

/**
 * log P(x_b | h_{s,b}) as [S, B] for codes h [S*B, k] and rows x [B, n]. The data term
 * Σ_j x_j logit_j is computed as h·(W x) + b·x (no tiling of x); only the groups'
 * normalisers touch the [S*B, n] logits.
 */
function logLikelihoods(layout: GroupLayout, gen: GenVars, x: tf.Tensor2D, h: tf.Tensor2D, S: number): tf.Tensor2D {
  const B = x.shape[0];
  const k = h.shape[1];
  const logits = genLogits(gen, h); // [S*B, n]
  // Data term Σ_j x_j logit_j = h·(W x) + b·x without tiling x; then the groups' normalisers.
  const xW = mmT(x, gen.W); // [B, k]
  const data = tf.add(tf.sum(tf.mul(tf.reshape(h, [S, B, k]), xW), 2), tf.sum(tf.mul(x, gen.b), 1)); // [S, B]
  return tf.sub(data, tf.reshape(logNormaliser(layout, logits), [S, B])) as tf.Tensor2D;
}

/** Sampled criterion on a batch x [B, n] with S codes per row (from `sampleCodes`). */
export function sampledCriterion(
  layout: GroupLayout,
  gen: GenVars,
  inf: InfVars,
  x: tf.Tensor2D,
  h: tf.Tensor2D,
  samples: number,
  criterion: AeCriterion,
): CriterionTerms {
  return tf.tidy(() => {
    const B = x.shape[0];
    const S = samples;
    const k = h.shape[1];
    const a = inferLogits(inf, x); // [B, k]
    const lp = logLikelihoods(layout, gen, x, h, S); // log P(x|h_s), [S, B]
    // log q(h_s|x) = Σ_j h_j a_j - softplus(a_j), broadcast over the S codes.
    const lq = tf.sub(tf.sum(tf.mul(tf.reshape(h, [S, B, k]), a), 2), tf.sum(softplus(a), 1)) as tf.Tensor2D; // [S, B]
    if (criterion === 'blm') {
      const wT = stopGradient(tf.exp(tf.sub(lp, tf.logSumExp(lp, 0, true)))); // [S, B], w_s per row
      const lossTheta = tf.neg(tf.div(tf.sum(tf.mul(wT, lp)), B));
      const lossPhi = tf.neg(tf.div(tf.sum(tf.mul(tf.sub(wT, 1 / S), lq)), B));
      const value = tf.sum(tf.sub(tf.logSumExp(lp, 0), Math.log(S)));
      return { loss: tf.add(lossTheta, lossPhi) as tf.Scalar, valueSum: stopGradient(value) as tf.Scalar };
    }
    const mean = tf.mean(lp, 0, true);
    const advantage = stopGradient(tf.sub(lp, mean));
    const lossTheta = tf.neg(tf.div(tf.sum(lp), S * B));
    const lossPhi = tf.neg(tf.div(tf.sum(tf.mul(advantage, lq)), S * B));
    return {
      loss: tf.add(lossTheta, lossPhi) as tf.Scalar,
      valueSum: stopGradient(tf.div(tf.sum(lp), S)) as tf.Scalar,
    };
  });
}

/** Exact criterion on a batch by enumerating all 2^k codes (states [K, k]). */
export function exactCriterion(
  layout: GroupLayout,
  gen: GenVars,
  inf: InfVars,
  x: tf.Tensor2D,
  states: tf.Tensor2D,
  criterion: AeCriterion,
): CriterionTerms {
  return tf.tidy(() => {
    const a = inferLogits(inf, x); // [B, k]
    const table = logProbTable(layout, genLogits(gen, states), x); // [B, K]
    const lq = tf.sub(mmT(a, states), tf.sum(softplus(a), 1, true)); // [B, K]
    const perRow =
      criterion === 'blm' ? logSumExpLast<tf.Rank.R1>(tf.add(table, lq)) : tf.sum(tf.mul(tf.exp(lq), table), 1);
    const sum = tf.sum(perRow);
    return { loss: tf.neg(tf.div(sum, x.shape[0])) as tf.Scalar, valueSum: sum as tf.Scalar };
  });
}
