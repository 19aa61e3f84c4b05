/**
 * Small regularised linear models in plain TypeScript, deterministic: ridge regression (normal
 * equations; several targets share one factorisation) and logistic regression (Newton / IRLS with a small ridge), on a row-major design
 * matrix whose first column is the intercept (not penalised).
 */

/** Solves A x = b for a symmetric positive-definite A (n × n, row-major) by Cholesky; A is overwritten. */
export function solveSpd(a: Float64Array, b: Float64Array, n: number): Float64Array {
  cholesky(a, n);
  return solveFactored(a, b, n);
}

/** A's Cholesky factor L (lower triangle, in place). */
export function cholesky(a: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
    d = Math.sqrt(Math.max(d, 1e-12));
    a[j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / d;
    }
  }
}

/** Solves L Lᵀ x = b with the factor of `cholesky`. */
export function solveFactored(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= a[i * n + k] * y[k];
    y[i] = s / a[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= a[k * n + i] * x[k];
    x[i] = s / a[i * n + i];
  }
  return x;
}

/** Xᵀ W X + λ I (intercept unpenalised) and Xᵀ W z, for rows × w matrix x; only each row's non-zero entries are visited. */
function normalEquations(x: Float64Array, w: number, weight: Float64Array, z: Float64Array, lambda: number) {
  const n = weight.length;
  const a = new Float64Array(w * w);
  const b = new Float64Array(w);
  const nz = new Int32Array(w);
  for (let r = 0; r < n; r++) {
    const o = r * w;
    const wr = weight[r];
    if (wr === 0) continue;
    let m = 0;
    for (let i = 0; i < w; i++) if (x[o + i] !== 0) nz[m++] = i;
    for (let p = 0; p < m; p++) {
      const i = nz[p];
      const xi = x[o + i] * wr;
      b[i] += xi * z[r];
      for (let q = 0; q <= p; q++) a[i * w + nz[q]] += xi * x[o + nz[q]];
    }
  }
  for (let i = 0; i < w; i++) {
    for (let j = 0; j < i; j++) a[j * w + i] = a[i * w + j];
    if (i > 0) a[i * w + i] += lambda;
  }
  return { a, b };
}

export function predictLinear(x: Float64Array, w: number, beta: Float64Array): Float64Array {
  const n = x.length / w;
  const out = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let i = 0; i < w; i++) s += x[r * w + i] * beta[i];
    out[r] = s;
  }
  return out;
}

export function ridge(x: Float64Array, w: number, y: Float64Array, lambda = 1): Float64Array {
  return ridgeMany(x, w, [y], lambda)[0];
}

/** Ridge regressions of several targets on the same rows: one factorisation, one solve each. */
export function ridgeMany(x: Float64Array, w: number, ys: Float64Array[], lambda = 1): Float64Array[] {
  const n = x.length / w;
  const { a } = normalEquations(x, w, new Float64Array(n).fill(1), new Float64Array(n), lambda);
  cholesky(a, w);
  return ys.map((y) => {
    const b = new Float64Array(w);
    for (let r = 0; r < n; r++) {
      if (y[r] === 0) continue;
      for (let i = 0; i < w; i++) b[i] += x[r * w + i] * y[r];
    }
    return solveFactored(a, b, w);
  });
}

const sigmoid = (t: number): number => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/** Logistic regression of y ∈ {0, 1} by Newton steps (IRLS), at most `iterations`. */
export function logistic(x: Float64Array, w: number, y: Float64Array, lambda = 1e-2, iterations = 12): Float64Array {
  const n = y.length;
  let beta: Float64Array = new Float64Array(w);
  const weight = new Float64Array(n);
  const z = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    const eta = predictLinear(x, w, beta);
    for (let r = 0; r < n; r++) {
      const p = sigmoid(eta[r]);
      const v = Math.max(p * (1 - p), 1e-9);
      weight[r] = v;
      z[r] = eta[r] + (y[r] - p) / v;
    }
    const { a, b } = normalEquations(x, w, weight, z, lambda);
    const next = solveSpd(a, b, w);
    let change = 0;
    for (let i = 0; i < w; i++) change = Math.max(change, Math.abs(next[i] - beta[i]));
    beta = next;
    if (change < 1e-6) break;
  }
  return beta;
}

export function predictProbability(x: Float64Array, w: number, beta: Float64Array): Float64Array {
  return predictLinear(x, w, beta).map(sigmoid);
}
