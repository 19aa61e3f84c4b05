/**
 * The codec: the contract with the engine. Each used column of a table becomes a group of bits
 * (a softmax group, or one Bernoulli bit), and generated bits come back as rows that look like
 * the user's own. `spec.ts` holds the spec saved in the model file, `build.ts` learns it from
 * training rows, `quantiles.ts` the fine numeric code, `level-code.ts` the compact code of
 * categories with many levels, `encode.ts` turns rows into bits and `decode.ts` bits into rows,
 * `calibration.ts` the calibration of generated numbers.
 */
export {
  ColumnEncoding,
  EncodingSpec,
  columnGroups,
  encodingBits,
  encodingGroups,
  ENCODING_VERSION,
  groupSize,
  isModelled,
  OTHER_TOKEN,
  parseEncodingSpec,
  rareValueSummary,
  RankCalibration,
  type RareValueSummary,
} from './spec.js';
export { buildEncoding, DEFAULT_RARE_MIN, MAX_BINS, MAX_EXACT_VALUES, type EncodingOptions } from './build.js';
export { encodeRows, encodeTable } from './encode.js';
export { MAX_LEVEL_GROUPS, MAX_LEVEL_SLOTS } from './level-code.js';
export { MAX_FINE_BITS, MAX_KNOTS, MIN_ROWS_PER_CELL } from './quantiles.js';
export { decodeRows, rowDecoder } from './decode.js';
export { conditionColumns, conditionSlots, type FixedSlot } from './condition.js';
export { CALIBRATION_ROWS, calibratedColumns, calibrationOf, withCalibrationOf } from './calibration.js';
