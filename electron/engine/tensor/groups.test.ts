/** Group log-probabilities and sampling on tensors, against float64 row-by-row arithmetic. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GroupSpec } from '../../../shared/domain/model.js';
import { initBackend } from '../backend.js';
import { groupLayout, logProbRows, logProbTable, sampleGroups } from './groups.js';
import { logProbRow } from '../float64/layer-math.js';
import { createRng } from '../../base/random.js';

beforeAll(async () => {
  await initBackend();
});

const groups: GroupSpec[] = [
  { kind: 'bernoulli' },
  { kind: 'softmax', size: 3 },
  { kind: 'bernoulli' },
  { kind: 'softmax', size: 2 },
  { kind: 'softmax', size: 3 },
];
const n = 10;

/** Random valid rows (one-hot within softmax groups) and random logits. */
function randomRows(rows: number, seed: number): { x: Float32Array; logits: Float32Array } {
  const rng = createRng(seed);
  const x = new Float32Array(rows * n);
  const logits = new Float32Array(rows * n);
  for (let r = 0; r < rows; r++) {
    let col = 0;
    for (const g of groups) {
      const size = g.kind === 'bernoulli' ? 1 : g.size;
      if (g.kind === 'bernoulli') x[r * n + col] = rng.next() < 0.5 ? 1 : 0;
      else x[r * n + col + rng.int(size)] = 1;
      col += size;
    }
    for (let j = 0; j < n; j++) logits[r * n + j] = 4 * rng.normal();
  }
  return { x, logits };
}

describe('group log-probabilities', () => {
  it('match float64 row-by-row values for mixed groups (float32 tolerance 1e-4 relative)', () => {
    const rows = 20;
    const { x, logits } = randomRows(rows, 3);
    const layout = groupLayout(groups);
    const got = tf.tidy(() =>
      logProbRows(layout, tf.tensor2d(logits, [rows, n]), tf.tensor2d(x, [rows, n])).arraySync(),
    );
    for (let r = 0; r < rows; r++) {
      const want = logProbRow(groups, logits.subarray(r * n, (r + 1) * n), x.subarray(r * n, (r + 1) * n));
      expect(Math.abs(got[r] - want)).toBeLessThan(1e-4 * Math.max(1, Math.abs(want)));
    }
  });

  it('table of every (row, state) pair equals the per-row values', () => {
    const { x, logits } = randomRows(6, 5);
    const layout = groupLayout(groups);
    const table = tf.tidy(() => logProbTable(layout, tf.tensor2d(logits, [6, n]), tf.tensor2d(x, [6, n])).arraySync());
    for (let r = 0; r < 6; r++)
      for (let s = 0; s < 6; s++) {
        const want = logProbRow(groups, logits.subarray(s * n, (s + 1) * n), x.subarray(r * n, (r + 1) * n));
        expect(table[r][s]).toBeCloseTo(want, 3);
      }
  });

  it('a 2-way softmax group with logits [0, l] agrees with one Bernoulli bit of logit l', () => {
    const ls = [-30, -3, -0.5, 0, 0.7, 2, 25];
    const soft = groupLayout([{ kind: 'softmax', size: 2 }]);
    const bern = groupLayout([{ kind: 'bernoulli' }]);
    for (const bit of [0, 1]) {
      const [a, b] = tf.tidy(() => {
        const sl = tf.tensor2d(
          ls.flatMap((l) => [0, l]),
          [ls.length, 2],
        );
        const sx = tf.tensor2d(
          ls.flatMap(() => [1 - bit, bit]),
          [ls.length, 2],
        );
        const bl = tf.tensor2d(ls, [ls.length, 1]);
        const bx = tf.fill([ls.length, 1], bit) as tf.Tensor2D;
        return [logProbRows(soft, sl, sx).arraySync(), logProbRows(bern, bl, bx).arraySync()];
      });
      for (let i = 0; i < ls.length; i++) {
        expect(Number.isFinite(a[i])).toBe(true);
        expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(b[i])));
      }
    }
  });

  it('samples one-hot softmax groups with the right frequencies', () => {
    const rows = 4000;
    const layout = groupLayout(groups);
    const row = [1.5, 0, 1, -1, -2, 0, Math.log(3), 2, 1, 0];
    const s = tf.tidy(() =>
      sampleGroups(layout, tf.tile(tf.tensor2d(row, [1, n]), [rows, 1]) as tf.Tensor2D, 11).arraySync(),
    );
    const mean = new Float64Array(n);
    for (const r of s) {
      expect(r[1] + r[2] + r[3]).toBe(1);
      expect(r[5] + r[6]).toBe(1);
      expect(r[7] + r[8] + r[9]).toBe(1);
      r.forEach((v, j) => (mean[j] += v / rows));
    }
    // Bernoulli bit 0: σ(1.5); the 2-way group [0, log 3]: P(second) = 3/4. 4 standard errors.
    const p0 = 1 / (1 + Math.exp(-1.5));
    expect(Math.abs(mean[0] - p0)).toBeLessThan(4 * Math.sqrt((p0 * (1 - p0)) / rows));
    expect(Math.abs(mean[6] - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / rows));
    const z = Math.exp(2) + Math.exp(1) + 1;
    expect(Math.abs(mean[7] - Math.exp(2) / z)).toBeLessThan(0.03);
  });
});
