/**
 * The small statistics of the privacy evidence: quantiles (linear interpolation between
 * order statistics, numpy's default), rows at distance 0 (exact copies), shares of rows per
 * distance bin for the chart, the nearest-neighbour distance ratio, and the share of
 * generated rows closer to a training row than to a held-out one.
 */
import type { Quantiles } from '../../shared/domain/privacy.js';
import type { Nearest } from './distance-search.js';

/** The q-quantile (0 ≤ q ≤ 1) of sorted finite values; NaN for none. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const at = q * (n - 1);
  const lo = Math.floor(at);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

const finiteSorted = (values: ArrayLike<number>) => Float64Array.from(values).filter(Number.isFinite).sort();

/** The 5th, 25th, 50th, 75th and 95th percentiles of the finite values (0 when there are none). */
export function quantiles(values: ArrayLike<number>): Quantiles {
  const s = finiteSorted(values);
  const q = (p: number) => (s.length > 0 ? quantileOfSorted(s, p) : 0);
  return { p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95) };
}

/** Rows at distance 0 from a training row: their count, of how many, and the rate. */
export function exactCopies(dcr: ArrayLike<number>): { count: number; rows: number; rate: number } {
  let count = 0;
  for (let i = 0; i < dcr.length; i++) if (dcr[i] === 0) count++;
  return { count, rows: dcr.length, rate: dcr.length > 0 ? count / dcr.length : 0 };
}

/** Closest / second closest distance per row; 1 when both are 0 (two identical records: none singled out). */
export function distanceRatios(nearest: Nearest): Float64Array {
  const out = new Float64Array(nearest.first.length);
  for (let i = 0; i < out.length; i++) {
    const a = nearest.first[i];
    const b = nearest.second[i];
    out[i] = b > 0 ? a / b : b === 0 ? 1 : NaN;
  }
  return out;
}

/** Equal-width bins from 0 to the largest distance of either set (at least 0.05), `bins` of them. */
export function binEdges(sets: ArrayLike<number>[], bins = 20): number[] {
  let top = 0.05;
  for (const set of sets) for (let i = 0; i < set.length; i++) if (set[i] > top) top = set[i];
  return Array.from({ length: bins + 1 }, (_, k) => (top * k) / bins);
}

/** The share of values in each bin [e_k, e_k+1) — the last bin closed. */
export function binShares(values: ArrayLike<number>, edges: number[]): number[] {
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    n++;
    let k = 0;
    while (k < bins - 1 && v >= edges[k + 1]) k++;
    counts[k]++;
  }
  return counts.map((c) => (n > 0 ? c / n : 0));
}

/** Share of rows whose distance to the training rows is below that to the held-out rows (ties count half). */
export function closerShare(toTraining: ArrayLike<number>, toHoldout: ArrayLike<number>): number {
  let score = 0;
  for (let i = 0; i < toTraining.length; i++) {
    if (toTraining[i] < toHoldout[i]) score += 1;
    else if (toTraining[i] === toHoldout[i]) score += 0.5;
  }
  return toTraining.length > 0 ? score / toTraining.length : NaN;
}
