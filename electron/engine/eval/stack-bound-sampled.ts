/**
 * The estimate of the bound of the model so far when its states cannot be enumerated
 * (METHOD.md §4.1): the auto-encoded estimate of one layer, E_x log (1/M) Σ_m P(x | h_m),
 * generalised to layers 1..l. The prior on h_l is the aggregate posterior q_D (M codes, each
 * a random row passed up through the inference models); P_{1..l}(x | h_l^m) is importance-
 * sampled with S chains h_1..h_{l−1} ~ q(.|x):
 *   log (1/S) Σ_s [Π_{j<l} P_j(h_{j−1}^s | h_j^s) / q_j(h_j^s | h_{j−1}^s)] · (1/M) Σ_m P_l(h_{l−1}^s | h_l^m).
 * Below the bound on average (q_D is not the best marginal; Jensen's inequality); se over rows.
 */
import type { Estimate } from '../../../shared/domain/model.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { createRng, type Rng } from '../../base/random.js';
import { groupLogNormaliser, inferenceLogits, layerLogits, logProbRow, sigmoid } from '../float64/layer-math.js';
import { logBernoulli, logMeanExp, meanSe } from '../float64/states.js';
import type { BoundLayer } from './stack-bound.js';

/** Codes of the prior (M) and chains per row (S): *choice*, a few seconds at most on 1,000 rows. */
export const STACK_BOUND_CODES = 512;
export const STACK_BOUND_CHAINS = 16;

function sampleBits(logits: Float64Array, rng: Rng): Uint8Array {
  const h = new Uint8Array(logits.length);
  for (let j = 0; j < logits.length; j++) h[j] = rng.next() < sigmoid(logits[j]) ? 1 : 0;
  return h;
}

/** h_l ~ q_D: a random row passed up through every inference model. */
function aggregateCodes(layers: readonly BoundLayer[], data: EncodedData, M: number, rng: Rng): Uint8Array[] {
  return Array.from({ length: M }, () => {
    const r = rng.int(data.rows);
    let h: Uint8Array = data.data.subarray(r * data.bits, (r + 1) * data.bits);
    for (const layer of layers) h = sampleBits(inferenceLogits(layer.inf, h), rng);
    return h;
  });
}

/** The top layer's logits and normalisers for each prior code: log P_l(u | h_l^m) = u·logits_m − norm_m. */
function priorTerms(top: BoundLayer, codes: Uint8Array[]): { logits: Float64Array[]; norm: Float64Array } {
  const logits = codes.map((h) => layerLogits(top.gen, h));
  return { logits, norm: Float64Array.from(logits, (l) => groupLogNormaliser(top.gen.groups, l)) };
}

/** log (1/M) Σ_m P_l(u | h_l^m) of one code u of the layer below the top. */
function mixture(terms: { logits: Float64Array[]; norm: Float64Array }, u: Uint8Array): number {
  const values = new Float64Array(terms.norm.length);
  terms.logits.forEach((l, m) => {
    let v = -terms.norm[m];
    for (let j = 0; j < u.length; j++) if (u[j]) v += l[j];
    values[m] = v;
  });
  return logMeanExp(values);
}

/** The importance-sampled log P(x) of one row under layers 1..l with the q_D prior. */
function rowValue(
  layers: readonly BoundLayer[],
  terms: { logits: Float64Array[]; norm: Float64Array },
  x: Uint8Array,
  S: number,
  rng: Rng,
): number {
  const L = layers.length;
  const logW = new Float64Array(S);
  for (let s = 0; s < S; s++) {
    let below: Uint8Array = x;
    let lw = 0;
    for (let l = 0; l < L - 1; l++) {
      const q = inferenceLogits(layers[l].inf, below);
      const h = sampleBits(q, rng);
      lw += logProbRow(layers[l].gen.groups, layerLogits(layers[l].gen, h), below) - logBernoulli(q, h);
      below = h;
    }
    logW[s] = lw + mixture(terms, below);
  }
  return logMeanExp(logW);
}

export function sampledStackBound(
  layers: readonly BoundLayer[],
  data: EncodedData,
  opts: { seed: number; codes?: number; chains?: number },
): Estimate {
  const rng = createRng(opts.seed);
  const codes = aggregateCodes(layers, data, opts.codes ?? STACK_BOUND_CODES, rng);
  const terms = priorTerms(layers[layers.length - 1], codes);
  const S = opts.chains ?? STACK_BOUND_CHAINS;
  const per = new Float64Array(data.rows);
  for (let r = 0; r < data.rows; r++)
    per[r] = rowValue(layers, terms, data.data.subarray(r * data.bits, (r + 1) * data.bits), S, rng);
  const { mean, se } = meanSe(per);
  return { value: mean, exact: false, se };
}
