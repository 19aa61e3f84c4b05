/**
 * Top priors P_top(h_L) (method.md §1): an RBM with its own hidden units, an exact table over
 * the 2^k states, or a factorised Bernoulli. Fitting (by counting, by EM, or RBM training),
 * normalised log-probabilities (RBM log Z exact when a side has <= 20 units, else annealed
 * importance sampling) and sampling.
 */
import type { Estimate } from '../../shared/domain/model.js';
import { logsumexp, sigmoid, softplus } from './numeric.js';
import type { Matrix, TopPriorParams } from './params.js';
import { createRng, type Rng } from './random.js';

export const EXACT_PARTITION_MAX_UNITS = 20;

/** Table prior by counting codes (rows of k bits), with a small smoothing count. */
export function tableFromCodes(codes: Uint8Array, rows: number, k: number, smoothing = 0.01): TopPriorParams {
  const K = 1 << k;
  const counts = new Float64Array(K).fill(smoothing);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let j = 0; j < k; j++) if (codes[r * k + j]) s |= 1 << j;
    counts[s] += 1;
  }
  const total = rows + smoothing * K;
  return { kind: 'table', logProbs: Float64Array.from(counts, (c) => Math.fround(Math.log(c / total))) };
}

/**
 * Table log-probabilities are rounded to float32 here (relative error ~6e-8), because the model
 * file stores weights in the tfjs float32 format: a loaded model is then bit-identical.
 */
export function tableFromDistribution(q: Float64Array): TopPriorParams {
  return { kind: 'table', logProbs: Float64Array.from(q, (p) => Math.fround(p > 0 ? Math.log(p) : -745)) };
}

/** Factorised Bernoulli prior by counting. */
export function bernoulliFromCodes(codes: Uint8Array, rows: number, k: number): TopPriorParams {
  const logits = new Float32Array(k);
  for (let j = 0; j < k; j++) {
    let on = 0;
    for (let r = 0; r < rows; r++) on += codes[r * k + j];
    const p = (on + 0.5) / (rows + 1);
    logits[j] = Math.log(p / (1 - p));
  }
  return { kind: 'bernoulli', logits };
}

function rbmFreeLog(W: Matrix, vb: Float32Array, hb: Float32Array, h: ArrayLike<number>): number {
  // log p*(v) with the RBM's hidden side summed out: b·v + Σ_j softplus(c_j + v·W_j)
  const { rows: k, cols: m, data } = W;
  let s = 0;
  for (let i = 0; i < k; i++) s += vb[i] * h[i];
  for (let j = 0; j < m; j++) {
    let a = hb[j];
    for (let i = 0; i < k; i++) if (h[i]) a += data[i * m + j] * h[i];
    s += softplus(a);
  }
  return s;
}

function transpose(W: Matrix): Matrix {
  const out = new Float32Array(W.rows * W.cols);
  for (let i = 0; i < W.rows; i++) for (let j = 0; j < W.cols; j++) out[j * W.rows + i] = W.data[i * W.cols + j];
  return { rows: W.cols, cols: W.rows, data: out };
}

function enumerateLogZ(W: Matrix, vb: Float32Array, hb: Float32Array): number {
  const k = W.rows;
  const K = 1 << k;
  const vals = new Float64Array(K);
  const bits = new Float64Array(k);
  for (let s = 0; s < K; s++) {
    for (let j = 0; j < k; j++) bits[j] = (s >> j) & 1;
    vals[s] = rbmFreeLog(W, vb, hb, bits);
  }
  return logsumexp(vals);
}

/** log Z of an RBM over binary units: exact when one side is small, else AIS with its spread. */
export function rbmLogPartition(top: Extract<TopPriorParams, { kind: 'rbm' }>, seed = 1): Estimate {
  const { weights: W, visibleBias, hiddenBias } = top;
  if (W.rows <= EXACT_PARTITION_MAX_UNITS && W.rows <= W.cols) return { value: enumerateLogZ(W, visibleBias, hiddenBias), exact: true, se: null };
  if (W.cols <= EXACT_PARTITION_MAX_UNITS) return { value: enumerateLogZ(transpose(W), hiddenBias, visibleBias), exact: true, se: null };
  return aisLogPartition(top, createRng(seed));
}

/** Annealed importance sampling from the uniform RBM (β = 0) to the RBM (β = 1). */
export function aisLogPartition(top: Extract<TopPriorParams, { kind: 'rbm' }>, rng: Rng, runs = 100, steps = 1000): Estimate {
  const { weights: W, visibleBias: vb, hiddenBias: hb } = top;
  const k = W.rows;
  const m = W.cols;
  const logStar = (beta: number, v: Float64Array) => {
    let s = 0;
    for (let i = 0; i < k; i++) s += beta * vb[i] * v[i];
    for (let j = 0; j < m; j++) {
      let a = hb[j];
      for (let i = 0; i < k; i++) if (v[i]) a += W.data[i * m + j];
      s += softplus(beta * a);
    }
    return s;
  };
  const logZ0 = (k + m) * Math.LN2;
  const logW = new Float64Array(runs);
  const v = new Float64Array(k);
  const g = new Float64Array(m);
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < k; i++) v[i] = rng.next() < 0.5 ? 1 : 0;
    let lw = 0;
    for (let t = 1; t <= steps; t++) {
      const b0 = (t - 1) / steps;
      const b1 = t / steps;
      lw += logStar(b1, v) - logStar(b0, v);
      for (let j = 0; j < m; j++) {
        let a = hb[j];
        for (let i = 0; i < k; i++) if (v[i]) a += W.data[i * m + j];
        g[j] = rng.next() < sigmoid(b1 * a) ? 1 : 0;
      }
      for (let i = 0; i < k; i++) {
        let a = vb[i];
        for (let j = 0; j < m; j++) if (g[j]) a += W.data[i * m + j];
        v[i] = rng.next() < sigmoid(b1 * a) ? 1 : 0;
      }
    }
    logW[r] = lw;
  }
  const lme = logsumexp(logW) - Math.log(runs);
  const max = Math.max(...logW);
  const ws = Array.from(logW, (x) => Math.exp(x - max));
  const mean = ws.reduce((a, b) => a + b, 0) / runs;
  const sd = Math.sqrt(ws.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, runs - 1));
  return { value: logZ0 + lme, exact: false, se: mean > 0 ? sd / mean / Math.sqrt(runs) : null };
}

export interface PriorDensity {
  logProb(h: ArrayLike<number>): number;
  logZ: Estimate;
}

export function priorDensity(top: TopPriorParams, seed = 1): PriorDensity {
  switch (top.kind) {
    case 'table':
      return {
        logProb(h) {
          let s = 0;
          for (let j = 0; j < h.length; j++) if (h[j]) s |= 1 << j;
          return top.logProbs[s];
        },
        logZ: { value: 0, exact: true, se: null },
      };
    case 'bernoulli':
      return {
        logProb(h) {
          let s = 0;
          for (let j = 0; j < top.logits.length; j++) s += h[j] * top.logits[j] - softplus(top.logits[j]);
          return s;
        },
        logZ: { value: 0, exact: true, se: null },
      };
    case 'rbm': {
      const logZ = rbmLogPartition(top, seed);
      return { logProb: (h) => rbmFreeLog(top.weights, top.visibleBias, top.hiddenBias, h) - logZ.value, logZ };
    }
  }
}

/** Draws `rows` codes from the prior; RBM priors by a Gibbs chain per row after burn-in. */
export function samplePrior(top: TopPriorParams, k: number, rows: number, rng: Rng, burnIn = 500): Uint8Array {
  const out = new Uint8Array(rows * k);
  if (top.kind === 'table') {
    const cdf = new Float64Array(top.logProbs.length);
    let acc = 0;
    top.logProbs.forEach((lp, s) => (cdf[s] = acc += Math.exp(lp)));
    for (let r = 0; r < rows; r++) {
      const u = rng.next() * acc;
      let lo = 0;
      let hi = cdf.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cdf[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      for (let j = 0; j < k; j++) out[r * k + j] = (lo >> j) & 1;
    }
  } else if (top.kind === 'bernoulli') {
    for (let r = 0; r < rows; r++) for (let j = 0; j < k; j++) out[r * k + j] = rng.next() < sigmoid(top.logits[j]) ? 1 : 0;
  } else {
    const { weights: W, visibleBias: vb, hiddenBias: hb } = top;
    const m = W.cols;
    const v = new Uint8Array(k);
    const g = new Uint8Array(m);
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < k; i++) v[i] = rng.next() < sigmoid(vb[i]) ? 1 : 0;
      for (let t = 0; t < burnIn; t++) {
        for (let j = 0; j < m; j++) {
          let a = hb[j];
          for (let i = 0; i < k; i++) if (v[i]) a += W.data[i * m + j];
          g[j] = rng.next() < sigmoid(a) ? 1 : 0;
        }
        for (let i = 0; i < k; i++) {
          let a = vb[i];
          for (let j = 0; j < m; j++) if (g[j]) a += W.data[i * m + j];
          v[i] = rng.next() < sigmoid(a) ? 1 : 0;
        }
      }
      out.set(v, r * k);
    }
  }
  return out;
}
