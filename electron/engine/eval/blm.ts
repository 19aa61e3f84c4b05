/**
 * The best latent marginal (BLM) upper bound U_D(theta) of one generative layer (METHOD.md
 * §2.1), exactly, by the EM fixed point from a uniform Q over the 2^k codes:
 * Q(h) <- E_x [P(x|h) Q(h) / sum_h' P(x|h') Q(h')]. Identical rows are evaluated once and
 * weighted by their count. Also the auto-encoded estimate E_x log (1/M) sum_m P(x|h_m) with
 * codes drawn from the aggregate posterior q_D of an inference model.
 */
import { AppError } from '../../../shared/domain/errors.js';
import type { Estimate } from '../../../shared/domain/model.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import type { GenerativeLayerParams, InferenceParams } from '../model/params.js';
import { createRng } from '../../base/random.js';
import { distinctRows, type DistinctRows } from '../float64/rows.js';
import {
  groupLogNormaliser,
  inferenceLogits,
  layerTable,
  logPxAllStates,
  logsumexp,
  onesOf,
  sigmoid,
  type LayerTable,
} from '../float64/states.js';

export const BLM_MAX_UNITS = 16;
/** Above this many (distinct rows x states) entries, log P(x|h) is recomputed each EM step instead of stored. */
const STORE_LIMIT = 2 ** 24;

export interface BlmResult {
  /** U_D in nats per row */
  value: number;
  /** the best latent marginal found, over 2^k states */
  q: Float64Array;
  iterations: number;
  /** objective before each EM step, then the final value */
  history: number[];
}

export interface BlmOptions {
  maxIterations?: number;
  /** stop when one EM step improves the objective by less than this (nats per row) */
  tolerance?: number;
  init?: Float64Array;
}

/** What EM needs of a table of log P(x|h) over distinct rows x and states h. */
export interface EmTable {
  readonly table: { states: number };
  readonly rows: { counts: Float64Array; total: number };
  readonly distinct: number;
  /** P(x|h) divided by its row maximum and the log of that maximum, when the table is stored. */
  scaled(): { p: Float64Array; max: Float64Array } | null;
  /** log P(x_r | h_s) over s */
  row(r: number, scratch: Float64Array): Float64Array;
}

/** log P(x|h) for every distinct row and state, stored or recomputed on demand. */
export class LogLikTable implements EmTable {
  readonly rows: DistinctRows;
  readonly table: LayerTable;
  private readonly stored: Float64Array | null;
  private readonly ones: Int32Array[];
  constructor(layer: GenerativeLayerParams, data: EncodedData) {
    this.rows = distinctRows(data);
    this.table = layerTable(layer);
    const nRows = this.rows.counts.length;
    this.ones = [];
    for (let r = 0; r < nRows; r++) this.ones.push(onesOf(this.rows.data, r * this.rows.bits, this.rows.bits));
    if (nRows * this.table.states <= STORE_LIMIT) {
      const all = new Float64Array(nRows * this.table.states);
      for (let r = 0; r < nRows; r++)
        logPxAllStates(this.table, this.ones[r], all.subarray(r * this.table.states, (r + 1) * this.table.states));
      this.stored = all;
    } else this.stored = null;
  }
  private scaledCache: { p: Float64Array; max: Float64Array } | null = null;
  /** P(x|h) divided by its row maximum, and the log of that maximum (when stored). */
  scaled(): { p: Float64Array; max: Float64Array } | null {
    if (!this.stored) return null;
    if (this.scaledCache) return this.scaledCache;
    const S = this.table.states;
    const p = new Float64Array(this.stored.length);
    const max = new Float64Array(this.distinct);
    for (let r = 0; r < this.distinct; r++) {
      let m = -Infinity;
      for (let s = 0; s < S; s++) m = Math.max(m, this.stored[r * S + s]);
      max[r] = m;
      for (let s = 0; s < S; s++) p[r * S + s] = Math.exp(this.stored[r * S + s] - m);
    }
    this.scaledCache = { p, max };
    return this.scaledCache;
  }
  get distinct(): number {
    return this.rows.counts.length;
  }
  /** log P(x_r | h_s) over s */
  row(r: number, scratch: Float64Array): Float64Array {
    const S = this.table.states;
    if (this.stored) return this.stored.subarray(r * S, (r + 1) * S);
    return logPxAllStates(this.table, this.ones[r], scratch);
  }
}

function checkUnits(k: number): void {
  if (k > BLM_MAX_UNITS) throw new AppError('eval.blmTooLarge', { k, max: BLM_MAX_UNITS });
}

/** E_x log sum_h P(x|h) Q(h), and optionally the averaged posterior E_x Q(h|x) into `post`. */
export function blmObjective(t: EmTable, logQ: Float64Array, post?: Float64Array): number {
  const S = t.table.states;
  const { counts, total } = t.rows;
  let value = 0;
  if (post) post.fill(0);
  const scaled = t.scaled();
  if (scaled) {
    // P(x|h) / max_h P(x|h) stored once: each step is products and sums, no exp
    const q = logQ.map(Math.exp);
    for (let r = 0; r < t.distinct; r++) {
      const base = r * S;
      let z = 0;
      for (let s = 0; s < S; s++) z += scaled.p[base + s] * q[s];
      const w = counts[r] / total;
      value += w * (Math.log(z) + scaled.max[r]);
      if (post) {
        const c = w / z;
        for (let s = 0; s < S; s++) post[s] += c * scaled.p[base + s] * q[s];
      }
    }
    return value;
  }
  const scratch = new Float64Array(S);
  const joint = new Float64Array(S);
  for (let r = 0; r < t.distinct; r++) {
    const lp = t.row(r, scratch);
    for (let s = 0; s < S; s++) joint[s] = lp[s] + logQ[s];
    const lse = logsumexp(joint);
    const w = counts[r] / total;
    value += w * lse;
    if (post) for (let s = 0; s < S; s++) post[s] += w * Math.exp(joint[s] - lse);
  }
  return value;
}

/** U_D(theta) by EM from a uniform Q (or `init`). */
export function exactBlm(layer: GenerativeLayerParams, k: number, data: EncodedData, opts: BlmOptions = {}): BlmResult {
  checkUnits(k);
  if (layer.weights.rows !== k) throw new Error(`exactBlm: layer has ${layer.weights.rows} units, not ${k}`);
  const t = new LogLikTable(layer, data);
  return emOnTable(t, opts);
}

export function emOnTable(t: EmTable, opts: BlmOptions = {}): BlmResult {
  const S = t.table.states;
  const maxIterations = opts.maxIterations ?? 500;
  const tolerance = opts.tolerance ?? 1e-7;
  let q = opts.init ? Float64Array.from(opts.init) : new Float64Array(S).fill(1 / S);
  const logQ = new Float64Array(S);
  const post = new Float64Array(S);
  const history: number[] = [];
  let iterations = 0;
  let value = -Infinity;
  for (;;) {
    for (let s = 0; s < S; s++) logQ[s] = Math.log(q[s]);
    value = blmObjective(t, logQ, post);
    history.push(value);
    const n = history.length;
    if (iterations >= maxIterations || (n >= 2 && history[n - 1] - history[n - 2] < tolerance)) break;
    q = Float64Array.from(post);
    iterations += 1;
  }
  return { value, q, iterations, history };
}

/** The BLM posterior Q(h|x) ∝ P(x|h) Q(h) of one row x, over all states (log). */
export function blmPosterior(layer: GenerativeLayerParams, q: Float64Array, x: ArrayLike<number>): Float64Array {
  const t = layerTable(layer);
  const lp = logPxAllStates(t, onesOf(x, 0, t.n));
  for (let s = 0; s < lp.length; s++) lp[s] += Math.log(q[s]);
  const lse = logsumexp(lp);
  for (let s = 0; s < lp.length; s++) lp[s] -= lse;
  return lp;
}

/**
 * Codes h_m ~ q_D: pick a training row at random, draw h ~ q(.|x) through the inference
 * model (bits of M codes, row-major [M, k]).
 */
export function drawAggregateCodes(
  inference: InferenceParams,
  k: number,
  data: EncodedData,
  codes: number,
  seed: number,
): Uint8Array {
  const rng = createRng(seed);
  const out = new Uint8Array(codes * k);
  for (let m = 0; m < codes; m++) {
    const r = rng.int(data.rows);
    const logits = inferenceLogits(inference, data.data.subarray(r * data.bits, (r + 1) * data.bits));
    for (let j = 0; j < k; j++) out[m * k + j] = rng.next() < sigmoid(logits[j]) ? 1 : 0;
  }
  return out;
}

/**
 * The auto-encoded estimate E_x log (1/M) sum_m P(x|h_m), h_m ~ q_D (default M = 2048).
 * Its standard error is the row-average of each row's delta-method standard error over the
 * M codes (conservative: the rows share the same codes).
 */
export function autoEncodedBound(
  layer: GenerativeLayerParams,
  inference: InferenceParams,
  k: number,
  data: EncodedData,
  opts: { seed: number; codes?: number },
): Estimate {
  const M = opts.codes ?? 2048;
  const codes = drawAggregateCodes(inference, k, data, M, opts.seed);
  const n = layer.weights.cols;
  // logits of each code: [M, n], and group normalisers
  const logits = new Float64Array(M * n);
  const norm = new Float64Array(M);
  const w = layer.weights.data;
  for (let m = 0; m < M; m++) {
    const base = m * n;
    for (let j = 0; j < n; j++) logits[base + j] = layer.bias[j];
    for (let i = 0; i < k; i++) if (codes[m * k + i]) for (let j = 0; j < n; j++) logits[base + j] += w[i * n + j];
    norm[m] = groupLogNormaliser(layer.groups, logits, base);
  }
  const rows = distinctRows(data);
  const lp = new Float64Array(M);
  let value = 0;
  let se = 0;
  for (let r = 0; r < rows.counts.length; r++) {
    const ones = onesOf(rows.data, r * rows.bits, rows.bits);
    for (let m = 0; m < M; m++) {
      let v = -norm[m];
      const base = m * n;
      for (let i = 0; i < ones.length; i++) v += logits[base + ones[i]];
      lp[m] = v;
    }
    const lse = logsumexp(lp);
    let s1 = 0;
    let s2 = 0;
    for (let m = 0; m < M; m++) {
      const e = Math.exp(lp[m] - lse);
      s1 += e;
      s2 += e * e;
    }
    const mean = s1 / M;
    const varE = Math.max(0, s2 / M - mean * mean);
    const wgt = rows.counts[r] / rows.total;
    value += wgt * (lse - Math.log(M));
    se += (wgt * Math.sqrt(varE / M)) / mean;
  }
  return { value, exact: false, se };
}
