/**
 * Column Shapes as SDMetrics computes them (sdmetrics/single_column/statistical): KSComplement
 * (1 − the two-sample Kolmogorov-Smirnov statistic) for numbers and dates, TVComplement
 * (1 − total variation distance, with SDMetrics' 1e-6 regularisation of levels only the
 * synthetic side has) for categories and yes/no; missing values are dropped first, as there.
 */
import type { Column } from './table.js';

const present = (v: Float64Array): Float64Array => v.filter((x) => !Number.isNaN(x)).sort();

/** The two-sample KS statistic: the largest gap between the empirical CDFs (null when a side is empty). */
export function ksStatistic(a: Float64Array, b: Float64Array): number | null {
  const x = present(a);
  const y = present(b);
  if (x.length === 0 || y.length === 0) return null;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

export function ksComplement(real: Float64Array, synthetic: Float64Array): number | null {
  const d = ksStatistic(real, synthetic);
  return d === null ? null : 1 - d;
}

function counts(codes: Int32Array): Map<number, number> {
  const m = new Map<number, number>();
  for (const c of codes) if (c >= 0) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/** 1 − ½ Σ |p_synthetic − p_real| over the levels, as SDMetrics' TVComplement (null when a side is empty). */
export function tvComplement(real: Int32Array, synthetic: Int32Array): number | null {
  const r = counts(real);
  const s = counts(synthetic);
  let nr = 0;
  let ns = 0;
  for (const v of r.values()) nr += v;
  for (const v of s.values()) ns += v;
  if (nr === 0 || ns === 0) return null;
  for (const level of s.keys())
    if (!r.has(level)) {
      r.set(level, 1e-6);
      nr += 1e-6;
    }
  let tv = 0;
  for (const [level, c] of r) tv += Math.abs((s.get(level) ?? 0) / ns - c / nr);
  return 1 - 0.5 * tv;
}

export function missingRate(c: Column): number {
  const n = c.kind === 'number' ? c.values.length : c.codes.length;
  if (n === 0) return 0;
  let m = 0;
  if (c.kind === 'number') for (const v of c.values) m += Number.isNaN(v) ? 1 : 0;
  else for (const v of c.codes) m += v < 0 ? 1 : 0;
  return m / n;
}

/** The column's shape score of `synthetic` against `real` (same column of two tables). */
export function shapeScore(real: Column, synthetic: Column): number | null {
  if (real.kind === 'number' && synthetic.kind === 'number') return ksComplement(real.values, synthetic.values);
  if (real.kind === 'category' && synthetic.kind === 'category') return tvComplement(real.codes, synthetic.codes);
  return null;
}
