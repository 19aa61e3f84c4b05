/**
 * Conditional sampling (METHOD.md §4.5): rows whose fixed visible groups take given slots
 * ("region = North"), with no rejection loop. Given the first hidden layer h1, the visible
 * groups are independent, so P(fixed | h1) is a product of one softmax (or sigmoid) term per
 * fixed group. Candidates h1 are drawn top-down as in ancestral sampling, weighted by
 * P(fixed | h1), resampled with those weights (sampling-importance-resampling), and the other
 * groups drawn given the chosen h1; the fixed groups are set. Exact as the number of candidates
 * grows. Candidates are drawn in at most five rounds (4,096, then doubling up to 65,536) until
 * the effective sample size reaches its target. One seeded generator: same seed, same rows.
 */
import type { GroupSpec } from '../../../shared/domain/model.js';
import { groupBits, groupOffsets, type EncodedData } from '../../base/encoded-rows.js';
import { createRng, type Rng } from '../../base/random.js';
import { softplus } from '../float64/layer-math.js';
import { sampleLayerRows } from '../float64/layer-sample.js';
import type { DeepModelParams, GenerativeLayerParams } from './params.js';
import { sampleVisible } from './sample.js';
import { samplePrior } from './top-prior.js';

/** A visible group fixed to one slot (a Bernoulli bit: 1 on, 0 off). */
export interface FixedSlot {
  group: number;
  slot: number;
}

export interface ConditionalOptions {
  /** Candidates of the first round (then doubled). */
  candidates?: number;
  /** No more candidates than this in all. */
  maxCandidates?: number;
  /** Rounds stop once the effective sample size reaches this. */
  targetEss?: number;
}

export interface ConditionalSample {
  data: EncodedData;
  /** Candidates h1 drawn. */
  candidates: number;
  /** Effective sample size of their weights, (Σw)² / Σw². */
  ess: number;
  /** The model's estimate of P(fixed slots): the mean weight. */
  probability: number;
}

export const CONDITION_CANDIDATES = 4096;
export const CONDITION_MAX_CANDIDATES = 65_536;
export const CONDITION_TARGET_ESS = 400;

interface Fixed {
  col: number;
  size: number;
  slot: number;
}

function compile(groups: readonly GroupSpec[], fixed: readonly FixedSlot[]): Fixed[] {
  const offsets = groupOffsets(groups);
  return fixed.map(({ group, slot }) => {
    const g = groups[group] as GroupSpec | undefined;
    const size = !g || g.kind === 'bernoulli' ? 1 : g.size;
    if (!g || slot < 0 || slot >= Math.max(2, size)) throw new RangeError(`no slot ${slot} in group ${group}`);
    return { col: offsets[group], size, slot };
  });
}

/** Codes of the first hidden layer, drawn top-down for `m` candidates. */
function drawFirstLayer(model: DeepModelParams, m: number, rng: Rng): Uint8Array {
  const L = model.sizes.length;
  let codes = samplePrior(model.top, model.sizes[L - 1], m, rng);
  for (let l = L - 1; l >= 1; l--) codes = sampleLayerRows(model.generative[l], codes, m, rng);
  return codes;
}

/** log P(fixed | h1) for each of the `m` codes. */
function logWeights(layer: GenerativeLayerParams, fixed: readonly Fixed[], codes: Uint8Array, m: number): Float64Array {
  const { rows: k, cols: n, data: w } = layer.weights;
  const out = new Float64Array(m);
  const a = new Float64Array(Math.max(1, ...fixed.map((f) => f.size)));
  for (let r = 0; r < m; r++) {
    let lw = 0;
    for (const f of fixed) {
      for (let j = 0; j < f.size; j++) a[j] = layer.bias[f.col + j];
      for (let i = 0; i < k; i++) {
        if (codes[r * k + i] === 0) continue;
        for (let j = 0; j < f.size; j++) a[j] += w[i * n + f.col + j];
      }
      if (f.size === 1) {
        lw -= softplus(f.slot === 1 ? -a[0] : a[0]);
        continue;
      }
      let max = -Infinity;
      for (let j = 0; j < f.size; j++) max = Math.max(max, a[j]);
      let s = 0;
      for (let j = 0; j < f.size; j++) s += Math.exp(a[j] - max);
      lw += a[f.slot] - max - Math.log(s);
    }
    out[r] = lw;
  }
  return out;
}

interface Weighted {
  /** Cumulative weights exp(lw − max). */
  cdf: Float64Array;
  ess: number;
  probability: number;
}

function weigh(lw: Float64Array): Weighted {
  let max = -Infinity;
  for (const v of lw) max = Math.max(max, v);
  const cdf = new Float64Array(lw.length);
  if (max === -Infinity) return { cdf, ess: 0, probability: 0 };
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < lw.length; i++) {
    const v = Math.exp(lw[i] - max);
    sum += v;
    sq += v * v;
    cdf[i] = sum;
  }
  return { cdf, ess: (sum * sum) / sq, probability: Math.min(1, Math.exp(max) * (sum / lw.length)) };
}

/** The first index whose cumulative weight exceeds u. */
function search(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `a` followed by `b`. */
function append<T extends Uint8Array | Float64Array>(a: T, b: T, make: (n: number) => T): T {
  const out = make(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** `rows` rows whose `fixed` groups take their slots, by sampling-importance-resampling on h1 (see above). */
export function sampleVisibleGiven(
  model: DeepModelParams,
  rows: number,
  seed: number,
  fixed: readonly FixedSlot[],
  opts: ConditionalOptions = {},
): ConditionalSample {
  if (fixed.length === 0) return { data: sampleVisible(model, rows, seed), candidates: 0, ess: rows, probability: 1 };
  const compiled = compile(model.visible, fixed);
  const rng = createRng(seed);
  const k1 = model.sizes[0];
  const max = opts.maxCandidates ?? CONDITION_MAX_CANDIDATES;
  let codes: Uint8Array = new Uint8Array(0);
  let lws: Float64Array = new Float64Array(0);
  let total = 0;
  let weighted: Weighted;
  for (let m = Math.min(max, opts.candidates ?? CONDITION_CANDIDATES); ; m = Math.min(total, max - total)) {
    const c = drawFirstLayer(model, m, rng);
    codes = append(codes, c, (n) => new Uint8Array(n));
    lws = append(lws, logWeights(model.generative[0], compiled, c, m), (n) => new Float64Array(n));
    total += m;
    weighted = weigh(lws);
    if (weighted.ess >= (opts.targetEss ?? CONDITION_TARGET_ESS) || total >= max) break;
  }
  const picked = new Uint8Array(rows * k1);
  const sum = weighted.cdf[total - 1];
  for (let r = 0; r < rows; r++) {
    const i = sum > 0 ? search(weighted.cdf, rng.next() * sum) : r % total;
    picked.set(codes.subarray(i * k1, (i + 1) * k1), r * k1);
  }
  const data = sampleLayerRows(model.generative[0], picked, rows, rng);
  const bits = groupBits(model.visible);
  for (let r = 0; r < rows; r++)
    for (const f of compiled) {
      const at = r * bits + f.col;
      if (f.size === 1) data[at] = f.slot;
      else for (let j = 0; j < f.size; j++) data[at + j] = j === f.slot ? 1 : 0;
    }
  return {
    data: { groups: model.visible, rows, bits, data },
    candidates: total,
    ess: weighted.ess,
    probability: weighted.probability,
  };
}
