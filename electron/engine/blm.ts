/**
 * The best latent marginal (method.md §2.1 and §4): U_D(θ) = max_Q E_x log Σ_h P(x|h) Q(h),
 * computed exactly by the EM fixed point from a uniform Q when the 2^k codes can be
 * enumerated, and otherwise the auto-encoded estimate E_x log (1/M) Σ_m P(x|h_m) with M codes
 * drawn from q_D, with its standard error. Log-probability tables come from tfjs in chunks;
 * EM runs in float64 over distinct rows weighted by their counts.
 */
import * as tf from '@tensorflow/tfjs';
import { mm } from './ops.js';
import { AppError } from '../../shared/domain/errors.js';
import type { Estimate } from '../../shared/domain/model.js';
import type { EncodedData } from './data.js';
import { allStates, groupLayout, logProbTable, sampleBernoulli } from './groups.js';
import { chunks } from './loop.js';
import type { GenerativeLayerParams, InferenceParams } from './params.js';
import { createRng } from './random.js';

export const EXACT_BLM_MAX_K = 16;
/** Largest table (distinct rows x 2^k) the exact computation builds. */
export const EXACT_BLM_MAX_CELLS = 1 << 24;
export const DEFAULT_BOUND_CODES = 2048;

export interface DistinctRows {
  rows: Uint8Array;
  count: number;
  bits: number;
  weights: Float64Array;
}

/** Distinct rows of the data with their frequencies (weights sum to 1). */
export function distinctRows(data: EncodedData): DistinctRows {
  const seen = new Map<string, number>();
  const counts: number[] = [];
  const keep: number[] = [];
  for (let r = 0; r < data.rows; r++) {
    const key = Buffer.from(data.data.buffer, data.data.byteOffset + r * data.bits, data.bits).toString('latin1');
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, counts.length);
      counts.push(1);
      keep.push(r);
    } else counts[at]++;
  }
  const rows = new Uint8Array(keep.length * data.bits);
  keep.forEach((r, i) => rows.set(data.data.subarray(r * data.bits, (r + 1) * data.bits), i * data.bits));
  return { rows, count: keep.length, bits: data.bits, weights: Float64Array.from(counts, (c) => c / data.rows) };
}

/** log P(x_u | h) for every distinct row u and every code h: [U, 2^k] row-major, float64. */
export function logLikTable(gen: GenerativeLayerParams, rows: DistinctRows): Float64Array {
  const k = gen.weights.rows;
  const K = 1 << k;
  const layout = groupLayout(gen.groups);
  const out = new Float64Array(rows.count * K);
  tf.tidy(() => {
    const W = tf.tensor2d(gen.weights.data, [k, gen.weights.cols]);
    const b = tf.tensor1d(gen.bias);
    const logits = tf.add(mm(allStates(k), W), b) as tf.Tensor2D;
    for (const [a, z] of chunks(rows.count, Math.max(1, Math.floor((1 << 22) / K)))) {
      const x = tf.tensor2d(Float32Array.from(rows.rows.subarray(a * rows.bits, z * rows.bits)), [z - a, rows.bits]);
      out.set(logProbTable(layout, logits, x).dataSync(), a * K);
    }
  });
  return out;
}

export interface BlmResult {
  value: number;
  q: Float64Array;
  iterations: number;
  history: number[];
}

/** EM for the best latent marginal on a table [U, K] of log P(x|h) with row weights. */
export function emBlm(table: Float64Array, weights: Float64Array, K: number, opts: { maxIterations?: number; tolerance?: number; init?: Float64Array } = {}): BlmResult {
  const U = weights.length;
  const maxIt = opts.maxIterations ?? 500;
  const tol = opts.tolerance ?? 1e-9;
  let q = opts.init ? Float64Array.from(opts.init) : new Float64Array(K).fill(1 / K);
  const logq = new Float64Array(K);
  const history: number[] = [];
  const row = new Float64Array(K);
  let iterations = 0;
  for (;;) {
    for (let h = 0; h < K; h++) logq[h] = q[h] > 0 ? Math.log(q[h]) : -Infinity;
    const next = new Float64Array(K);
    let objective = 0;
    for (let u = 0; u < U; u++) {
      let max = -Infinity;
      const base = u * K;
      for (let h = 0; h < K; h++) {
        const v = table[base + h] + logq[h];
        row[h] = v;
        if (v > max) max = v;
      }
      let s = 0;
      for (let h = 0; h < K; h++) {
        const e = Math.exp(row[h] - max);
        row[h] = e;
        s += e;
      }
      objective += weights[u] * (max + Math.log(s));
      const w = weights[u] / s;
      for (let h = 0; h < K; h++) next[h] += row[h] * w;
    }
    history.push(objective);
    const n = history.length;
    if (n > maxIt || (n > 1 && Math.abs(history[n - 1] - history[n - 2]) < tol)) break;
    q = next;
    iterations++;
  }
  return { value: history[history.length - 1], q, iterations, history };
}

/** U_D(θ) exactly, for k <= 16. */
export function exactBlm(gen: GenerativeLayerParams, data: EncodedData, opts: { maxIterations?: number; tolerance?: number; init?: Float64Array } = {}): BlmResult {
  const k = gen.weights.rows;
  if (k > EXACT_BLM_MAX_K) throw new AppError('engine.blmTooLarge', { k, max: EXACT_BLM_MAX_K });
  const rows = distinctRows(data);
  return emBlm(logLikTable(gen, rows), rows.weights, 1 << k, opts);
}

/** True when the exact bound is affordable for these data. */
export function exactBlmFeasible(k: number, data: EncodedData): boolean {
  return k <= EXACT_BLM_MAX_K && data.rows * (1 << k) <= EXACT_BLM_MAX_CELLS;
}

/** Codes h ~ q_D: q(h|x') for x' drawn uniformly from the data (seeded). */
export function codesFromData(inf: InferenceParams, data: EncodedData, m: number, seed: number): tf.Tensor2D {
  const rng = createRng(seed);
  const picks = new Int32Array(m);
  for (let i = 0; i < m; i++) picks[i] = rng.int(data.rows);
  return tf.tidy(() => {
    const x = tf.gather(tf.tensor2d(Float32Array.from(data.data), [data.rows, data.bits]), tf.tensor1d(picks, 'int32')) as tf.Tensor2D;
    let a: tf.Tensor2D = x;
    inf.layers.forEach((l, i) => {
      a = tf.add(mm(a, tf.tensor2d(l.weights.data, [l.weights.rows, l.weights.cols])), tf.tensor1d(l.bias));
      if (i + 1 < inf.layers.length) a = tf.tanh(a);
    });
    return sampleBernoulli(a, seed & 0x7fffffff) as tf.Tensor2D;
  });
}

/** The auto-encoded estimate of the bound with M codes from q_D, and its standard error over rows. */
export function autoEncodedBound(gen: GenerativeLayerParams, inf: InferenceParams, data: EncodedData, m: number, seed: number): Estimate {
  const layout = groupLayout(gen.groups);
  const perRow = new Float64Array(data.rows);
  tf.tidy(() => {
    const codes = codesFromData(inf, data, m, seed);
    const logits = tf.add(mm(codes, tf.tensor2d(gen.weights.data, [gen.weights.rows, gen.weights.cols])), tf.tensor1d(gen.bias)) as tf.Tensor2D;
    const all = tf.tensor2d(Float32Array.from(data.data), [data.rows, data.bits]);
    for (const [a, z] of chunks(data.rows, Math.max(1, Math.floor((1 << 22) / m)))) {
      const t = logProbTable(layout, logits, tf.slice(all, [a, 0], [z - a, -1]) as tf.Tensor2D);
      perRow.set(tf.sub(tf.logSumExp(t, 1), Math.log(m)).dataSync(), a);
    }
  });
  return meanEstimate(perRow);
}

export function meanEstimate(values: Float64Array): Estimate {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v / n;
  let varSum = 0;
  for (const v of values) varSum += (v - mean) ** 2;
  const se = n > 1 ? Math.sqrt(varSum / (n - 1) / n) : 0;
  return { value: mean, exact: false, se };
}

/** A layer's BLM bound on some rows: exact when affordable, else the auto-encoded estimate. */
export function layerBound(gen: GenerativeLayerParams, inf: InferenceParams, data: EncodedData, opts: { seed: number; codes?: number }): Estimate {
  const k = gen.weights.rows;
  if (exactBlmFeasible(k, data)) return { value: exactBlm(gen, data).value, exact: true, se: null };
  return autoEncodedBound(gen, inf, data, opts.codes ?? DEFAULT_BOUND_CODES, opts.seed);
}
