/**
 * The calibration of a trained model's generated numbers (METHOD.md §8, "Calibration"): a
 * seeded draw of `CALIBRATION_ROWS` rows from the model, each quantile-coded column read as
 * ranks (its position and a uniform inside it, as decoding reads them), and the knots of their
 * distribution. Added to the encoding the bundle keeps; a version-1 encoding, or one without
 * quantile codes, gets none.
 */
import { createRng } from '../base/random.js';
import {
  CALIBRATION_ROWS,
  calibrationKnots,
  groupSize,
  positionReader,
  positionsOf,
  type EncodingSpec,
} from '../data/index.js';
import { sampleVisible, type DeepModelParams } from '../engine/index.js';

/** The draw's own seed, derived from the training seed (so a fit is reproducible from its config). */
const drawSeed = (seed: number) => (seed ^ 0x0ca11b) | 0;

export function withCalibration(spec: EncodingSpec, model: DeepModelParams, seed: number): EncodingSpec {
  const columns = spec.columns.flatMap((c, i) => (c.kind === 'quantiles' && spec.version >= 2 ? [i] : []));
  if (columns.length === 0) return spec;
  const draw = sampleVisible(model, CALIBRATION_ROWS, drawSeed(seed));
  const rng = createRng(drawSeed(seed));
  const offsets: number[] = [];
  spec.columns.reduce((at, c) => (offsets.push(at), at + groupSize(c)), 0);
  const knots = columns.map((i) => {
    const c = spec.columns[i];
    if (c.kind !== 'quantiles') return [];
    const positions = positionsOf(c);
    const position = positionReader(c);
    const ranks = Array.from({ length: draw.rows }, (_, r) => {
      const p = position(draw.data, r * draw.bits + offsets[i]);
      return p < 0 ? NaN : (p + rng.next()) / positions;
    });
    return calibrationKnots(ranks);
  });
  return { ...spec, calibration: { columns, knots } };
}
