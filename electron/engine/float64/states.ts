/**
 * Float64 primitives over enumerated binary states for exact evaluation: state s of k bits
 * has bit j = (s >> j) & 1. Logits of a generative layer for every state, per-state group
 * normalisers, and log P(x | h_s) of a row for all states at once.
 */
import type { GroupSpec } from '../../../shared/domain/model.js';
import type { GenerativeLayerParams } from '../model/params.js';
import { groupBits } from '../../base/encoded-rows.js';
import { groupLogNormaliser, logsumexp, softplus } from './layer-math.js';

export {
  logsumexp,
  softplus,
  sigmoid,
  layerLogits,
  logProbRow,
  groupLogNormaliser,
  sampleRow,
  inferenceLogits,
  stateBits,
} from './layer-math.js';

/** Largest number of states enumerated anywhere in exact evaluation. */
export const MAX_ENUM_BITS = 24;

/**
 * A generative layer evaluated at all 2^k states of the layer above: logits [2^k, n] and the
 * per-state normaliser A_s, so that log P(x | h_s) = sum_{j: x_j = 1} logits[s, j] - A_s
 * (true for Bernoulli bits and one-hot softmax groups alike).
 */
export interface LayerTable {
  k: number;
  n: number;
  states: number;
  logits: Float64Array;
  norm: Float64Array;
}

export function layerTable(layer: GenerativeLayerParams): LayerTable {
  const k = layer.weights.rows;
  const n = layer.weights.cols;
  if (k > MAX_ENUM_BITS) throw new Error(`layerTable: ${k} units cannot be enumerated`);
  const states = 2 ** k;
  const logits = new Float64Array(states * n);
  const norm = new Float64Array(states);
  const w = layer.weights.data;
  for (let s = 0; s < states; s++) {
    const base = s * n;
    if (s === 0) {
      for (let j = 0; j < n; j++) logits[j] = layer.bias[j];
    } else {
      // state s = state (s without its lowest set bit) + that bit's weight row
      const low = s & -s;
      const bit = 31 - Math.clz32(low);
      const prev = (s ^ low) * n;
      const wb = bit * n;
      for (let j = 0; j < n; j++) logits[base + j] = logits[prev + j] + w[wb + j];
    }
    norm[s] = groupLogNormaliser(layer.groups, logits, base);
  }
  return { k, n, states, logits, norm };
}

/** Indices of the ones of a row. */
export function onesOf(x: ArrayLike<number>, offset: number, n: number): Int32Array {
  const out: number[] = [];
  for (let j = 0; j < n; j++) if (x[offset + j] === 1) out.push(j);
  return Int32Array.from(out);
}

/** log P(x | h_s) for all states s, into out (length 2^k). */
export function logPxAllStates(
  t: LayerTable,
  ones: Int32Array,
  out: Float64Array = new Float64Array(t.states),
): Float64Array {
  const { n, logits, norm, states } = t;
  for (let s = 0; s < states; s++) {
    let v = -norm[s];
    const base = s * n;
    for (let i = 0; i < ones.length; i++) v += logits[base + ones[i]];
    out[s] = v;
  }
  return out;
}

/** log of a factorised Bernoulli q(h) with the given logits, at state s. */
export function logBernoulliState(logits: ArrayLike<number>, s: number): number {
  let v = 0;
  for (let j = 0; j < logits.length; j++) v += ((s >> j) & 1) * logits[j] - softplus(logits[j]);
  return v;
}

/** log q(h) of a factorised Bernoulli over all 2^k states. */
export function logBernoulliAllStates(logits: ArrayLike<number>): Float64Array {
  const k = logits.length;
  const out = new Float64Array(2 ** k);
  let base = 0;
  for (let j = 0; j < k; j++) base -= softplus(logits[j]);
  for (let s = 0; s < out.length; s++) {
    let v = base;
    for (let j = 0; j < k; j++) if ((s >> j) & 1) v += logits[j];
    out[s] = v;
  }
  return out;
}

/** log q(h | logits) of a 0/1 vector h. */
export function logBernoulli(logits: ArrayLike<number>, h: ArrayLike<number>): number {
  let v = 0;
  for (let j = 0; j < logits.length; j++) v += h[j] * logits[j] - softplus(logits[j]);
  return v;
}

/** Index of the state of a 0/1 vector. */
export function stateIndex(h: ArrayLike<number>, offset = 0, k = h.length - offset): number {
  let s = 0;
  for (let j = 0; j < k; j++) if (h[offset + j] === 1) s |= 1 << j;
  return s;
}

/** Number of joint states of a list of groups (2 per bit, size per softmax group). */
export function groupStateCount(groups: readonly GroupSpec[]): number {
  let c = 1;
  for (const g of groups) c *= g.kind === 'bernoulli' ? 2 : g.size;
  return c;
}

/** Every joint state of a list of groups as a 0/1 row, calling fn(row) for each. */
export function forEachGroupState(groups: readonly GroupSpec[], fn: (row: Uint8Array) => void): void {
  const n = groupBits(groups);
  const row = new Uint8Array(n);
  const count = groupStateCount(groups);
  for (let c = 0; c < count; c++) {
    let rest = c;
    let col = 0;
    row.fill(0);
    for (const g of groups) {
      const size = g.kind === 'bernoulli' ? 2 : g.size;
      const pick = rest % size;
      rest = Math.floor(rest / size);
      if (g.kind === 'bernoulli') row[col] = pick;
      else row[col + pick] = 1;
      col += g.kind === 'bernoulli' ? 1 : g.size;
    }
    fn(row);
  }
}

/** log (1/n) sum exp(v). */
export function logMeanExp(values: ArrayLike<number>): number {
  return logsumexp(values) - Math.log(values.length);
}

/** Mean and standard error of the mean. */
export function meanSe(values: ArrayLike<number>): { mean: number; se: number } {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += values[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (values[i] - m) ** 2;
  const se = n > 1 ? Math.sqrt(v / (n - 1) / n) : 0;
  return { mean: m, se };
}
