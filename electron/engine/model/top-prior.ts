/**
 * Top priors P_top(h_L) (METHOD.md §1): an RBM with its own hidden units, an exact table over
 * the 2^k states, or a factorised Bernoulli. Fitting (by counting, by EM, or RBM training),
 * normalised log-probabilities (an RBM's log Z from eval/rbm-partition: exact when a side
 * can be enumerated, else annealed importance sampling) and sampling (exact, or block Gibbs
 * for an RBM too large to enumerate).
 */
import type { Estimate } from '../../../shared/domain/model.js';
import { rbmLogZ, rbmNegFreeEnergy } from '../eval/rbm-partition.js';
import { sigmoid, softplus } from '../float64/layer-math.js';
import type { TopPriorParams } from './params.js';
import { cumulative, searchState } from '../float64/free-energy.js';
import { exactSide, sampleRbmExact } from './prior-exact.js';
import { sampleRbmGibbs, type GibbsOptions } from './prior-gibbs.js';
import type { Rng } from '../../base/random.js';

/** Table prior by counting codes (rows of k bits), with a small smoothing count. */
export function tableFromCodes(codes: Uint8Array, rows: number, k: number, smoothing = 0.01): TopPriorParams {
  const K = 1 << k;
  const counts = new Float64Array(K).fill(smoothing);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = 0; j < k; j++) if (codes[r * k + j]) s |= 1 << j;
    counts[s] += 1;
  }
  const total = rows + smoothing * K;
  return { kind: 'table', logProbs: Float64Array.from(counts, (c) => Math.fround(Math.log(c / total))) };
}

/**
 * Table log-probabilities are rounded to float32 here (relative error ~6e-8), because the model
 * file stores weights in the tfjs float32 format: a loaded model is then bit-identical.
 */
export function tableFromDistribution(q: Float64Array): TopPriorParams {
  return { kind: 'table', logProbs: Float64Array.from(q, (p) => Math.fround(p > 0 ? Math.log(p) : -745)) };
}

/** Factorised Bernoulli prior by counting. */
export function bernoulliFromCodes(codes: Uint8Array, rows: number, k: number): TopPriorParams {
  const logits = new Float32Array(k);
  for (let j = 0; j < k; j++) {
    let on = 0;
    for (let r = 0; r < rows; r++) on += codes[r * k + j];
    const p = (on + 0.5) / (rows + 1);
    logits[j] = Math.log(p / (1 - p));
  }
  return { kind: 'bernoulli', logits };
}

export interface PriorDensity {
  logProb(h: ArrayLike<number>): number;
  logZ: Estimate;
}

export function priorDensity(top: TopPriorParams, seed = 1): PriorDensity {
  switch (top.kind) {
    case 'table':
      return {
        logProb(h) {
          let s = 0;
          for (let j = 0; j < h.length; j++) if (h[j]) s |= 1 << j;
          return top.logProbs[s];
        },
        logZ: { value: 0, exact: true, se: null },
      };
    case 'bernoulli':
      return {
        logProb(h) {
          let s = 0;
          for (let j = 0; j < top.logits.length; j++) s += h[j] * top.logits[j] - softplus(top.logits[j]);
          return s;
        },
        logZ: { value: 0, exact: true, se: null },
      };
    case 'rbm': {
      const rbm = { weights: top.weights, visibleBias: top.visibleBias, hiddenBias: top.hiddenBias };
      const logZ = rbmLogZ(rbm, { seed });
      return { logProb: (h) => rbmNegFreeEnergy(rbm, h) - logZ.value, logZ };
    }
  }
}

/**
 * Draws `rows` codes of k bits from the prior (row-major), METHOD.md §4.4: a table by its
 * cumulative distribution and a Bernoulli prior bit by bit (both exact, and drawing from the
 * generator exactly as version 0.1.0 did); an RBM exactly when one of its sides has at most 20
 * units (`prior-exact.ts`), else by block Gibbs chains (`prior-gibbs.ts`).
 */
export function samplePrior(top: TopPriorParams, k: number, rows: number, rng: Rng, gibbs?: GibbsOptions): Uint8Array {
  if (top.kind === 'rbm') {
    const side = exactSide(top);
    return side ? sampleRbmExact(top, rows, rng, side) : sampleRbmGibbs(top, rows, rng, gibbs);
  }
  const out = new Uint8Array(rows * k);
  if (top.kind === 'table') {
    const cdf = cumulative(top.logProbs, 0);
    for (let r = 0; r < rows; r++) {
      const s = searchState(cdf, rng.next());
      for (let j = 0; j < k; j++) out[r * k + j] = (s >> j) & 1;
    }
  } else {
    const p = Float64Array.from(top.logits, sigmoid);
    for (let r = 0; r < rows; r++) for (let j = 0; j < k; j++) out[r * k + j] = rng.next() < p[j] ? 1 : 0;
  }
  return out;
}
