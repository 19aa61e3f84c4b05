/**
 * The engine's public API: backend selection, layer-wise training, ancestral sampling, the
 * `.lwm` model file, evaluation entry points, and the plain types they exchange. Everything
 * else under electron/engine is internal.
 */
export { initBackend, backendName, type BackendName } from './backend.js';
export { train, type TrainOptions } from './training/layerwise.js';
export { sampleVisible } from './model/sample.js';
export {
  serializeModel,
  deserializeModel,
  writeModelFile,
  readModelFile,
  ModelManifest,
  MODEL_FORMAT_VERSION,
  MODEL_EXTENSION,
  type ModelManifestInput,
} from './model/model-file.js';
export { exactBlm } from './eval/blm.js';
export { layerBound } from './eval/layer-bound.js';
export { logLikelihood } from './eval/loglik.js';
export { encodedData, selectRows, type EncodedData } from '../base/encoded-rows.js';
export { createRng, type Rng } from '../base/random.js';
export type {
  DeepModelParams,
  GenerativeLayerParams,
  InferenceParams,
  TopPriorParams,
  Matrix,
} from './model/params.js';
