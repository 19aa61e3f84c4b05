/**
 * Sampling the top prior (METHOD.md §4.4) against exact enumeration: the free-energy table of
 * every state, exact draws through either side of an RBM, table and Bernoulli priors (chi-square
 * on seeded draws), block Gibbs chains after burn-in (total variation), and reproducibility.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../base/random.js';
import { rbmNegFreeEnergy } from '../eval/rbm-partition.js';
import { randomTop } from '../eval/random-models.js';
import { sideLogWeights } from '../float64/free-energy.js';
import { logBernoulliAllStates } from '../float64/states.js';
import { chiSquare, chiSquareBound, rbmPriorProbs, stateCounts, totalVariation } from '../test/distribution.js';
import { matrix } from './params.js';
import { sampleRbmExact, type RbmPrior } from './prior-exact.js';
import { sampleRbmGibbs } from './prior-gibbs.js';
import { samplePrior } from './top-prior.js';

/** A seeded random RBM prior with k visible and m hidden units, weights N(0, scale²). */
function rbm(k: number, m: number, seed: number, scale = 1.5): RbmPrior {
  const rng = createRng(seed);
  const normals = (n: number, s: number) => Float32Array.from({ length: n }, () => rng.normal() * s);
  return {
    kind: 'rbm',
    weights: matrix(k, m, normals(k * m, scale)),
    visibleBias: normals(k, 0.5),
    hiddenBias: normals(m, 0.5),
  };
}

const DRAWS = 100_000;

describe('exact sampling of the top prior', () => {
  it('tabulates −F(h) of every state as the row-by-row free energy does', () => {
    for (const [k, m] of [
      [7, 5],
      [4, 9],
      [1, 3],
    ]) {
      const top = rbm(k, m, k + m);
      const table = sideLogWeights(top.weights.data, k, m, top.visibleBias, top.hiddenBias);
      const h = new Uint8Array(k);
      for (let s = 0; s < 2 ** k; s++) {
        for (let j = 0; j < k; j++) h[j] = (s >> j) & 1;
        expect(table[s]).toBeCloseTo(rbmNegFreeEnergy(top, h), 11);
      }
    }
  });

  for (const side of ['visible', 'hidden'] as const) {
    it(`draws an RBM prior exactly by enumerating its ${side} side (chi-square, ${DRAWS} draws)`, () => {
      const top = rbm(5, 4, 3);
      const codes = sampleRbmExact(top, DRAWS, createRng(7), side);
      const x2 = chiSquare(stateCounts(codes, DRAWS, 5), rbmPriorProbs(top));
      expect(x2).toBeLessThan(chiSquareBound(31));
    });
  }

  it('draws a prior of more than 20 units through its hidden side: the first units have the exact law', () => {
    const k = 24;
    const top = rbm(k, 3, 5, 1);
    const codes = samplePrior(top, k, DRAWS, createRng(2));
    // P(h_0..h_3) = Σ_g P(g) Π_{i<4} P(h_i | g), P(g) ∝ exp(c·g) Π_i (1 + exp(b_i + W_i·g)).
    const w = (i: number, j: number) => top.weights.data[i * 3 + j];
    const act = (i: number, g: number) =>
      top.visibleBias[i] + [0, 1, 2].reduce((a, j) => a + ((g >> j) & 1) * w(i, j), 0);
    const logG = Array.from({ length: 8 }, (_, g) => {
      let v = [0, 1, 2].reduce((a, j) => a + ((g >> j) & 1) * top.hiddenBias[j], 0);
      for (let i = 0; i < k; i++) v += Math.log1p(Math.exp(act(i, g)));
      return v;
    });
    const z = logG.reduce((a, v) => a + Math.exp(v - logG[0]), 0);
    const probs = new Float64Array(16);
    for (let g = 0; g < 8; g++)
      for (let s = 0; s < 16; s++) {
        let p = Math.exp(logG[g] - logG[0]) / z;
        for (let i = 0; i < 4; i++) p *= (s >> i) & 1 ? 1 / (1 + Math.exp(-act(i, g))) : 1 / (1 + Math.exp(act(i, g)));
        probs[s] += p;
      }
    const firstFour = new Uint8Array(DRAWS * 4);
    for (let r = 0; r < DRAWS; r++) for (let i = 0; i < 4; i++) firstFour[r * 4 + i] = codes[r * k + i];
    expect(chiSquare(stateCounts(firstFour, DRAWS, 4), probs)).toBeLessThan(chiSquareBound(15));
  });

  it('draws table and Bernoulli priors with their exact probabilities', () => {
    const rng = createRng(4);
    for (const kind of ['table', 'bernoulli'] as const) {
      const top = randomTop(kind, 4, rng);
      const logProbs =
        top.kind === 'bernoulli' ? logBernoulliAllStates(top.logits) : top.kind === 'table' ? top.logProbs : null;
      const probs = Float64Array.from(logProbs ?? [], Math.exp);
      const codes = samplePrior(top, 4, DRAWS, createRng(8));
      expect(chiSquare(stateCounts(codes, DRAWS, 4), probs)).toBeLessThan(chiSquareBound(15));
    }
  });

  it('gives the same codes for the same seed and other codes for another seed, by every route', () => {
    for (const top of [rbm(6, 4, 1), rbm(22, 4, 2), rbm(21, 21, 3, 0.3), randomTop('table', 3, createRng(1))]) {
      const k = top.kind === 'rbm' ? top.weights.rows : 3;
      const a = samplePrior(top, k, 100, createRng(5));
      expect(Array.from(samplePrior(top, k, 100, createRng(5)))).toEqual(Array.from(a));
      expect(Array.from(samplePrior(top, k, 100, createRng(6)))).not.toEqual(Array.from(a));
    }
  });
});

describe('block Gibbs sampling of the top prior', () => {
  const top = rbm(5, 4, 3);
  const exact = rbmPriorProbs(top);

  it('matches the exact law after burn-in, rows taken from chains in turn (total variation < 0.02)', () => {
    const rows = 60_000;
    const codes = sampleRbmGibbs(top, rows, createRng(9), { chains: 256, burnIn: 200, thin: 5 });
    expect(totalVariation(stateCounts(codes, rows, 5), exact)).toBeLessThan(0.02);
  });

  it('with one chain per row matches the exact law, and without burn-in it does not', () => {
    const rows = 8000;
    const tv = (burnIn: number) =>
      totalVariation(stateCounts(sampleRbmGibbs(top, rows, createRng(9), { burnIn, chains: rows }), rows, 5), exact);
    expect(tv(100)).toBeLessThan(0.05);
    // The test can fail: chains stopped at their starting point σ(visible bias) are far off.
    expect(tv(0)).toBeGreaterThan(0.15);
  });
});
