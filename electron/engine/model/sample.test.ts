/**
 * Ancestral sampling (METHOD.md §4.4): the rows of models with table and Bernoulli priors are
 * exactly those of the row-by-row sampler of version 0.1.0 for the same seed, and the rows of
 * a small model with an RBM prior follow its exact P(v), computed by enumeration (chi-square).
 */
import { describe, expect, it } from 'vitest';
import type { GroupSpec } from '../../../shared/domain/model.js';
import { groupBits } from '../../base/encoded-rows.js';
import { createRng } from '../../base/random.js';
import { exactLogLikelihood } from '../eval/loglik.js';
import { randomDeepModel } from '../eval/random-models.js';
import { forEachGroupState, layerLogits, sampleRow, sigmoid } from '../float64/states.js';
import { chiSquare, chiSquareBound } from '../test/distribution.js';
import type { DeepModelParams } from './params.js';
import { sampleVisible } from './sample.js';

const groups: GroupSpec[] = [
  { kind: 'bernoulli' },
  { kind: 'softmax', size: 3 },
  { kind: 'bernoulli' },
  { kind: 'softmax', size: 4 },
];

/** The sampler of version 0.1.0, row by row: the top prior, then each layer for every row. */
function sampleLikeV01(model: DeepModelParams, rows: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const top = model.top;
  let k = model.sizes[model.sizes.length - 1];
  let codes = new Uint8Array(rows * k);
  for (let r = 0; r < rows; r++) {
    if (top.kind === 'bernoulli') {
      for (let j = 0; j < k; j++) codes[r * k + j] = rng.next() < sigmoid(top.logits[j]) ? 1 : 0;
    } else if (top.kind === 'table') {
      let acc = 0;
      const cdf = top.logProbs.map((lp) => (acc += Math.exp(lp)));
      const u = rng.next() * acc;
      let s = 0;
      while (s < cdf.length - 1 && cdf[s] < u) s++;
      for (let j = 0; j < k; j++) codes[r * k + j] = (s >> j) & 1;
    } else throw new Error('no RBM prior in version 0.1.0 comparisons');
  }
  for (let l = model.sizes.length - 1; l >= 0; l--) {
    const gen = model.generative[l];
    const n = gen.weights.cols;
    const out = new Uint8Array(rows * n);
    for (let r = 0; r < rows; r++)
      sampleRow(gen.groups, layerLogits(gen, codes.subarray(r * k, (r + 1) * k)), rng, out, r * n);
    codes = out;
    k = n;
  }
  return codes;
}

describe('ancestral sampling', () => {
  for (const top of ['bernoulli', 'table'] as const)
    for (const sizes of [
      [6, 4],
      [20, 7],
    ])
      it(`draws the rows version 0.1.0 drew for a ${top} prior, layers ${sizes.join('-')}`, () => {
        const model = randomDeepModel(groups, sizes, top, createRng(sizes[0]));
        // 40 rows: logits row by row; 700 rows: logits from byte tables.
        for (const rows of [40, 700]) {
          const got = sampleVisible(model, rows, 3);
          expect(got.bits).toBe(groupBits(groups));
          expect(Array.from(got.data)).toEqual(Array.from(sampleLikeV01(model, rows, 3)));
        }
      });

  it('draws visible rows with their exact probabilities under an RBM prior (chi-square, 60,000 rows)', () => {
    const model = randomDeepModel(groups, [5, 3], 'rbm', createRng(12));
    const rows = 60_000;
    const data = sampleVisible(model, rows, 4).data;
    const bits = groupBits(groups);
    const index = new Map<string, number>();
    const probs: number[] = [];
    forEachGroupState(groups, (row) => {
      index.set(row.join(''), probs.length);
      const one = { groups, rows: 1, bits, data: row };
      probs.push(Math.exp(exactLogLikelihood(model, one)));
    });
    expect(probs.reduce((a, b) => a + b)).toBeCloseTo(1, 10);
    const counts = new Float64Array(probs.length);
    for (let r = 0; r < rows; r++) {
      const at = index.get(data.subarray(r * bits, (r + 1) * bits).join(''));
      if (at === undefined) throw new Error('a sampled row is not a state of the groups');
      counts[at] += 1;
    }
    expect(chiSquare(counts, probs)).toBeLessThan(chiSquareBound(probs.length - 1));
  });
});
