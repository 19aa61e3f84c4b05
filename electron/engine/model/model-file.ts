/**
 * The model file (`.lwm`) as bytes: one binary (`container.ts`) holding a JSON manifest
 * (format version, app version, backend, configuration and seed, architecture, metrics, plus
 * whatever fields the caller adds, stored as given: the synthesizer adds the data encoding and
 * provenance) and the weights. A complete model has a top prior; a partial one (a stack of
 * layers, `complete: false`, `stack-file.ts`) does not. Reading and writing files is the caller's.
 */
import { z } from 'zod';
import { GroupSpec, Method, TopPrior, TrainConfig, TrainSummary } from '../../../shared/domain/model.js';
import {
  COMPLETE_FORMAT_VERSION,
  parseManifest,
  readContainer,
  WeightList,
  writeContainer,
  type WeightValues,
} from './container.js';
import type { DeepModelParams, GenerativeLayerParams, InferenceParams, TopPriorParams } from './params.js';
import { readLayers, StackDataSchema, StackManifest, stackFromFile, writeLayers } from './stack-file.js';
import type { LayerStack, StackData } from './params.js';

export { MODEL_FORMAT_VERSION } from './container.js';
export const MODEL_EXTENSION = '.lwm';

/** The engine's part of the manifest; other fields are kept as they are (see `describeModel`). */
export const ModelManifest = z.looseObject({
  format: z.literal('layerwise-model'),
  formatVersion: z.number().int().min(1),
  appVersion: z.string(),
  createdAt: z.string(),
  backend: z.string(),
  seed: z.number().int(),
  config: TrainConfig,
  architecture: z.object({
    visible: z.array(GroupSpec),
    sizes: z.array(z.number().int().min(1)),
    methods: z.array(Method),
    inference: z.array(z.enum(['vanilla', 'rich'])),
    top: TopPrior,
    topHidden: z.number().int().min(0),
  }),
  metrics: TrainSummary,
  /** The training rows (count and fingerprint) of a model finished from a stack; absent otherwise. */
  data: StackDataSchema.nullable().optional(),
});
export type ModelManifest = z.infer<typeof ModelManifest>;

export interface ModelManifestInput {
  appVersion: string;
  config: TrainConfig;
  metrics: TrainSummary;
  /** The rows it was trained on, when known (staged training). */
  data?: StackData | null;
}

/** What a model file holds: a complete model, or a stack of layers still without its top prior. */
export type ModelFile =
  | { complete: true; model: DeepModelParams; manifest: ModelManifest }
  | { complete: false; stack: LayerStack; manifest: StackManifest };

function writeTop(w: WeightList, top: TopPriorParams): void {
  if (top.kind === 'bernoulli') w.vec('top/logits', top.logits);
  else if (top.kind === 'table') w.vec('top/logProbs', top.logProbs);
  else {
    w.mat('top/W', top.weights);
    w.vec('top/visibleBias', top.visibleBias);
    w.vec('top/hiddenBias', top.hiddenBias);
  }
}

function readTop(kind: TopPrior, v: WeightValues): TopPriorParams {
  if (kind === 'bernoulli') return { kind, logits: v.vec('top/logits') };
  if (kind === 'table') return { kind, logProbs: Float64Array.from(v.vec('top/logProbs')) };
  return { kind, weights: v.mat('top/W'), visibleBias: v.vec('top/visibleBias'), hiddenBias: v.vec('top/hiddenBias') };
}

/** The manifest of a trained model; a caller may add fields of its own before serialising. */
export function describeModel(model: DeepModelParams, input: ModelManifestInput): ModelManifest {
  return {
    format: 'layerwise-model',
    formatVersion: COMPLETE_FORMAT_VERSION,
    appVersion: input.appVersion,
    createdAt: new Date().toISOString(),
    backend: input.metrics.backend,
    seed: input.config.seed,
    config: input.config,
    architecture: {
      visible: model.visible,
      sizes: model.sizes,
      methods: model.methods,
      inference: model.inference.map((q) => q.kind),
      top: model.top.kind,
      topHidden: model.top.kind === 'rbm' ? model.top.weights.cols : 0,
    },
    metrics: input.metrics,
    ...(input.data ? { data: input.data } : {}),
  };
}

export function serializeModel(model: DeepModelParams, manifest: ModelManifest): Uint8Array {
  const w = new WeightList();
  writeLayers(w, model.generative, model.inference);
  writeTop(w, model.top);
  return writeContainer(manifest, w.items, COMPLETE_FORMAT_VERSION);
}

/** A model file's content: a complete model, or (manifest `complete: false`) a stack of layers. */
export function deserializeModel(bytes: Uint8Array): ModelFile {
  const { manifest: raw, weights } = readContainer(bytes);
  if ((raw as { complete?: unknown } | null)?.complete === false) return stackFromFile(raw, weights);
  const manifest = parseManifest(ModelManifest, raw);
  const arch = manifest.architecture;
  const layers: { generative: GenerativeLayerParams[]; inference: InferenceParams[] } = readLayers(
    weights,
    arch.visible,
    arch.sizes,
    arch.inference,
  );
  const top = readTop(arch.top, weights);
  const model = { visible: arch.visible, sizes: arch.sizes, methods: arch.methods, ...layers, top };
  return { complete: true, model, manifest };
}
