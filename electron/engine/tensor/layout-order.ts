/**
 * Training in layout order (Bernoulli bits first, then softmax groups by size) so groups are
 * contiguous slices of a tensor: the permutation of a layer's columns into that order and back.
 */
import * as tf from '@tensorflow/tfjs';
import type { GroupSpec } from '../../../shared/domain/model.js';
import { groupLayout, sortedGroups, type GroupLayout } from './groups.js';

/**
 * Rows are permuted once per epoch, per-column vectors once, and the trained parameters are
 * permuted back to column order at the end.
 */
export interface LayoutOrder {
  /** The layout training uses (of the sorted groups, or the original when already sorted). */
  layout: GroupLayout;
  permute: boolean;
  /** x [R, n] with its columns in layout order; a new tensor when `permute`, else x itself. */
  toLayout(x: tf.Tensor2D): tf.Tensor2D;
  /** Wraps an epoch-rows producer so its rows come in layout order (the input is released). */
  rowsFor(produce: (epoch: number) => tf.Tensor2D): (epoch: number) => tf.Tensor2D;
  /** A per-column vector in layout order. */
  vector(v: Float32Array): Float32Array;
  /** Back to column order: gathers the given axis of each variable by the inverse permutation. */
  restore(vars: { variable: tf.Variable; axis: number }[]): void;
}

export function layoutOrder(groups: readonly GroupSpec[]): LayoutOrder {
  const original = groupLayout(groups);
  const permute = !original.sorted;
  const toLayout = (x: tf.Tensor2D): tf.Tensor2D =>
    permute ? tf.tidy(() => tf.gather(x, tf.tensor1d(original.order, 'int32'), 1) as tf.Tensor2D) : x;
  return {
    layout: permute ? groupLayout(sortedGroups(groups)) : original,
    permute,
    toLayout,
    rowsFor: (produce) => (epoch) => {
      const x = produce(epoch);
      if (!permute) return x;
      const sorted = toLayout(x);
      x.dispose();
      return sorted;
    },
    vector: (v) => (permute ? Float32Array.from(original.order, (col) => v[col]) : v),
    restore(vars) {
      if (!permute) return;
      tf.tidy(() => {
        const inv = tf.tensor1d(original.inverse, 'int32');
        for (const { variable, axis } of vars) variable.assign(tf.gather(variable, inv, axis));
      });
    },
  };
}
