/**
 * The partition function of an RBM, log Z, in float64: exact when its smaller side can be
 * enumerated (at most 20 units; for the visible side, at most 2^20 joint group states), the
 * other side summed out analytically; otherwise annealed importance sampling (AIS) from the
 * RBM with zero weights, with the spread of the estimate. Visible units come in groups
 * (Bernoulli bits and softmax groups); hidden units are bits.
 */
import type { GroupSpec } from '../../../shared/domain/model.js';
import type { Estimate } from '../../../shared/domain/model.js';
import type { Matrix } from '../model/params.js';
import { createRng, type Rng } from '../../base/random.js';
import {
  forEachGroupState,
  groupLogNormaliser,
  groupStateCount,
  logsumexp,
  sampleRow,
  sigmoid,
  softplus,
} from '../float64/states.js';

export const RBM_EXACT_MAX = 20;

export interface RbmParams {
  /** [visible bits, hidden] */
  weights: Matrix;
  visibleBias: ArrayLike<number>;
  hiddenBias: ArrayLike<number>;
  /** visible groups; default all Bernoulli */
  groups?: GroupSpec[];
}

export interface AisOptions {
  seed: number;
  chains?: number;
  temperatures?: number;
}

function visGroups(r: RbmParams): GroupSpec[] {
  return r.groups ?? Array.from({ length: r.weights.rows }, () => ({ kind: 'bernoulli' as const }));
}

/** -F(v) = a·v + sum_j softplus(c_j + v W_j): log of the unnormalised marginal of v. */
export function rbmNegFreeEnergy(r: RbmParams, v: ArrayLike<number>, offset = 0): number {
  const { rows: nv, cols: nh, data: w } = r.weights;
  let e = 0;
  for (let i = 0; i < nv; i++) if (v[offset + i]) e += r.visibleBias[i];
  for (let j = 0; j < nh; j++) {
    let a = r.hiddenBias[j];
    for (let i = 0; i < nv; i++) if (v[offset + i]) a += w[i * nh + j];
    e += softplus(a);
  }
  return e;
}

/** Can log Z be computed exactly? */
export function rbmExactFeasible(r: RbmParams): boolean {
  return r.weights.cols <= RBM_EXACT_MAX || groupStateCount(visGroups(r)) <= 2 ** RBM_EXACT_MAX;
}

/** Exact log Z by enumerating the side with fewer states. */
export function rbmLogZExact(r: RbmParams): number {
  const groups = visGroups(r);
  const { rows: nv, cols: nh, data: w } = r.weights;
  const visStates = groupStateCount(groups);
  if (nh <= RBM_EXACT_MAX && 2 ** nh <= visStates) {
    const H = 2 ** nh;
    const terms = new Float64Array(H);
    const logits = new Float64Array(nv);
    for (let s = 0; s < H; s++) {
      let e = 0;
      for (let i = 0; i < nv; i++) logits[i] = r.visibleBias[i];
      for (let j = 0; j < nh; j++) {
        if (!((s >> j) & 1)) continue;
        e += r.hiddenBias[j];
        for (let i = 0; i < nv; i++) logits[i] += w[i * nh + j];
      }
      terms[s] = e + groupLogNormaliser(groups, logits);
    }
    return logsumexp(terms);
  }
  if (visStates > 2 ** RBM_EXACT_MAX) throw new Error('rbmLogZExact: neither side is small enough');
  const terms = new Float64Array(visStates);
  let c = 0;
  forEachGroupState(groups, (row) => {
    terms[c++] = rbmNegFreeEnergy(r, row);
  });
  return logsumexp(terms);
}

/**
 * AIS estimate of log Z. Base: the same visible biases, zero weights and zero hidden biases
 * (log Z_0 = sum of visible group normalisers + nh log 2). Intermediate distributions
 * p_b(v) ∝ exp(a·v) prod_j (1 + exp(b (c_j + v W_j))), b from 0 to 1 on a linear grid;
 * one Gibbs sweep per temperature. se by the delta method over the chains' weights.
 */
export function rbmLogZAis(r: RbmParams, opts: AisOptions): Estimate {
  const groups = visGroups(r);
  const { rows: nv, cols: nh, data: w } = r.weights;
  const chains = opts.chains ?? 100;
  const K = opts.temperatures ?? 1000;
  const rng: Rng = createRng(opts.seed);
  const logZ0 = groupLogNormaliser(groups, r.visibleBias) + nh * Math.LN2;
  const logW = new Float64Array(chains);
  const v = new Uint8Array(nv);
  const h = new Uint8Array(nh);
  const act = new Float64Array(nh);
  const vLogits = new Float64Array(nv);
  const hiddenInput = (): void => {
    for (let j = 0; j < nh; j++) act[j] = r.hiddenBias[j];
    for (let i = 0; i < nv; i++) if (v[i]) for (let j = 0; j < nh; j++) act[j] += w[i * nh + j];
  };
  const logF = (beta: number): number => {
    let e = 0;
    for (let j = 0; j < nh; j++) e += softplus(beta * act[j]);
    return e;
  };
  for (let c = 0; c < chains; c++) {
    sampleRow(groups, r.visibleBias, rng, v);
    let lw = 0;
    for (let t = 1; t <= K; t++) {
      const bPrev = (t - 1) / K;
      const b = t / K;
      hiddenInput();
      lw += logF(b) - logF(bPrev);
      if (t === K) break;
      for (let j = 0; j < nh; j++) h[j] = rng.next() < sigmoid(b * act[j]) ? 1 : 0;
      for (let i = 0; i < nv; i++) {
        let l = r.visibleBias[i];
        for (let j = 0; j < nh; j++) if (h[j]) l += b * w[i * nh + j];
        vLogits[i] = l;
      }
      sampleRow(groups, vLogits, rng, v);
    }
    logW[c] = lw;
  }
  const lse = logsumexp(logW);
  let s1 = 0;
  let s2 = 0;
  for (let c = 0; c < chains; c++) {
    const e = Math.exp(logW[c] - lse);
    s1 += e;
    s2 += e * e;
  }
  const mean = s1 / chains;
  const se = Math.sqrt(Math.max(0, s2 / chains - mean * mean) / chains) / mean;
  return { value: logZ0 + lse - Math.log(chains), exact: false, se };
}

/** log Z: exact when feasible, else AIS. */
export function rbmLogZ(r: RbmParams, opts: AisOptions = { seed: 1 }): Estimate {
  if (rbmExactFeasible(r)) return { value: rbmLogZExact(r), exact: true, se: null };
  return rbmLogZAis(r, opts);
}
