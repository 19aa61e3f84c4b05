/**
 * Float64 arithmetic on the plain parameter snapshot, row by row: logits of a generative
 * layer, log-probabilities of groups, group-wise sampling, the inference network's forward
 * pass, logsumexp. Used by ancestral sampling and by evaluation, where precision and exact
 * reproducibility matter more than throughput.
 */
import type { GroupSpec } from '../../../shared/domain/model.js';
import type { GenerativeLayerParams, InferenceParams } from '../model/params.js';
import type { Rng } from '../../base/random.js';

export function logsumexp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (max === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Math.exp(values[i] - max);
  return max + Math.log(s);
}

export const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** logits = h · W + b for one code h (length k). */
export function layerLogits(
  layer: GenerativeLayerParams,
  h: ArrayLike<number>,
  out = new Float64Array(layer.weights.cols),
): Float64Array {
  const { rows: k, cols: n, data } = layer.weights;
  for (let j = 0; j < n; j++) out[j] = layer.bias[j];
  for (let i = 0; i < k; i++) {
    if (h[i] === 0) continue;
    const hi = h[i];
    const base = i * n;
    for (let j = 0; j < n; j++) out[j] += hi * data[base + j];
  }
  return out;
}

/** The largest of logits[col, col + size). */
function rangeMax(logits: ArrayLike<number>, col: number, size: number): number {
  let max = -Infinity;
  for (let j = 0; j < size; j++) max = Math.max(max, logits[col + j]);
  return max;
}

/** Σ exp(logits[j] - max) over j in [col, col + size): a softmax group's normaliser, shifted. */
function expSum(logits: ArrayLike<number>, col: number, size: number, max: number): number {
  let s = 0;
  for (let j = 0; j < size; j++) s += Math.exp(logits[col + j] - max);
  return s;
}

/** Sum over groups of each group's log normaliser (softplus for a bit, logsumexp for a softmax group). */
export function groupLogNormaliser(groups: readonly GroupSpec[], logits: ArrayLike<number>, offset = 0): number {
  let total = 0;
  let col = offset;
  for (const g of groups) {
    if (g.kind === 'bernoulli') {
      total += softplus(logits[col]);
      col += 1;
    } else {
      const max = rangeMax(logits, col, g.size);
      total += max + Math.log(expSum(logits, col, g.size, max));
      col += g.size;
    }
  }
  return total;
}

/**
 * log P(x | logits) of one row under its groups: Σ_j x_j l_j minus the groups' normalisers
 * (x is 0/1 and one-hot within each softmax group).
 */
export function logProbRow(
  groups: readonly GroupSpec[],
  logits: ArrayLike<number>,
  x: ArrayLike<number>,
  offset = 0,
): number {
  let on = 0;
  const n = logits.length;
  for (let j = 0; j < n; j++) if (x[offset + j] === 1) on += logits[j];
  return on - groupLogNormaliser(groups, logits);
}

/** Draws one row from per-group distributions into `out` at `offset`. */
export function sampleRow(
  groups: readonly GroupSpec[],
  logits: ArrayLike<number>,
  rng: Rng,
  out: Uint8Array,
  offset = 0,
): void {
  let col = 0;
  for (const g of groups) {
    if (g.kind === 'bernoulli') {
      out[offset + col] = rng.next() < sigmoid(logits[col]) ? 1 : 0;
      col += 1;
    } else {
      const max = rangeMax(logits, col, g.size);
      let u = rng.next() * expSum(logits, col, g.size, max);
      let pick = g.size - 1;
      for (let j = 0; j < g.size; j++) {
        u -= Math.exp(logits[col + j] - max);
        if (u <= 0) {
          pick = j;
          break;
        }
      }
      for (let j = 0; j < g.size; j++) out[offset + col + j] = j === pick ? 1 : 0;
      col += g.size;
    }
  }
}

/** Bernoulli logits of q(h | x) for one row x. */
export function inferenceLogits(inf: InferenceParams, x: ArrayLike<number>): Float64Array {
  let a: ArrayLike<number> = x;
  inf.layers.forEach((layer, li) => {
    const { rows: n, cols: m, data } = layer.weights;
    const out = new Float64Array(m);
    for (let j = 0; j < m; j++) out[j] = layer.bias[j];
    for (let i = 0; i < n; i++) {
      const ai = a[i];
      if (ai === 0) continue;
      const base = i * m;
      for (let j = 0; j < m; j++) out[j] += ai * data[base + j];
    }
    if (li + 1 < inf.layers.length) for (let j = 0; j < m; j++) out[j] = Math.tanh(out[j]);
    a = out;
  });
  return a as Float64Array;
}

/** Bits of state s (bit j = (s >> j) & 1). */
export function stateBits(s: number, k: number, out = new Float64Array(k)): Float64Array {
  for (let j = 0; j < k; j++) out[j] = (s >> j) & 1;
  return out;
}
