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

/** Each row's pair of values as one number, sorted (equal pairs side by side). */
function sortedKeys(a: Int32Array, b: Int32Array): Float64Array {
  const keys = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) keys[i] = (a[i] + 1) * KEY + (b[i] + 1);
  return keys.sort();
}

/** Calls back with each distinct key of a sorted array and how many times it occurs. */
function runs(keys: Float64Array, each: (key: number, count: number) => void): void {
  for (let i = 0; i < keys.length;) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    each(keys[i], j - i);
    i = j;
  }
}

/** 1 − ½ Σ |p_real(a, b) − p_synthetic(a, b)| over every pair of values seen on either side. */
export function contingencySimilarity(ra: Int32Array, rb: Int32Array, sa: Int32Array, sb: Int32Array): number | null {
  return contingencyOfSorted(sortedKeys(ra, rb), sortedKeys(sa, sb));
}

function contingencyOfSorted(r: Float64Array, s: Float64Array): number | null {
  if (r.length === 0 || s.length === 0) return null;
  let tv = 0;
  let i = 0;
  let j = 0;
  while (i < r.length || j < s.length) {
    const k = Math.min(i < r.length ? r[i] : Infinity, j < s.length ? s[j] : Infinity);
    let cr = 0;
    let cs = 0;
    for (; i < r.length && r[i] === k; i++) cr++;
    for (; j < s.length && s[j] === k; j++) cs++;
    tv += Math.abs(cr / r.length - cs / s.length);
  }
  return 1 - tv / 2;
}

function marginal(a: Int32Array): Map<number, number> {
  const m = new Map<number, number>();
  for (const v of a) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** Cramér's V of the joint table (χ² without continuity correction); null when a side has one value only. */
export function cramersV(a: Int32Array, b: Int32Array): number | null {
  return cramersOfSorted(sortedKeys(a, b), marginal(a), marginal(b));
}

function cramersOfSorted(keys: Float64Array, ma: Map<number, number>, mb: Map<number, number>): number | null {
  const n = keys.length;
  const k = Math.min(ma.size, mb.size);
  if (n === 0 || k < 2) return null;
  // χ² = n (Σ o² / (row · col) − 1) over the observed cells.
  let sum = 0;
  runs(keys, (key, o) => {
    const va = Math.floor(key / KEY) - 1;
    const vb = (key % KEY) - 1;
    sum += (o * o) / ((ma.get(va) ?? 1) * (mb.get(vb) ?? 1));
  });
  const chi2 = Math.max(0, n * (sum - 1));
  return Math.sqrt(chi2 / n / (k - 1));
}

/** Exactly one distinct present value (SDMetrics' `nunique() == 1`: correlation is undefined). */
function isConstant(v: Float64Array): boolean {
  let first = NaN;
  for (const x of v) {
    if (Number.isNaN(x)) continue;
    if (Number.isNaN(first)) first = x;
    else if (x !== first) return false;
  }
  return !Number.isNaN(first);
}

export interface PairScore {
  metric: 'CorrelationSimilarity' | 'ContingencySimilarity';
  score: number | null;
  /** The association in each table (Pearson r, or Cramér's V of the discrete keys). */
  real: number | null;
  synthetic: number | null;
  counted: boolean;
}

/** A table prepared for pair scores: each column's discrete keys, their counts, and whether it is constant. */
export interface PairSide {
  columns: Column[];
  keys: Int32Array[];
  counts: Map<number, number>[];
  constant: boolean[];
}

export function pairSide(columns: Column[]): PairSide {
  const keys = columns.map(discrete);
  return {
    columns,
    keys,
    counts: keys.map(marginal),
    constant: columns.map((c) => c.kind === 'number' && isConstant(c.values)),
  };
}

/** The scores of pair (i, j) of each of `others` against `real`. */
export function pairScoresOf(real: PairSide, others: PairSide[], i: number, j: number): PairScore[] {
  const [ra, rb] = [real.columns[i], real.columns[j]];
  if (ra.kind === 'number' && rb.kind === 'number') {
    const r = pearson(ra.values, rb.values);
    return others.map((o) => {
      const [sa, sb] = [o.columns[i], o.columns[j]];
      const s = sa.kind === 'number' && sb.kind === 'number' ? pearson(sa.values, sb.values) : null;
      const constant = real.constant[i] || real.constant[j] || o.constant[i] || o.constant[j];
      const counted = !constant && r !== null && Math.abs(r) > CORRELATION_THRESHOLD;
      const score = constant || r === null || s === null ? null : 1 - Math.abs(r - s) / 2;
      return { metric: 'CorrelationSimilarity', score, real: r, synthetic: s, counted };
    });
  }
  const rk = sortedKeys(real.keys[i], real.keys[j]);
  const r = cramersOfSorted(rk, real.counts[i], real.counts[j]);
  return others.map((o) => {
    const sk = sortedKeys(o.keys[i], o.keys[j]);
    return {
      metric: 'ContingencySimilarity',
      score: contingencyOfSorted(rk, sk),
      real: r,
      synthetic: cramersOfSorted(sk, o.counts[i], o.counts[j]),
      counted: r !== null && r > ASSOCIATION_THRESHOLD,
    };
  });
}

/** The pair's trend score of the synthetic columns (sa, sb) against the real ones (ra, rb). */
export function pairScore(ra: Column, rb: Column, sa: Column, sb: Column): PairScore {
  return pairScoresOf(pairSide([ra, rb]), [pairSide([sa, sb])], 0, 1)[0];
}
