/**
 * Log-likelihood of rows under a whole deep model (METHOD.md §4), in float64 on the plain
 * parameters: exact by enumeration when the hidden state space allows (each layer at most
 * 20 units, two adjacent layers at most 24 together, the top prior enumerable), by passing
 * the marginal of each layer down; otherwise importance sampling with the inference chain as
 * proposal, log (1/S) sum_s P(v, h^s) / q(h^s | v), per row, then mean and standard error
 * over rows (plus the spread of an AIS log Z when the top RBM needs one).
 */
import type { Estimate } from '../../../shared/domain/model.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import type { DeepModelParams, TopPriorParams } from '../model/params.js';
import { createRng, type Rng } from '../../base/random.js';
import { distinctRows } from '../float64/rows.js';
import {
  inferenceLogits,
  layerLogits,
  layerTable,
  logBernoulli,
  logBernoulliAllStates,
  logMeanExp,
  logPxAllStates,
  logProbRow,
  logsumexp,
  meanSe,
  onesOf,
  sigmoid,
} from '../float64/states.js';
import { rbmExactFeasible, rbmLogZ, rbmNegFreeEnergy, type RbmParams } from './rbm-partition.js';

export const LAYER_ENUM_MAX = 20;
export const PAIR_ENUM_MAX = 24;

export interface LogLikOptions {
  seed: number;
  /** importance samples per row (default 100) */
  samples?: number;
  /** force the importance-sampled estimate even when exact is feasible (tests) */
  forceSampled?: boolean;
  /** AIS settings when the top RBM's log Z needs them */
  aisChains?: number;
  aisTemperatures?: number;
}

function topRbm(top: Extract<TopPriorParams, { kind: 'rbm' }>): RbmParams {
  return { weights: top.weights, visibleBias: top.visibleBias, hiddenBias: top.hiddenBias };
}

export function exactFeasible(model: DeepModelParams): boolean {
  const k = model.sizes;
  if (k.some((x) => x > LAYER_ENUM_MAX)) return false;
  for (let l = 0; l + 1 < k.length; l++) if (k[l] + k[l + 1] > PAIR_ENUM_MAX) return false;
  if (model.top.kind === 'rbm') return rbmExactFeasible(topRbm(model.top));
  return true;
}

/** log P_top(h) over all 2^{k_L} states (exact). */
export function topLogProbs(model: DeepModelParams): Float64Array {
  const top = model.top;
  if (top.kind === 'table') return Float64Array.from(top.logProbs);
  if (top.kind === 'bernoulli') return logBernoulliAllStates(top.logits);
  const r = topRbm(top);
  const logZ = rbmLogZ(r).value;
  const kL = top.weights.rows;
  const out = new Float64Array(2 ** kL);
  const h = new Uint8Array(kL);
  for (let s = 0; s < out.length; s++) {
    for (let j = 0; j < kL; j++) h[j] = (s >> j) & 1;
    out[s] = rbmNegFreeEnergy(r, h) - logZ;
  }
  return out;
}

/** Exact marginal log P(h_1) over its 2^{k_1} states, passing the top prior down. */
export function firstLayerPrior(model: DeepModelParams): Float64Array {
  let prior = topLogProbs(model);
  for (let l = model.sizes.length - 1; l >= 1; l--) {
    const t = layerTable(model.generative[l]);
    const below = 2 ** model.sizes[l - 1];
    const next = new Float64Array(below);
    const terms = new Float64Array(t.states);
    const ones: Int32Array[] = [];
    for (let u = 0; u < below; u++) {
      const o: number[] = [];
      for (let j = 0; j < model.sizes[l - 1]; j++) if ((u >> j) & 1) o.push(j);
      ones.push(Int32Array.from(o));
    }
    for (let u = 0; u < below; u++) {
      const o = ones[u];
      for (let s = 0; s < t.states; s++) {
        let v = prior[s] - t.norm[s];
        const base = s * t.n;
        for (let i = 0; i < o.length; i++) v += t.logits[base + o[i]];
        terms[s] = v;
      }
      next[u] = logsumexp(terms);
    }
    prior = next;
  }
  return prior;
}

/** Exact mean log P(v) per row by enumeration. */
export function exactLogLikelihood(model: DeepModelParams, data: EncodedData): number {
  const prior = firstLayerPrior(model);
  const t = layerTable(model.generative[0]);
  const rows = distinctRows(data);
  const lp = new Float64Array(t.states);
  let value = 0;
  for (let r = 0; r < rows.counts.length; r++) {
    logPxAllStates(t, onesOf(rows.data, r * rows.bits, rows.bits), lp);
    for (let s = 0; s < t.states; s++) lp[s] += prior[s];
    value += (rows.counts[r] / rows.total) * logsumexp(lp);
  }
  return value;
}

function sampleBits(logits: Float64Array, rng: Rng): Uint8Array {
  const h = new Uint8Array(logits.length);
  for (let j = 0; j < logits.length; j++) h[j] = rng.next() < sigmoid(logits[j]) ? 1 : 0;
  return h;
}

/** Unnormalised log P_top(h) (without the RBM's -log Z). */
function topLogUnnorm(top: TopPriorParams, h: Uint8Array): number {
  if (top.kind === 'table') {
    let s = 0;
    for (let j = 0; j < h.length; j++) if (h[j]) s |= 1 << j;
    return top.logProbs[s];
  }
  if (top.kind === 'bernoulli') return logBernoulli(top.logits, h);
  return rbmNegFreeEnergy(topRbm(top), h);
}

/** Importance-sampled log P(v) of each row (without the top RBM's log Z). */
export function sampledRowLogLik(model: DeepModelParams, x: Uint8Array, S: number, rng: Rng): number {
  const logW = new Float64Array(S);
  const L = model.sizes.length;
  for (let s = 0; s < S; s++) {
    let below: Uint8Array = x;
    let lw = 0;
    for (let l = 0; l < L; l++) {
      const ql = inferenceLogits(model.inference[l], below);
      const h = sampleBits(ql, rng);
      lw -= logBernoulli(ql, h);
      lw += logProbRow(model.generative[l].groups, layerLogits(model.generative[l], h), below);
      below = h;
    }
    lw += topLogUnnorm(model.top, below);
    logW[s] = lw;
  }
  return logMeanExp(logW);
}

/** Mean log-likelihood per row: exact when feasible, else importance-sampled with its se. */
export function logLikelihood(model: DeepModelParams, data: EncodedData, opts: LogLikOptions): Estimate {
  if (!opts.forceSampled && exactFeasible(model))
    return { value: exactLogLikelihood(model, data), exact: true, se: null };
  const S = opts.samples ?? 100;
  const rng = createRng(opts.seed);
  const per = new Float64Array(data.rows);
  for (let r = 0; r < data.rows; r++)
    per[r] = sampledRowLogLik(model, data.data.subarray(r * data.bits, (r + 1) * data.bits), S, rng);
  const { mean, se } = meanSe(per);
  let value = mean;
  let seTotal = se;
  if (model.top.kind === 'rbm') {
    const z = rbmLogZ(topRbm(model.top), {
      seed: opts.seed + 1,
      chains: opts.aisChains,
      temperatures: opts.aisTemperatures,
    });
    value -= z.value;
    seTotal = Math.sqrt(se * se + (z.se ?? 0) ** 2);
  }
  return { value, exact: false, se: seTotal };
}

/** KL(Q || P) between two distributions over states given as probabilities Q and log-probabilities logP. */
export function klStates(q: ArrayLike<number>, logP: ArrayLike<number>): number {
  let kl = 0;
  for (let s = 0; s < q.length; s++) if (q[s] > 0) kl += q[s] * (Math.log(q[s]) - logP[s]);
  return kl;
}
