/**
 * The synthesizer: the one path from a CSV's subset to a trained model that writes CSV rows,
 * used alike by the app's service, its engine thread and the CLI — prepare the training set
 * (data layer), fit it (engine) in one call or layer by layer, keep the model with its typed encoding as a bundle (the
 * `.lwm` file), and generate rows from a bundle. Code outside imports only this entry.
 */
export { prepareTraining, TrainingSet, EncodedRows, Bytes } from './training-set.js';
export { checkFit, fitModel, type FitHooks } from './fit.js';
export {
  bundleFromBytes,
  bundleToBytes,
  makeBundle,
  readBundle,
  writeBundle,
  type BundleManifest,
  type ModelBundle,
} from './bundle.js';
export { ruleKeeper, MAX_PASSES as MAX_RULE_PASSES } from './keep-rules.js';
export {
  chunkSeed,
  decodeSample,
  joinChunks,
  sampleEncoded,
  sampleRows,
  streamChunks,
  streamRows,
  STREAM_CHUNK_ROWS,
} from './generate.js';
export {
  checkConditional,
  CONDITION_MIN_PROBABILITY,
  describeConditions,
  fixedSlots,
  mergeReports,
  sampleEncodedGiven,
  streamRowsGiven,
  type ConditionalChunk,
} from './conditional.js';
export {
  makeStackBundle,
  stackBundleToBytes,
  stackBundleFromBytes,
  openModelBytes,
  type StackBundle,
  type StackBundleManifest,
  type OpenedModel,
} from './stack-bundle.js';
export {
  fitNextLayer,
  refitLayer,
  finishFit,
  fineTuneFit,
  suggestSize,
  type StackFit,
  type ModelFit,
  type SuggestHooks,
} from './staged.js';
