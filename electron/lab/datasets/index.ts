/** The method's own datasets: deep-synthetic (with its true model), digits8x8, a CSV, and seeded splits. */
export {
  deepSynthetic,
  deepSyntheticModel,
  DEEP_SYNTHETIC_SIZES,
  type DeepSyntheticOptions,
} from './deep-synthetic.js';
export { digits8x8, digitsPath, DIGITS_THRESHOLD } from './digits.js';
export { splitRows, type Splits } from './splits.js';
export { loadExperimentData, SPLIT_SEED, type ExperimentData } from './catalog.js';
