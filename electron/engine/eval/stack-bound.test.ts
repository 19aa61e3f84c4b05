/**
 * The bound of the model so far against brute-force enumeration on small random models: the
 * composed table equals Σ over every intermediate state; U^(1) ≥ U^(2) ≥ the log-likelihood
 * under any top prior, and that log-likelihood ≥ U − KL(BLM ‖ P_top) (METHOD.md §3); one
 * layer's stack bound is its layer bound; the sampled estimate is near the exact value.
 */
import { describe, expect, it } from 'vitest';
import type { EncodedData } from '../../base/encoded-rows.js';
import { createRng } from '../../base/random.js';
import { layerLogits, logProbRow, logsumexp, stateBits } from '../float64/layer-math.js';
import type { DeepModelParams } from '../model/params.js';
import { emOnTable } from './blm.js';
import { layerBound } from './layer-bound.js';
import { exactLogLikelihood, klStates, topLogProbs } from './loglik.js';
import { randomDeepModel, sampleModel } from './random-models.js';
import { sampledStackBound } from './stack-bound-sampled.js';
import { composedLogLik, stackBound, type BoundLayer } from './stack-bound.js';

const visible = [{ kind: 'bernoulli' as const }, { kind: 'softmax' as const, size: 3 }, { kind: 'bernoulli' as const }];
const layersOf = (m: DeepModelParams): BoundLayer[] => m.generative.map((gen, l) => ({ gen, inf: m.inference[l] }));

/** log P_{1..L}(x | h_L = s) by summing over every intermediate state. */
function bruteForce(m: DeepModelParams, x: Uint8Array, s: number): number {
  const L = m.sizes.length;
  const terms: number[] = [];
  const walk = (l: number, above: Float64Array, acc: number) => {
    // above: the state of h_{l+1}; choose h_l (l >= 1) or score x (l = 0)
    const logits = layerLogits(m.generative[l], above);
    if (l === 0) return void terms.push(acc + logProbRow(m.generative[0].groups, logits, x));
    for (let u = 0; u < 2 ** m.sizes[l - 1]; u++) {
      const h = stateBits(u, m.sizes[l - 1]);
      walk(l - 1, h, acc + logProbRow(m.generative[l].groups, logits, h));
    }
  };
  walk(L - 1, stateBits(s, m.sizes[L - 1]), 0);
  return logsumexp(terms);
}

function modelAndData(sizes: number[], seed: number): { m: DeepModelParams; d: EncodedData } {
  const m = randomDeepModel(visible, sizes, 'table', createRng(seed), 2);
  return { m, d: sampleModel(randomDeepModel(visible, sizes, 'table', createRng(seed + 1), 2), 300, seed + 2) };
}

describe('the bound of the model so far', () => {
  it('composes the layers exactly (two and three layers against brute force)', () => {
    for (const sizes of [
      [3, 2],
      [3, 3, 2],
    ]) {
      const { m, d } = modelAndData(sizes, 5);
      const table = composedLogLik(layersOf(m), d);
      const row = table.row(2, new Float64Array(table.table.states));
      // distinct row 2 is the first row whose pattern is the third one seen
      const seen = new Set<string>();
      let x: Uint8Array | null = null;
      for (let r = 0; r < d.rows && !x; r++) {
        const v = d.data.subarray(r * d.bits, (r + 1) * d.bits);
        seen.add(v.join(''));
        if (seen.size === 3) x = v;
      }
      for (let s = 0; s < table.table.states; s++) expect(row[s]).toBeCloseTo(bruteForce(m, x!, s), 10);
    }
  });

  it('U(1) >= U(2) >= log-likelihood >= U(2) - KL(BLM || P_top), and one layer gives its layer bound', () => {
    for (const seed of [1, 2, 3]) {
      const { m, d } = modelAndData([4, 3], seed * 10);
      const layers = layersOf(m);
      const u1 = stackBound(layers.slice(0, 1), d, { seed: 1, maxIterations: 3000 });
      expect(u1).toEqual(layerBound(m.generative[0], m.inference[0], 4, d, { seed: 1, maxIterations: 3000 }));
      const u2 = stackBound(layers, d, { seed: 1, maxIterations: 3000 });
      expect(u2.exact).toBe(true);
      const ll = exactLogLikelihood(m, d);
      expect(u2.value).toBeLessThanOrEqual(u1.value + 1e-9);
      expect(ll).toBeLessThanOrEqual(u2.value + 1e-9);
      const blm = emOnTable(composedLogLik(layers, d), { maxIterations: 3000, tolerance: 1e-12 });
      expect(ll).toBeGreaterThanOrEqual(blm.value - klStates(blm.q, topLogProbs(m)) - 1e-6);
    }
  });

  it('estimates it by sampling, near the exact value when the codes can be enumerated', () => {
    const { m, d } = modelAndData([4, 3], 40);
    const layers = layersOf(m);
    const exact = stackBound(layers, d, { seed: 1, maxIterations: 3000 }).value;
    const est = sampledStackBound(layers, d, { seed: 3, codes: 2048, chains: 64 });
    expect(est.exact).toBe(false);
    expect(est.se).toBeGreaterThan(0);
    // q_D is not the best marginal and the estimate is biased low: below, but not by much.
    expect(est.value).toBeLessThan(exact + 3 * est.se!);
    expect(est.value).toBeGreaterThan(exact - 0.5);
  });
});
