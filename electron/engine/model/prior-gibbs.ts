/**
 * Block Gibbs sampling of a top RBM prior too large to enumerate on either side (more than 20
 * visible and more than 20 hidden units; METHOD.md §4.4, a *choice*): a block of chains run side
 * by side in float64 with typed arrays and one seeded generator. Each chain starts from
 * σ(visible bias), runs `burnIn` sweeps, and then gives a row every `thin` sweeps; rows are
 * taken from the chains in turn (row r from chain r mod chains), so when rows ≤ chains every
 * row is its own chain, as in one chain per row.
 */
import { sigmoid } from '../float64/layer-math.js';
import type { RbmPrior } from './prior-exact.js';
import type { Rng } from '../../base/random.js';

export const GIBBS_BURN_IN = 500;
export const GIBBS_CHAINS = 1024;
export const GIBBS_THIN = 10;

export interface GibbsOptions {
  burnIn?: number;
  chains?: number;
  thin?: number;
}

/** The chains' states and the buffers one sweep needs, allocated once. */
class Chains {
  readonly v: Uint8Array;
  private readonly g: Uint8Array;
  private readonly wT: Float64Array;
  private readonly act: Float64Array;
  private readonly k: number;
  private readonly m: number;

  constructor(
    private readonly top: RbmPrior,
    readonly count: number,
    private readonly rng: Rng,
  ) {
    const { rows: k, cols: m, data } = top.weights;
    this.k = k;
    this.m = m;
    this.v = new Uint8Array(count * k);
    this.g = new Uint8Array(count * m);
    this.act = new Float64Array(Math.max(k, m));
    this.wT = new Float64Array(m * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) this.wT[j * k + i] = data[i * m + j];
    const p0 = Float64Array.from(top.visibleBias, sigmoid);
    for (let c = 0; c < count; c++) for (let i = 0; i < k; i++) this.v[c * k + i] = rng.next() < p0[i] ? 1 : 0;
  }

  /** One sweep of every chain: g ~ P(g | v), then v ~ P(v | g). */
  sweep(): void {
    for (let c = 0; c < this.count; c++) {
      this.half(this.v, c * this.k, this.k, this.top.weights.data, this.top.hiddenBias, this.g, c * this.m, this.m);
      this.half(this.g, c * this.m, this.m, this.wT, this.top.visibleBias, this.v, c * this.k, this.k);
    }
  }

  /** to[j] ~ σ(bias_j + Σ_{i: from_i = 1} w[i, j]) for the n units of one side, w is [n, m]. */
  private half(
    from: Uint8Array,
    fromAt: number,
    n: number,
    w: ArrayLike<number>,
    bias: ArrayLike<number>,
    to: Uint8Array,
    toAt: number,
    m: number,
  ): void {
    const act = this.act;
    for (let j = 0; j < m; j++) act[j] = bias[j];
    for (let i = 0; i < n; i++) {
      if (from[fromAt + i] === 0) continue;
      const base = i * m;
      for (let j = 0; j < m; j++) act[j] += w[base + j];
    }
    for (let j = 0; j < m; j++) to[toAt + j] = this.rng.next() < sigmoid(act[j]) ? 1 : 0;
  }
}

/** `rows` codes of the prior's k visible units (row-major) from block Gibbs chains. */
export function sampleRbmGibbs(top: RbmPrior, rows: number, rng: Rng, opts: GibbsOptions = {}): Uint8Array {
  const k = top.weights.rows;
  const out = new Uint8Array(rows * k);
  if (rows === 0) return out;
  const chains = new Chains(top, Math.min(rows, opts.chains ?? GIBBS_CHAINS), rng);
  const thin = Math.max(1, opts.thin ?? GIBBS_THIN);
  for (let t = 0; t < (opts.burnIn ?? GIBBS_BURN_IN); t++) chains.sweep();
  for (let r = 0; r < rows; r += chains.count) {
    if (r > 0) for (let t = 0; t < thin; t++) chains.sweep();
    const take = Math.min(chains.count, rows - r);
    out.set(chains.v.subarray(0, take * k), r * k);
  }
  return out;
}
