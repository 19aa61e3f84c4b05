/**
 * Column Pair Trends as SDMetrics' QualityReport computes them
 * (sdmetrics/reports/single_table/_properties/column_pair_trends.py): CorrelationSimilarity
 * (1 − |r_real − r_synthetic| / 2, Pearson on the rows where both are present) for two
 * numbers or dates, ContingencySimilarity (1 − total variation distance of the joint
 * frequencies, missing values as their own value) otherwise, a number being cut first into
 * ten equal-width bins over each table's own range (numpy's `histogram_bin_edges` and
 * `digitize`: a missing value falls with the maximum). A pair counts in the average when the
 * real rows' |r| exceeds 0.5, or their Cramér's V exceeds 0.3 (QualityReport's defaults).
 */
import type { Column } from './table.js';

export const CORRELATION_THRESHOLD = 0.5;
export const ASSOCIATION_THRESHOLD = 0.3;
const BINS = 10;

/** Pearson's r over the rows where both values are present; null when undefined (constant, too few rows). */
export function pearson(x: Float64Array, y: Float64Array): number | null {
  let n = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < x.length; i++)
    if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) {
      n++;
      mx += x[i];
      my += y[i];
    }
  if (n < 2) return null;
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++)
    if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) {
      const dx = x[i] - mx;
      const dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Ten equal-width bins over the present values' range (±0.5 when constant), as numpy's `histogram_bin_edges`. */
export function binEdges(values: Float64Array): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values)
    if (!Number.isNaN(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (lo === Infinity) [lo, hi] = [0, 1];
  else if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  const step = (hi - lo) / BINS;
  return Array.from({ length: BINS + 1 }, (_, i) => (i === BINS ? hi : lo + i * step));
}

/** numpy's `digitize`: the index i with edges[i-1] ≤ v < edges[i]; a missing value gets edges.length. */
export function digitize(values: Float64Array, edges: number[]): Int32Array {
  return Int32Array.from(values, (v) => {
    if (Number.isNaN(v)) return edges.length;
    let i = 0;
    while (i < edges.length && v >= edges[i]) i++;
    return i;
  });
}

/** A column as discrete keys: categories as their codes (missing −1), numbers binned on their own range. */
export function discrete(c: Column): Int32Array {
  return c.kind === 'category' ? c.codes : digitize(c.values, binEdges(c.values));
}

const KEY = 1 << 20;
function jointCounts(a: Int32Array, b: Int32Array): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const k = (a[i] + 1) * KEY + (b[i] + 1);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** 1 − ½ Σ |p_real(a, b) − p_synthetic(a, b)| over every pair of values seen on either side. */
export function contingencySimilarity(ra: Int32Array, rb: Int32Array, sa: Int32Array, sb: Int32Array): number | null {
  if (ra.length === 0 || sa.length === 0) return null;
  const r = jointCounts(ra, rb);
  const s = jointCounts(sa, sb);
  let tv = 0;
  for (const [k, c] of r) tv += Math.abs(c / ra.length - (s.get(k) ?? 0) / sa.length);
  for (const [k, c] of s) if (!r.has(k)) tv += c / sa.length;
  return 1 - tv / 2;
}

/** Cramér's V of the joint table (χ² without continuity correction); null when a side has one value only. */
export function cramersV(a: Int32Array, b: Int32Array): number | null {
  const joint = jointCounts(a, b);
  const ra = new Map<number, number>();
  const rb = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    ra.set(a[i], (ra.get(a[i]) ?? 0) + 1);
    rb.set(b[i], (rb.get(b[i]) ?? 0) + 1);
  }
  const n = a.length;
  const k = Math.min(ra.size, rb.size);
  if (n === 0 || k < 2) return null;
  let chi2 = 0;
  for (const [va, ca] of ra)
    for (const [vb, cb] of rb) {
      const e = (ca * cb) / n;
      const o = joint.get((va + 1) * KEY + (vb + 1)) ?? 0;
      chi2 += ((o - e) * (o - e)) / e;
    }
  return Math.sqrt(chi2 / n / (k - 1));
}

const nunique = (v: Float64Array): number => new Set(Array.from(v).filter((x) => !Number.isNaN(x))).size;

export interface PairScore {
  metric: 'CorrelationSimilarity' | 'ContingencySimilarity';
  score: number | null;
  /** The association in each table (Pearson r, or Cramér's V of the discrete keys). */
  real: number | null;
  synthetic: number | null;
  counted: boolean;
}

/** The pair's trend score of the synthetic columns (sa, sb) against the real ones (ra, rb). */
export function pairScore(ra: Column, rb: Column, sa: Column, sb: Column): PairScore {
  if (ra.kind === 'number' && rb.kind === 'number' && sa.kind === 'number' && sb.kind === 'number') {
    const constant = [ra, rb, sa, sb].some((c) => nunique(c.values) === 1);
    const real = pearson(ra.values, rb.values);
    const synthetic = pearson(sa.values, sb.values);
    const counted = !constant && real !== null && Math.abs(real) > CORRELATION_THRESHOLD;
    const score = constant || real === null || synthetic === null ? null : 1 - Math.abs(real - synthetic) / 2;
    return { metric: 'CorrelationSimilarity', score, real, synthetic, counted };
  }
  const [dra, drb, dsa, dsb] = [ra, rb, sa, sb].map(discrete);
  const real = cramersV(dra, drb);
  return {
    metric: 'ContingencySimilarity',
    score: contingencySimilarity(dra, drb, dsa, dsb),
    real,
    synthetic: cramersV(dsa, dsb),
    counted: real !== null && real > ASSOCIATION_THRESHOLD,
  };
}
