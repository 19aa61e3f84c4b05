/**
 * The calibration of a trained model's generated numbers (METHOD.md §8, "Calibration"): a
 * seeded draw of `CALIBRATION_ROWS` rows from the model, read by the codec (`calibrationOf`).
 * Added to the encoding the bundle keeps; a version-1 encoding, or one without quantile codes,
 * gets none (and no draw).
 */
import {
  CALIBRATION_ROWS,
  calibratedColumns,
  calibrationOf,
  withCalibrationOf,
  type EncodingSpec,
} from '../data/index.js';
import { sampleVisible, type DeepModelParams } from '../engine/index.js';

/** The draw's own seed, derived from the training seed (so a fit is reproducible from its config). */
const drawSeed = (seed: number) => (seed ^ 0x0ca11b) | 0;

export function withCalibration(spec: EncodingSpec, model: DeepModelParams, seed: number): EncodingSpec {
  if (calibratedColumns(spec).length === 0) return spec;
  const draw = sampleVisible(model, CALIBRATION_ROWS, drawSeed(seed));
  return withCalibrationOf(spec, calibrationOf(spec, draw, drawSeed(seed)));
}
