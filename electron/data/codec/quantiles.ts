/**
 * The fine numeric encoding (spec version 2): a number's place in its column is its quantile
 * rank, written as a coarse equal-frequency bin (a softmax slot the model learns jointly with
 * the other columns) followed by `fineBits` bits of the rank's binary expansion inside that bin
 * (Bernoulli units that refine the value). Decoding maps a position back through the column's
 * own quantile function (its knots, so tails come from the data, not from a stretched bin) and
 * rounds to the column's grid (integers stay integers, cents stay cents), never beyond the
 * observed minimum and maximum.
 */
import type { ColumnType } from '../../../shared/domain/data.js';

/** At most this many bits refine a coarse bin (2^4 = 16 positions per bin). */
export const MAX_FINE_BITS = 4;
/** Knots of the stored quantile function: at most this many intervals… */
export const MAX_KNOTS = 256;
/**
 * …and this many training rows per interval below that (*choice*, METHOD.md §8: with 4, the top
 * interval of a 300-row table put the share beyond its 99th percentile off by up to 0.6 points).
 */
export const ROWS_PER_KNOT = 3;
/** At least this many training rows per coded position on average. */
export const MIN_ROWS_PER_CELL = 4;

const DAY = 86_400_000;

/** The smallest step a column's values can take: whole days, seconds, or its decimals. */
export function gridUnit(type: ColumnType, decimals: number): number {
  if (type === 'date') return DAY;
  if (type === 'datetime') return 1000;
  return type === 'integer' ? 1 : 10 ** -Math.min(8, decimals);
}

function gcd(a: number, b: number): number {
  while (b > 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The column's own grid: the largest multiple of `unit` that divides every gap between its
 * distinct values (prices in whole dollars, counts by 5, monthly dates stay on `unit`).
 */
export function gridStep(distinct: readonly number[], unit: number): number {
  const min = distinct[0];
  let g = 0;
  for (const v of distinct) {
    const k = Math.round((v - min) / unit);
    if (k > 0 && k < 2 ** 52) g = gcd(k, g);
    if (g === 1) break;
  }
  return Math.max(1, g) * unit;
}

/**
 * Fine bits for a column of `rows` values with `distinct` distinct ones over `bins` coarse bins:
 * as many as keep every coded position backed by `MIN_ROWS_PER_CELL` rows and a distinct value
 * on average, at most `MAX_FINE_BITS`.
 */
export function fineBitsFor(rows: number, distinct: number, bins: number): number {
  const positions = Math.min(distinct, Math.floor(rows / MIN_ROWS_PER_CELL));
  let bits = 0;
  while (bits < MAX_FINE_BITS && bins * 2 ** (bits + 1) <= positions) bits++;
  return bits;
}

/**
 * The quantile function at `count` + 1 equally spaced ranks of sorted values, linearly
 * interpolated between order statistics; the first knot is the minimum and the last the maximum.
 */
export function quantileKnots(sorted: readonly number[], count: number): number[] {
  const n = sorted.length;
  const knots: number[] = [];
  for (let i = 0; i <= count; i++) {
    const x = (i / count) * (n - 1);
    const j = Math.min(n - 2, Math.floor(x));
    knots.push(n === 1 ? sorted[0] : sorted[j] + (x - j) * (sorted[j + 1] - sorted[j]));
  }
  knots[0] = sorted[0];
  knots[count] = sorted[n - 1];
  for (let i = 1; i <= count; i++) if (knots[i] < knots[i - 1]) knots[i] = knots[i - 1];
  return knots;
}

/** Number of knots strictly below `v` (`strict`) or at most `v`. */
function countBelow(knots: readonly number[], v: number, strict: boolean): number {
  let lo = 0;
  let hi = knots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? knots[mid] < v : knots[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A value's quantile rank in [0, 1] under the knots; a value held by several knots takes their middle. */
export function rankOf(knots: readonly number[], v: number): number {
  const k = knots.length - 1;
  const below = countBelow(knots, v, true);
  const atMost = countBelow(knots, v, false);
  if (atMost > below) return (below + atMost - 1) / 2 / k;
  if (below === 0) return 0;
  if (below > k) return 1;
  const lo = knots[below - 1];
  const hi = knots[below];
  return (below - 1 + (v - lo) / (hi - lo)) / k;
}

/** The coded position (0 .. positions − 1) of a value. */
export function positionOf(knots: readonly number[], positions: number, v: number): number {
  return Math.min(positions - 1, Math.max(0, Math.floor(rankOf(knots, v) * positions)));
}

/** The quantile function at rank `p` in [0, 1], linear between knots. */
function quantileAt(knots: readonly number[], p: number): number {
  const k = knots.length - 1;
  const x = Math.min(k, Math.max(0, p * k));
  const i = Math.min(k - 1, Math.floor(x));
  return knots[i] + (x - i) * (knots[i + 1] - knots[i]);
}

/**
 * The value at a position and a uniform `u` inside it: the quantile function at rank
 * (position + u) / positions, rounded to the grid `min + k·step` — to a grid point inside the
 * position's own range of values when it has one — within [min, max].
 */
export function valueAt(
  knots: readonly number[],
  step: number,
  positions: number,
  position: number,
  u: number,
): number {
  const min = knots[0];
  const onGrid = (v: number, round: (x: number) => number) => min + round((v - min) / step) * step;
  let v = onGrid(quantileAt(knots, (position + u) / positions), Math.round);
  const lo = onGrid(quantileAt(knots, position / positions), (x) => Math.ceil(x - 1e-9));
  const hi = onGrid(quantileAt(knots, (position + 1) / positions), (x) => Math.floor(x + 1e-9));
  if (lo <= hi) v = Math.min(hi, Math.max(lo, v));
  v = Math.min(knots[knots.length - 1], Math.max(min, v));
  return step >= 1 ? v : Number(v.toFixed(12));
}
