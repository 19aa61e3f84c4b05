/**
 * The model's log-likelihood of rows (method.md §4), nats per row: exact by enumeration when
 * every hidden layer's states can be enumerated (marginals pushed down from the top prior,
 * then log Σ_{h1} P(v|h1) P(h1)), otherwise importance sampling with the inference chain as
 * proposal, log (1/S) Σ_s P(v, h^s) / q(h^s | v), with its standard error over rows.
 */
import type { Estimate } from '../../shared/domain/model.js';
import type { EncodedData } from './data.js';
import { distinctRows, logLikTable } from './blm.js';
import { inferenceLogits, layerLogits, logProbRow, logsumexp, sigmoid, softplus, stateBits } from './numeric.js';
import type { DeepModelParams } from './params.js';
import { priorDensity } from './prior.js';
import { allBernoulli } from './groups.js';
import { createRng } from './random.js';

export const EXACT_LAYER_MAX_K = 16;
export const EXACT_PAIR_MAX_BITS = 24;

export function exactFeasible(model: DeepModelParams): boolean {
  const ks = model.sizes;
  if (ks.some((k) => k > EXACT_LAYER_MAX_K)) return false;
  for (let l = 0; l + 1 < ks.length; l++) if (ks[l] + ks[l + 1] > EXACT_PAIR_MAX_BITS) return false;
  if (model.top.kind === 'rbm') {
    const { rows, cols } = model.top.weights;
    if (Math.min(rows, cols) > 20) return false;
  }
  return true;
}

/** log P(h_1) for every state of the first hidden layer, pushed down from the top prior. */
export function firstLayerLogMarginal(model: DeepModelParams, seed = 1): { logp: Float64Array; logZ: Estimate } {
  const L = model.sizes.length;
  const prior = priorDensity(model.top, seed);
  const kTop = model.sizes[L - 1];
  let logp = new Float64Array(1 << kTop);
  const bits = new Float64Array(kTop);
  for (let s = 0; s < logp.length; s++) logp[s] = prior.logProb(stateBits(s, kTop, bits));
  for (let l = L - 1; l >= 1; l--) {
    // P(h_{l}) = Σ_{h_{l+1}} P(h_l | h_{l+1}) P(h_{l+1}); generative[l] maps h_{l+1} -> h_l.
    const gen = model.generative[l];
    const kAbove = model.sizes[l];
    const kBelow = model.sizes[l - 1];
    const groups = allBernoulli(kBelow);
    const next = new Float64Array(1 << kBelow);
    const terms = new Float64Array(1 << kAbove);
    const below = new Float64Array(kBelow);
    const above = new Float64Array(kAbove);
    const logitsByAbove: Float64Array[] = [];
    for (let a = 0; a < 1 << kAbove; a++) logitsByAbove.push(layerLogits(gen, stateBits(a, kAbove, above)));
    for (let b = 0; b < 1 << kBelow; b++) {
      stateBits(b, kBelow, below);
      for (let a = 0; a < 1 << kAbove; a++) terms[a] = logp[a] + logProbRow(groups, logitsByAbove[a], below);
      next[b] = logsumexp(terms);
    }
    logp = next;
  }
  return { logp, logZ: prior.logZ };
}

export function logLikelihood(model: DeepModelParams, data: EncodedData, opts: { seed: number; samples?: number }): Estimate {
  if (data.rows === 0) return { value: 0, exact: true, se: null };
  if (exactFeasible(model)) return exactLogLikelihood(model, data, opts.seed);
  return importanceLogLikelihood(model, data, opts.seed, opts.samples ?? 100);
}

export function exactLogLikelihood(model: DeepModelParams, data: EncodedData, seed = 1): Estimate {
  const { logp, logZ } = firstLayerLogMarginal(model, seed);
  const rows = distinctRows(data);
  const K = logp.length;
  const table = logLikTable(model.generative[0], rows);
  let total = 0;
  const terms = new Float64Array(K);
  for (let u = 0; u < rows.count; u++) {
    for (let h = 0; h < K; h++) terms[h] = table[u * K + h] + logp[h];
    total += rows.weights[u] * logsumexp(terms);
  }
  return { value: total, exact: logZ.exact, se: logZ.exact ? null : logZ.se };
}

/** Importance sampling with the inference chain as proposal; se over rows. */
export function importanceLogLikelihood(model: DeepModelParams, data: EncodedData, seed: number, samples: number): Estimate {
  const rng = createRng(seed);
  const prior = priorDensity(model.top, seed);
  const L = model.sizes.length;
  const perRow = new Float64Array(data.rows);
  const logw = new Float64Array(samples);
  for (let r = 0; r < data.rows; r++) {
    const v = data.data.subarray(r * data.bits, (r + 1) * data.bits);
    for (let s = 0; s < samples; s++) {
      let below: ArrayLike<number> = v;
      let lw = 0;
      const codes: Float64Array[] = [];
      for (let l = 0; l < L; l++) {
        const a = inferenceLogits(model.inference[l], below);
        const h = new Float64Array(a.length);
        for (let j = 0; j < a.length; j++) {
          h[j] = rng.next() < sigmoid(a[j]) ? 1 : 0;
          lw -= h[j] * a[j] - softplus(a[j]);
        }
        codes.push(h);
        below = h;
      }
      lw += logProbRow(model.generative[0].groups, layerLogits(model.generative[0], codes[0]), v);
      for (let l = 1; l < L; l++) lw += logProbRow(model.generative[l].groups, layerLogits(model.generative[l], codes[l]), codes[l - 1]);
      lw += prior.logProb(codes[L - 1]);
      logw[s] = lw;
    }
    perRow[r] = logsumexp(logw) - Math.log(samples);
  }
  let mean = 0;
  for (const x of perRow) mean += x / data.rows;
  let v2 = 0;
  for (const x of perRow) v2 += (x - mean) ** 2;
  const seRows = data.rows > 1 ? Math.sqrt(v2 / (data.rows - 1) / data.rows) : 0;
  const seZ = prior.logZ.exact ? 0 : (prior.logZ.se ?? 0);
  return { value: mean, exact: false, se: Math.sqrt(seRows ** 2 + seZ ** 2) };
}
