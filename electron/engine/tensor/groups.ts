/**
 * Groups of bits on tensors: the log-probability of rows under per-group normalised logits
 * (sigmoid for a Bernoulli bit, softmax for a categorical group) and group-wise sampling.
 * Softmax groups of the same size are gathered into one [rows, groups, size] tensor so a
 * whole layer is a handful of fused ops, whatever the number of groups.
 */
import * as tf from '@tensorflow/tfjs';
import { mmT, softplus } from './ops.js';
import type { GroupSpec } from '../../../shared/domain/model.js';
import { groupOffsets } from '../../base/encoded-rows.js';

export interface GroupLayout {
  bits: number;
  /** Columns that are Bernoulli bits. */
  bernoulli: Int32Array;
  /** All columns of softmax groups. */
  softmax: Int32Array;
  /** Softmax groups by size: their columns, group after group. */
  bySize: { size: number; groups: number; columns: Int32Array }[];
  /** Layout order: the columns [bernoulli, bySize[0].columns, bySize[1].columns, ...]. */
  order: Int32Array;
  /** True when the columns are already in layout order (no permutation needed). */
  sorted: boolean;
  /** Permutation from [bernoulli, bySize[0].columns, bySize[1].columns, ...] back to column order. */
  inverse: Int32Array;
}

/**
 * Columns of `t` [R, n] permuted by `perm` (a full permutation, `inv` its inverse), with a
 * gradient: tfjs' gather gradient kernel does not exist on the WebAssembly backend, but the
 * gradient of a permutation is the inverse permutation, itself a gather.
 */
export function permuteColumns(t: tf.Tensor2D, perm: Int32Array, inv: Int32Array): tf.Tensor2D {
  const f = tf.customGrad((...args) => {
    const x = args[0] as tf.Tensor2D;
    return {
      value: tf.gather(x, tf.tensor1d(perm, 'int32'), 1),
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) =>
        tf.gather(Array.isArray(dy) ? dy[0] : dy, tf.tensor1d(inv, 'int32'), 1),
    };
  });
  return f(t) as tf.Tensor2D;
}

/** Logits in layout order: Bernoulli columns first, then softmax blocks by size (slices below). */
function toLayout(layout: GroupLayout, t: tf.Tensor2D): tf.Tensor2D {
  return layout.sorted ? t : permuteColumns(t, layout.order, layout.inverse);
}

/**
 * log Σ exp over the last axis, with a direct gradient (softmax · dy): the autodiff of
 * tf.logSumExp goes through max/equal broadcasts that are slow on wasm.
 */
const lseLast = tf.customGrad((...args) => {
  const [g, save] = args as unknown as [tf.Tensor, tf.GradSaveFunc];
  save([g]);
  return {
    value: tf.logSumExp(g, -1),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const d = Array.isArray(dy) ? dy[0] : dy;
      return tf.mul(tf.softmax(saved[0]), tf.expandDims(d, -1));
    },
  };
});

/** log Σ exp over the last axis (differentiable, fast gradient on wasm). */
export function logSumExpLast<R extends tf.Rank>(t: tf.Tensor): tf.Tensor<R> {
  return lseLast(t) as tf.Tensor<R>;
}

/**
 * Per row, the sum of every group's log-normaliser: softplus(l) for a Bernoulli bit, log Σ exp
 * over a softmax group. log P(x | l) = Σ_j x_j l_j - this, for one-hot x within groups.
 */
export function logNormaliser(layout: GroupLayout, logits: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    if (layout.bernoulli.length === layout.bits) return tf.sum(softplus(logits), 1);
    const { bern, soft } = blocks(layout, toLayout(layout, logits));
    const parts: tf.Tensor1D[] = [];
    if (bern) parts.push(tf.sum(softplus(bern), 1));
    for (const g of soft) parts.push(tf.sum(logSumExpLast<tf.Rank.R2>(g), 1));
    return parts.length === 1 ? parts[0] : (tf.addN(parts) as tf.Tensor1D);
  });
}

/** Per-column probabilities of the bit being on: σ(l) for a Bernoulli bit, softmax within a group. */
export function groupProbs(layout: GroupLayout, logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    if (layout.bernoulli.length === layout.bits) return tf.sigmoid(logits);
    const rows = logits.shape[0];
    const { bern, soft } = blocks(layout, toLayout(layout, logits));
    const parts: tf.Tensor2D[] = [];
    if (bern) parts.push(tf.sigmoid(bern));
    for (const g of soft) parts.push(tf.reshape(tf.softmax(g), [rows, g.shape[1] * g.shape[2]]));
    const p = parts.length === 1 ? parts[0] : (tf.concat(parts, 1) as tf.Tensor2D);
    return layout.sorted ? p : permuteColumns(p, layout.inverse, layout.order);
  });
}

/** A layout whose groups are reordered into layout order, and that order (for training in it). */
export function sortedGroups(groups: readonly GroupSpec[]): GroupSpec[] {
  const bern = groups.filter((g) => g.kind === 'bernoulli');
  const soft = groups.filter((g): g is Extract<GroupSpec, { kind: 'softmax' }> => g.kind === 'softmax');
  // Stable sort by size, as groupLayout orders its blocks.
  const sizes = [...new Set(soft.map((g) => g.size))].sort((a, b) => a - b);
  return [...bern, ...sizes.flatMap((size) => soft.filter((g) => g.size === size))];
}

/** The Bernoulli block and each softmax block [R, groups, size] of a tensor in layout order. */
function blocks(layout: GroupLayout, t: tf.Tensor2D): { bern: tf.Tensor2D | null; soft: tf.Tensor3D[] } {
  const rows = t.shape[0];
  const nb = layout.bernoulli.length;
  const bern = nb > 0 ? (tf.slice(t, [0, 0], [rows, nb]) as tf.Tensor2D) : null;
  const soft: tf.Tensor3D[] = [];
  let at = nb;
  for (const s of layout.bySize) {
    soft.push(tf.reshape(tf.slice(t, [0, at], [rows, s.groups * s.size]), [rows, s.groups, s.size]));
    at += s.groups * s.size;
  }
  return { bern, soft };
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
    order: Int32Array.from(order),
    sorted: order.every((col, pos) => col === pos),
    bernoulli: Int32Array.from(bern),
    softmax: Int32Array.from(bySize.flatMap((s) => Array.from(s.columns))),
    bySize,
    inverse,
  };
}

export const allBernoulli = (k: number): GroupSpec[] =>
  Array.from({ length: k }, () => ({ kind: 'bernoulli' as const }));

/**
 * log P(x | logits) per row: logits [R, n], x [R, n] (0/1, one-hot within softmax groups).
 * Returns [R].
 */
export function logProbRows(layout: GroupLayout, logits: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    if (layout.bernoulli.length === layout.bits) return bernoulliLogProb(logits, x);
    // Σ_j x_j l_j in column order, minus each group's normaliser.
    return tf.sub(tf.sum(tf.mul(x, logits), 1), logNormaliser(layout, logits)) as tf.Tensor1D;
  });
}

/** sum_j x_j log σ(l_j) + (1 - x_j) log σ(-l_j) = sum_j x_j l_j - softplus(l_j). */
export function bernoulliLogProb(logits: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.sub(tf.mul(x, logits), softplus(logits)), 1));
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
    // log σ(l) = -softplus(-l); tf.logSigmoid's gradient fails on the wasm backend.
    const bernOn = (l: tf.Tensor2D) => tf.neg(softplus(tf.neg(l))) as tf.Tensor2D;
    const bernOff = (l: tf.Tensor2D) => tf.neg(softplus(l)) as tf.Tensor2D;
    if (layout.bernoulli.length === layout.bits) return [bernOn(logits), bernOff(logits)];
    const rows = logits.shape[0];
    const { bern, soft } = blocks(layout, toLayout(layout, logits));
    const onParts: tf.Tensor2D[] = [];
    const offParts: tf.Tensor2D[] = [];
    if (bern) {
      onParts.push(bernOn(bern));
      offParts.push(bernOff(bern));
    }
    for (const g of soft) {
      const width = g.shape[1] * g.shape[2];
      onParts.push(tf.reshape(tf.logSoftmax(g), [rows, width]));
      offParts.push(tf.zeros([rows, width]));
    }
    const back = (parts: tf.Tensor2D[]) => permuteColumns(tf.concat(parts, 1), layout.inverse, layout.order);
    return [back(onParts), back(offParts)];
  });
}

/** Draws rows from per-group distributions given logits [R, n] (Gumbel-max for softmax groups). */
export function sampleGroups(layout: GroupLayout, logits: tf.Tensor2D, seed: number): tf.Tensor2D {
  return tf.tidy(() => {
    if (layout.bernoulli.length === layout.bits)
      return tf.cast(
        tf.less(tf.randomUniform(logits.shape, 0, 1, 'float32', seed), tf.sigmoid(logits)),
        'float32',
      ) as tf.Tensor2D;
    const rows = logits.shape[0];
    // Contiguous blocks in layout order (slices; one gather when the columns are not sorted).
    const { bern, soft } = blocks(
      layout,
      layout.sorted ? logits : (tf.gather(logits, tf.tensor1d(layout.order, 'int32'), 1) as tf.Tensor2D),
    );
    const parts: tf.Tensor2D[] = [];
    let s = seed;
    if (bern)
      parts.push(
        tf.cast(
          tf.less(tf.randomUniform(bern.shape, 0, 1, 'float32', s++), tf.sigmoid(bern)),
          'float32',
        ) as tf.Tensor2D,
      );
    for (const l of soft) {
      const [, groups, size] = l.shape;
      const u = tf.randomUniform(l.shape, 1e-7, 1 - 1e-7, 'float32', s++);
      const gumbel = tf.neg(tf.log(tf.neg(tf.log(u))));
      const pick = tf.argMax(tf.add(l, gumbel), 2);
      // oneHot in int32 then cast: a float32 oneHot yields integer bit patterns on the wasm backend.
      parts.push(tf.reshape(tf.cast(tf.oneHot(pick, size), 'float32'), [rows, groups * size]));
    }
    const out = parts.length === 1 ? parts[0] : (tf.concat(parts, 1) as tf.Tensor2D);
    return layout.sorted ? out : (tf.gather(out, tf.tensor1d(layout.inverse, 'int32'), 1) as tf.Tensor2D);
  });
}

/** Bernoulli samples of hidden units from their logits. */
export function sampleBernoulli(logits: tf.Tensor, seed: number): tf.Tensor {
  return tf.tidy(() =>
    tf.cast(tf.less(tf.randomUniform(logits.shape, 0, 1, 'float32', seed), tf.sigmoid(logits)), 'float32'),
  );
}

/** All 2^k binary states as rows [2^k, k]; state s has bit j = (s >> j) & 1. */
export function allStates(k: number): tf.Tensor2D {
  const n = 1 << k;
  const data = new Float32Array(n * k);
  for (let s = 0; s < n; s++) for (let j = 0; j < k; j++) data[s * k + j] = (s >> j) & 1;
  return tf.tensor2d(data, [n, k]);
}
