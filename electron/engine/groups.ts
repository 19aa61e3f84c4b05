/**
 * Groups of bits on tensors: the log-probability of rows under per-group normalised logits
 * (sigmoid for a Bernoulli bit, softmax for a categorical group) and group-wise sampling.
 * Softmax groups of the same size are gathered into one [rows, groups, size] tensor so a
 * whole layer is a handful of fused ops, whatever the number of groups.
 */
import * as tf from '@tensorflow/tfjs';
import { mm, mmT } from './ops.js';
import type { GroupSpec } from '../../shared/domain/model.js';
import { groupOffsets } from './params.js';

export interface GroupLayout {
  bits: number;
  /** Columns that are Bernoulli bits. */
  bernoulli: Int32Array;
  /** All columns of softmax groups. */
  softmax: Int32Array;
  /** Softmax groups by size: their columns, group after group. */
  bySize: { size: number; groups: number; columns: Int32Array }[];
  /** Permutation from [bernoulli, bySize[0].columns, bySize[1].columns, ...] back to column order. */
  inverse: Int32Array;
}

/**
 * A 0/1 matrix [n, cols.length] whose product with a [R, n] tensor selects those columns.
 * Used instead of `gather` on anything that needs a gradient: gather's gradient kernel
 * (UnsortedSegmentSum) does not exist on the WebAssembly backend.
 */
export function selection(n: number, cols: ArrayLike<number>): tf.Tensor2D {
  const m = new Float32Array(n * cols.length);
  for (let j = 0; j < cols.length; j++) m[cols[j] * cols.length + j] = 1;
  return tf.tensor2d(m, [n, cols.length]);
}

/** Columns of `t` [R, n] by a differentiable selection. */
export function pick(t: tf.Tensor2D, cols: ArrayLike<number>): tf.Tensor2D {
  return tf.tidy(() => mm(t, selection(t.shape[1], cols)));
}

/** Back from layout order to column order (a permutation matrix product). */
function unpermute(layout: GroupLayout, t: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const n = layout.bits;
    const m = new Float32Array(n * n);
    for (let col = 0; col < n; col++) m[layout.inverse[col] * n + col] = 1;
    return mm(t, tf.tensor2d(m, [n, n]));
  });
}

export function groupLayout(groups: readonly GroupSpec[]): GroupLayout {
  const offsets = groupOffsets(groups);
  const bern: number[] = [];
  const sizes = new Map<number, number[]>();
  groups.forEach((g, i) => {
    if (g.kind === 'bernoulli') bern.push(offsets[i]);
    else {
      const cols = sizes.get(g.size) ?? [];
      for (let j = 0; j < g.size; j++) cols.push(offsets[i] + j);
      sizes.set(g.size, cols);
    }
  });
  const bySize = [...sizes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([size, cols]) => ({ size, groups: cols.length / size, columns: Int32Array.from(cols) }));
  const order = [...bern, ...bySize.flatMap((s) => Array.from(s.columns))];
  const inverse = new Int32Array(order.length);
  order.forEach((col, pos) => (inverse[col] = pos));
  return {
    bits: order.length,
    bernoulli: Int32Array.from(bern),
    softmax: Int32Array.from(bySize.flatMap((s) => Array.from(s.columns))),
    bySize,
    inverse,
  };
}

export const allBernoulli = (k: number): GroupSpec[] => Array.from({ length: k }, () => ({ kind: 'bernoulli' as const }));

/**
 * log P(x | logits) per row: logits [R, n], x [R, n] (0/1, one-hot within softmax groups).
 * Returns [R].
 */
export function logProbRows(layout: GroupLayout, logits: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const parts: tf.Tensor1D[] = [];
    if (layout.bernoulli.length === layout.bits) {
      parts.push(bernoulliLogProb(logits, x));
    } else if (layout.bernoulli.length > 0) {
      parts.push(bernoulliLogProb(pick(logits, layout.bernoulli), pick(x, layout.bernoulli)));
    }
    if (layout.softmax.length > 0) {
      parts.push(tf.sum(tf.mul(pick(logits, layout.softmax), pick(x, layout.softmax)), 1));
      const rows = logits.shape[0];
      for (const s of layout.bySize) {
        const g = tf.reshape(pick(logits, s.columns), [rows, s.groups, s.size]);
        parts.push(tf.neg(tf.sum(tf.logSumExp(g, 2), 1)) as tf.Tensor1D);
      }
    }
    return parts.length === 1 ? parts[0] : (tf.addN(parts) as tf.Tensor1D);
  });
}

/** sum_j x_j log σ(l_j) + (1 - x_j) log σ(-l_j) = sum_j x_j l_j - softplus(l_j). */
export function bernoulliLogProb(logits: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.sub(tf.mul(x, logits), tf.softplus(logits)), 1));
}

/**
 * log P(x | h) for every row of x and every state h at once, from logits of the states
 * [K, n]: returns [R, K]. Uses per-column "bit on" and "bit off" log-probabilities so the
 * whole table is two matrix products.
 */
export function logProbTable(layout: GroupLayout, stateLogits: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [on, off] = columnLogProbs(layout, stateLogits);
    // x·on^T + (1-x)·off^T = x·(on - off)^T + 1·off^T
    const diff = tf.sub(on, off);
    const base = tf.sum(off, 1); // [K]
    return tf.add(mmT(x, diff), tf.reshape(base, [1, -1])) as tf.Tensor2D;
  });
}

/** Per column: log P(bit = 1) and the log-probability that counts when the bit is 0. */
export function columnLogProbs(layout: GroupLayout, logits: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  return tf.tidy(() => {
    const rows = logits.shape[0];
    const onParts: tf.Tensor2D[] = [];
    const offParts: tf.Tensor2D[] = [];
    if (layout.bernoulli.length > 0) {
      const l = layout.bernoulli.length === layout.bits ? logits : pick(logits, layout.bernoulli);
      // log σ(l) = -softplus(-l); tf.logSigmoid's gradient fails on the wasm backend.
      onParts.push(tf.neg(tf.softplus(tf.neg(l))) as tf.Tensor2D);
      offParts.push(tf.neg(tf.softplus(l)) as tf.Tensor2D);
    }
    for (const s of layout.bySize) {
      const g = tf.reshape(pick(logits, s.columns), [rows, s.groups, s.size]);
      onParts.push(tf.reshape(tf.logSoftmax(g), [rows, s.groups * s.size]));
      offParts.push(tf.zeros([rows, s.groups * s.size]));
    }
    const allBern = layout.bernoulli.length === layout.bits;
    const on = allBern ? onParts[0] : unpermute(layout, tf.concat(onParts, 1));
    const off = allBern ? offParts[0] : unpermute(layout, tf.concat(offParts, 1));
    return [on, off];
  });
}

/** Draws rows from per-group distributions given logits [R, n] (Gumbel-max for softmax groups). */
export function sampleGroups(layout: GroupLayout, logits: tf.Tensor2D, seed: number): tf.Tensor2D {
  return tf.tidy(() => {
    const rows = logits.shape[0];
    const parts: tf.Tensor2D[] = [];
    let s = seed;
    if (layout.bernoulli.length > 0) {
      const l = layout.bernoulli.length === layout.bits ? logits : tf.gather(logits, tf.tensor1d(layout.bernoulli, 'int32'), 1);
      const u = tf.randomUniform(l.shape, 0, 1, 'float32', s++);
      parts.push(tf.cast(tf.less(u, tf.sigmoid(l)), 'float32') as tf.Tensor2D);
    }
    for (const g of layout.bySize) {
      const l = tf.reshape(tf.gather(logits, tf.tensor1d(g.columns, 'int32'), 1), [rows, g.groups, g.size]);
      const u = tf.randomUniform(l.shape, 1e-7, 1 - 1e-7, 'float32', s++);
      const gumbel = tf.neg(tf.log(tf.neg(tf.log(u))));
      const pick = tf.argMax(tf.add(l, gumbel), 2);
      // oneHot in int32 then cast: a float32 oneHot yields integer bit patterns on the wasm backend.
      parts.push(tf.reshape(tf.cast(tf.oneHot(pick, g.size), 'float32'), [rows, g.groups * g.size]));
    }
    if (parts.length === 1 && layout.bernoulli.length === layout.bits) return parts[0];
    return tf.gather(tf.concat(parts, 1), tf.tensor1d(layout.inverse, 'int32'), 1) as tf.Tensor2D;
  });
}

/** Bernoulli samples of hidden units from their logits. */
export function sampleBernoulli(logits: tf.Tensor, seed: number): tf.Tensor {
  return tf.tidy(() => tf.cast(tf.less(tf.randomUniform(logits.shape, 0, 1, 'float32', seed), tf.sigmoid(logits)), 'float32'));
}

/** All 2^k binary states as rows [2^k, k]; state s has bit j = (s >> j) & 1. */
export function allStates(k: number): tf.Tensor2D {
  const n = 1 << k;
  const data = new Float32Array(n * k);
  for (let s = 0; s < n; s++) for (let j = 0; j < k; j++) data[s * k + j] = (s >> j) & 1;
  return tf.tensor2d(data, [n, k]);
}
