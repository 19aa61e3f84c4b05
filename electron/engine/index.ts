/**
 * The engine's public entry, the only module code outside `electron/engine/` imports (lint
 * checks it): backend selection, layer-wise training (in one call or stage by stage, with the
 * headroom view and the suggestion of a first layer's size), ancestral sampling, the model as bytes,
 * evaluation, the layer methods (for benchmarks), the method's random test models (for the
 * lab's synthetic dataset), and the plain types they exchange. Everything else is internal.
 */
export { initBackend, backendName, type BackendName } from './backend.js';
export { train, settingsOf, topOf, EVAL_ROWS, BOUND_ROWS, type TrainOptions } from './training/layerwise.js';
export {
  trainNextLayer,
  retrainLayer,
  finishModel,
  fineTuneModel,
  DEFAULT_STACK_SETTINGS,
  type StagedModel,
  type LayerStageResult,
  type StageRunOptions,
} from './training/staged.js';
export type { StageOptions } from './training/stage-run.js';
export { headroom } from './eval/headroom.js';
export {
  suggestFirstLayer,
  candidateSizes,
  candidateLayers,
  DEFAULT_SUGGEST_BUDGET_SECONDS,
  type SuggestOptions,
} from './training/suggest.js';
export { recommend, RECOMMEND_FLOOR } from './training/recommend.js';
export { stackBound } from './eval/stack-bound.js';
export {
  checkTrainingMemory,
  estimateModelFileBytes,
  estimateTrainingMemory,
  ENGINE_MEMORY_BUDGET,
  type MemoryEstimate,
} from './training/memory.js';
export { sampleVisible } from './model/sample.js';
export { sampleVisibleGiven, type ConditionalSample, type FixedSlot } from './model/conditional.js';
export {
  describeModel,
  serializeModel,
  deserializeModel,
  ModelManifest,
  MODEL_FORMAT_VERSION,
  MODEL_EXTENSION,
  type ModelManifestInput,
  type ModelFile,
} from './model/model-file.js';
export { describeStack, serializeStack, StackManifest } from './model/stack-file.js';
export { exactBlm } from './eval/blm.js';
export { layerBound } from './eval/layer-bound.js';
export { exactLogLikelihood, logLikelihood } from './eval/loglik.js';
export { empiricalEntropy } from './float64/rows.js';
export { bernoulliGroups, sampleModel } from './eval/random-models.js';
export { LAYER_METHODS, type LayerMethod, type LayerTrainInput, type TrainedLayer } from './methods/index.js';
export { allBernoulli } from './tensor/groups.js';
export { baseRateLogits } from './tensor/variables.js';
export { toTensor } from './training/loop-control.js';
export { measureSpeed } from './training/calibrate.js';
export type {
  DeepModelParams,
  GenerativeLayerParams,
  InferenceParams,
  TopPriorParams,
  Matrix,
  LayerStack,
  StackedLayer,
  StackData,
} from './model/params.js';
export { isFiniteModel, matrix } from './model/params.js';
