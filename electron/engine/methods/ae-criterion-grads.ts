/**
 * Closed-form gradients of the sampled BLM auto-encoder criterion (METHOD.md §2.2) — the hot
 * path of `ae`/`aeries` training, for any groups (Bernoulli bits and softmax groups).
 * Same estimator as `sampledCriterion` under autodiff (tested against it), in a few dozen
 * fused ops instead of a recorded tape, which on the WebAssembly backend is most of the cost:
 *   loss = -(1/B) Σ_b [ Σ_s w_sb log P(x_b|h_sb) + Σ_s (w_sb - 1/S) log q(h_sb|x_b) ],
 *   w_·b = softmax_s log P(x_b|h_sb) (held fixed), so
 *   d loss / d logits_sb = (w_sb / B) (p(logits_sb) - x_b), p = σ for a bit, softmax in a group,
 *   d loss / d a_b = -(1/B) Σ_s (w_sb - 1/S) (h_sb - σ(a_b)) = -(1/B) Σ_s (w_sb - 1/S) h_sb.
 */
import * as tf from '@tensorflow/tfjs';
import { colSum, softplus } from '../tensor/ops.js';
import { columnLogProbs, groupProbs, logNormaliser, type GroupLayout } from '../tensor/groups.js';
import type { GenVars, InfVars } from '../tensor/variables.js';

/** Plain products with explicit transposes: no tape here, and wasm's transposed-operand kernel is slow. */
const mm = (a: tf.Tensor, b: tf.Tensor): tf.Tensor2D => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);
const mTm = (a: tf.Tensor, b: tf.Tensor): tf.Tensor2D => tf.matMul(tf.transpose(a as tf.Tensor2D), b as tf.Tensor2D);

export interface StepGradients {
  /** Gradients aligned with [gen.W, gen.b, ...inference W, b per layer]. */
  grads: tf.Tensor[];
  /** Σ_b log (1/S) Σ_s P(x_b|h_sb): the criterion summed over the batch. */
  valueSum: tf.Scalar;
}

/** The inference network's forward pass: its logits, and each layer's input for the backward pass. */
function inferenceForward(inf: InfVars, x: tf.Tensor2D): { a: tf.Tensor2D; acts: tf.Tensor2D[] } {
  const acts: tf.Tensor2D[] = [x];
  let a: tf.Tensor2D = x;
  inf.layers.forEach((layer, i) => {
    a = tf.add(mm(a, layer.W), layer.b);
    if (i + 1 < inf.layers.length) {
      a = tf.tanh(a);
      acts.push(a);
    }
  });
  return { a, acts };
}

/** Gradients [W, b per layer] of the inference network from d loss / d logits (tanh between layers). */
function inferenceBackward(inf: InfVars, acts: tf.Tensor2D[], dLogits: tf.Tensor2D): tf.Tensor[] {
  const grads: tf.Tensor[] = [];
  let dA = dLogits;
  for (let i = inf.layers.length - 1; i >= 0; i--) {
    const input = acts[i];
    grads.unshift(mTm(input, dA), colSum(dA));
    if (i > 0) dA = tf.mul(mm(dA, tf.transpose(inf.layers[i].W)), tf.sub(1, tf.square(input)));
  }
  return grads;
}

/**
 * Gradients of the sampled criterion on a batch x [B, n]. `codes` are S codes per row
 * stacked [S*B, k] (as `sampleCodes` draws them), or a seed to draw them here from the same
 * forward pass of the inference network.
 */
export function sampledBlmGradients(
  layout: GroupLayout,
  gen: GenVars,
  inf: InfVars,
  x: tf.Tensor2D,
  S: number,
  codes: tf.Tensor2D | number,
): StepGradients {
  return tf.tidy(() => {
    const B = x.shape[0];
    const n = x.shape[1];
    const { a, acts } = inferenceForward(inf, x);
    const k = a.shape[1];
    const h3 =
      typeof codes === 'number'
        ? (tf.cast(
            tf.less(tf.randomUniform([S, B, k], 0, 1, 'float32', codes), tf.sigmoid(a)),
            'float32',
          ) as tf.Tensor3D)
        : (tf.reshape(codes, [S, B, k]) as tf.Tensor3D);
    const h2 = tf.reshape(h3, [S * B, k]) as tf.Tensor2D;
    // Generative forward: log P(x_b | h_sb) = h·(W x_b) + b·x_b - Σ_groups log-normaliser.
    const logits = tf.add(mm(h2, gen.W), gen.b) as tf.Tensor2D; // [S*B, n]
    const xW = mm(x, tf.transpose(gen.W)); // [B, k]
    const lp = tf.sub(
      tf.add(tf.sum(tf.mul(h3, xW), 2), tf.sum(tf.mul(x, gen.b), 1)),
      tf.reshape(logNormaliser(layout, logits), [S, B]),
    ); // [S, B]
    const lse = tf.logSumExp(lp, 0, true); // [1, B]
    const w = tf.exp(tf.sub(lp, lse)); // [S, B]
    const valueSum = tf.sum(tf.sub(lse, Math.log(S))) as tf.Scalar;
    // Generative gradients.
    const dLogits = tf.reshape(
      tf.mul(tf.sub(tf.reshape(groupProbs(layout, logits), [S, B, n]), x), tf.reshape(tf.div(w, B), [S, B, 1])),
      [S * B, n],
    );
    const gW = mTm(h2, dLogits);
    const gb = colSum(dLogits as tf.Tensor2D);
    // Inference gradients, backwards through the network.
    const dA = tf.div(tf.sum(tf.mul(tf.reshape(tf.sub(w, 1 / S), [S, B, 1]), h3), 0), -B) as tf.Tensor2D; // [B, k]
    return { grads: [gW, gb, ...inferenceBackward(inf, acts, dA)], valueSum };
  });
}

/**
 * Closed-form gradients of the exact BLM auto-encoder criterion (all 2^k codes enumerated,
 * `states` [K, k]): with r(h|x) ∝ q(h|x) P(x|h) the posterior over codes,
 *   d loss / d logits_h = -(1/B) Σ_b r_bh (x_b - p(logits_h)),
 *   d loss / d a_b = -(1/B) (Σ_h r_bh h - σ(a_b)).
 */
export function exactBlmGradients(
  layout: GroupLayout,
  gen: GenVars,
  inf: InfVars,
  x: tf.Tensor2D,
  states: tf.Tensor2D,
): StepGradients {
  return tf.tidy(() => {
    const B = x.shape[0];
    const { a, acts } = inferenceForward(inf, x);
    const logits = tf.add(mm(states, gen.W), gen.b) as tf.Tensor2D; // [K, n]
    const [on, off] = columnLogProbs(layout, logits);
    const table = tf.add(mm(x, tf.transpose(tf.sub(on, off))), tf.sum(off, 1)); // log P(x_b|h) [B, K]
    const lq = tf.sub(mm(a, tf.transpose(states)), tf.sum(softplus(a), 1, true)); // log q(h|x_b) [B, K]
    const joint = tf.add(table, lq);
    const lse = tf.logSumExp(joint, 1, true); // [B, 1]
    const valueSum = tf.sum(lse) as tf.Scalar;
    const r = tf.exp(tf.sub(joint, lse)); // [B, K]
    const rT = tf.transpose(r); // [K, B]
    // Σ_b r_bh (p_h - x_b) / B
    const dLogits = tf.div(tf.sub(tf.mul(groupProbs(layout, logits), tf.sum(rT, 1, true)), mm(rT, x)), B);
    const gW = mTm(states, dLogits);
    const gb = colSum(dLogits as tf.Tensor2D);
    const dA = tf.div(tf.sub(tf.sigmoid(a), mm(r, states)), B) as tf.Tensor2D;
    return { grads: [gW, gb, ...inferenceBackward(inf, acts, dA)], valueSum };
  });
}
