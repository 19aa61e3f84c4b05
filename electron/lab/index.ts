/** Experiments reproducing the method's claims: the experiment runner and layer selection by the BLM bound. */
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
