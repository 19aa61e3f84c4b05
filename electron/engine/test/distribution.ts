/**
 * Comparing sampled rows with exact probabilities in the engine's tests: counts of the states
 * of drawn codes, Pearson's chi-square statistic and the total variation distance against an
 * exact distribution, and the exact probabilities of a top RBM prior by enumeration.
 */
import { rbmLogZExact, rbmNegFreeEnergy } from '../eval/rbm-partition.js';
import type { TopPriorParams } from '../model/params.js';

/** Counts of the states (bit j = (s >> j) & 1) of `rows` codes of k bits. */
export function stateCounts(codes: Uint8Array, rows: number, k: number, states = 2 ** k): Float64Array {
  const counts = new Float64Array(states);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = 0; j < k; j++) if (codes[r * k + j]) s |= 1 << j;
    counts[s] += 1;
  }
  return counts;
}

/** Pearson's Σ (observed − expected)² / expected over states with positive probability. */
export function chiSquare(counts: ArrayLike<number>, probs: ArrayLike<number>): number {
  let n = 0;
  for (let s = 0; s < counts.length; s++) n += counts[s];
  let x2 = 0;
  for (let s = 0; s < counts.length; s++) {
    const e = n * probs[s];
    if (e > 0) x2 += (counts[s] - e) ** 2 / e;
    else if (counts[s] > 0) return Infinity;
  }
  return x2;
}

/** A generous bound for a chi-square statistic with `df` degrees of freedom: mean + 5 sd. */
export function chiSquareBound(df: number): number {
  return df + 5 * Math.sqrt(2 * df);
}

/** ½ Σ |counts/n − probs|. */
export function totalVariation(counts: ArrayLike<number>, probs: ArrayLike<number>): number {
  let n = 0;
  for (let s = 0; s < counts.length; s++) n += counts[s];
  let tv = 0;
  for (let s = 0; s < counts.length; s++) tv += Math.abs(counts[s] / n - probs[s]);
  return tv / 2;
}

/** P(h) of a top RBM prior for each of its 2^k visible states, by rbm-partition's float64 code. */
export function rbmPriorProbs(top: Extract<TopPriorParams, { kind: 'rbm' }>): Float64Array {
  const k = top.weights.rows;
  const logZ = rbmLogZExact(top);
  const h = new Uint8Array(k);
  return Float64Array.from({ length: 2 ** k }, (_, s) => {
    for (let j = 0; j < k; j++) h[j] = (s >> j) & 1;
    return Math.exp(rbmNegFreeEnergy(top, h) - logZ);
  });
}
