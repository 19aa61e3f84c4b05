/**
 * The lab's public entry: experiments reproducing the method's claims (the experiment runner,
 * layer selection by the BLM bound) on the method's own datasets. Not part of the product's
 * pipeline; the CLI's `experiment` and `select-layer` commands use it.
 */
export {
  runExperiment,
  markdownTable,
  type ExperimentOptions,
  type ExperimentReport,
  type ExperimentRow,
} from './experiment.js';
export { selectLayer, type SelectLayerOptions, type SelectLayerReport, type Candidate } from './select-layer.js';
export { experimentConfig, parseLayers, parseMethods, DEFAULT_BUDGET, type Budget } from './configs.js';
export { spearman, ranks, meanSd } from './stats.js';
