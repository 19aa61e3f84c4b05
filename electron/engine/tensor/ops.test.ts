/** The tensor helpers: the fast softplus against float64 arithmetic and its gradient σ(l); column sums. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { sigmoid, softplus as softplus64 } from '../float64/layer-math.js';
import { colSum, softplus } from './ops.js';

beforeAll(async () => {
  await initBackend();
});

const points = [-120, -88.5, -30, -17, -5, -1, -1e-3, 0, 1e-3, 0.5, 1, 5, 17, 30, 88.5, 120];

describe('softplus', () => {
  it('matches log(1 + e^l) in float64 to float32 precision, with no under- or overflow', () => {
    const got = tf.tidy(() => softplus(tf.tensor1d(points)).arraySync());
    points.forEach((l, i) => {
      const want = softplus64(l);
      // Relative 1e-6 for values that float32 can hold; below that (l ≪ 0) absolute 1e-12.
      expect(Math.abs(got[i] - want)).toBeLessThanOrEqual(Math.max(1e-6 * want, 1e-12) + 1e-7 * Math.abs(l));
    });
  });

  it('has the exact gradient σ(l), also at 0, and releases every tensor', () => {
    const before = tf.memory().numTensors;
    const g = tf.tidy(
      () =>
        tf
          .grad((l: tf.Tensor) => tf.sum(softplus(l)))(tf.tensor1d(points))
          .arraySync() as number[],
    );
    points.forEach((l, i) => expect(g[i]).toBeCloseTo(sigmoid(l), 6));
    expect(g[points.indexOf(0)]).toBe(0.5);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('colSum', () => {
  it('sums the columns of a matrix, as tf.sum over the first axis does', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const x = tf.tensor2d([
        [1, 2, 3],
        [4, 5, 6],
        [-1, 0.5, 10],
      ]);
      expect(Array.from(colSum(x).dataSync())).toEqual([4, 7.5, 19]);
      const r = tf.randomNormal([300, 7], 0, 1, 'float32', 5) as tf.Tensor2D;
      const got = colSum(r).dataSync();
      const want = tf.sum(r, 0).dataSync();
      got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 4));
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
