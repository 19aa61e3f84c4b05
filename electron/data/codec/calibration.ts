/**
 * Calibration of generated numbers (METHOD.md §8; the spec's `calibration`). The model draws a
 * quantile-coded column's positions with its own error: too many rows in the top positions of
 * a small table, too few in others. A seeded draw of the trained model, read as ranks (a
 * position and a uniform inside it), gives the generated ranks' own distribution; a generated
 * rank is then mapped through it to the rank the training rows have at that level, so each
 * column keeps the training rows' distribution (its tails too) while a row keeps the order of
 * its values among generated rows, hence the model's relations. Here: reading a position from
 * bits, and the calibration's knots from a draw. Pure.
 */
import { quantileKnots, rankOf } from './quantiles.js';
import type { ColumnEncoding, EncodingSpec, RankCalibration } from './spec.js';

/** Generated rows drawn to calibrate (a CDF error of at most ±0.004 or so), and the levels their ranks are kept at (about 160 rows each). */
export const CALIBRATION_ROWS = 20_000;
export const CALIBRATION_LEVELS = 128;

type QuantileColumn = Extract<ColumnEncoding, { kind: 'quantiles' }>;

/** A quantile code's positions (coarse bins × fine positions). */
export const positionsOf = (c: QuantileColumn): number => c.bins * 2 ** c.fineBits;

/** The coded position of a quantile column's bits at `at`, or −1 for "missing". */
export function positionReader(c: QuantileColumn): (bits: ArrayLike<number>, at: number) => number {
  const fine = 2 ** c.fineBits;
  const thermometer = c.coarse === 'thermometer';
  const coarse = c.bins - (thermometer ? 1 : 0);
  const slots = coarse + (c.missing ? 1 : 0);
  return (bits, at) => {
    let slot = 0;
    if (thermometer) {
      if (c.missing && bits[at + coarse]) return -1;
      // The bin is the count of its bits that are on (robust to bits out of order).
      for (let k = 0; k < coarse; k++) slot += bits[at + k];
    } else {
      for (let j = 0; j < slots; j++) if (bits[at + j]) slot = j;
      if (c.missing && slot === c.bins) return -1;
    }
    let low = 0;
    for (let b = 0; b < c.fineBits; b++) low = (low << 1) | bits[at + slots + b];
    return slot * fine + low;
  };
}

/** The knots of one column's calibration: the generated ranks (NaN left out) at equally spaced levels; [] with fewer than 2. */
export function calibrationKnots(ranks: readonly number[], levels = CALIBRATION_LEVELS): number[] {
  const sorted = ranks.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length < 2 ? [] : quantileKnots(sorted, Math.min(levels, sorted.length - 1));
}

/** A generated rank calibrated: its level among the generated ranks (the identity without knots). */
export function calibrated(knots: readonly number[], rank: number): number {
  return knots.length < 2 ? rank : rankOf(knots, rank);
}

/** `spec` with the calibration of a model trained on it (none given: without one, decoded as generated). */
export function withCalibrationOf(spec: EncodingSpec, calibration: RankCalibration | undefined): EncodingSpec {
  const { calibration: _old, ...rest } = spec;
  return calibration ? { ...rest, calibration } : rest;
}
