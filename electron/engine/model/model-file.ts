/**
 * The model file (`.lwm`) as bytes: one binary (`container.ts`) holding a JSON manifest
 * (format version, app version, backend, configuration and seed, architecture, metrics, plus
 * whatever fields the caller adds, stored as given: the synthesizer adds the data encoding and
 * provenance) and the weights. A complete model has a top prior and is format version 1; a
 * partial one (a stack of layers, `complete: false`, `stack-file.ts`) is version 2 and has
 * none. Reading checks everything (`model-check.ts`): a damaged or edited file is refused
 * with a reason in the user's words, never half-read. Reading and writing files is the caller's.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/domain/errors.js';
import {
  GroupSpec,
  Method,
  StoredTrainConfig,
  TopPrior,
  TrainSummary,
  type TrainConfig,
} from '../../../shared/domain/model.js';
import {
  COMPLETE_FORMAT_VERSION,
  declaredShapes,
  MODEL_FORMAT_VERSION,
  openContainer,
  parseManifest,
  readWeights,
  WeightList,
  writeContainer,
  type OpenedContainer,
  type WeightValues,
} from './container.js';
import { checkArchitecture, checkTopPrior, corrupt, expectedWeights } from './model-check.js';
import type { DeepModelParams, LayerStack, StackData, TopPriorParams } from './params.js';
import { readLayers, StackDataSchema, StackManifest, stackFromFile, writeLayers } from './stack-file.js';

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
  config: StoredTrainConfig,
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

/** The part of a model manifest that failed to parse, as the reason given. */
const MODEL_REASONS: Record<string, string> = {
  config: 'badConfig',
  architecture: 'badArchitecture',
  metrics: 'badMetrics',
  data: 'badProvenance',
};

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

/** The top prior from weights checked against the architecture (`expectedWeights`). */
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

/**
 * A model file's content: a complete model, or (manifest `complete: false`) a stack of layers.
 * Anything unexpected is `model.corrupt` with its reason (never a TypeError); a file of a
 * newer format is `model.newerVersion`.
 */
export function deserializeModel(bytes: Uint8Array): ModelFile {
  try {
    const opened = openContainer(bytes);
    const partial = (opened.manifest as { complete?: unknown } | null)?.complete === false;
    // Each kind has its version: complete models 1, stacks 2 (so version 1 readers call a stack too new).
    const version = partial ? MODEL_FORMAT_VERSION : COMPLETE_FORMAT_VERSION;
    if (opened.version !== version) throw corrupt('versionMismatch', { version: opened.version });
    return partial ? stackFromFile(opened) : readModel(opened);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt('unreadable');
  }
}

function readModel(opened: OpenedContainer): { complete: true; model: DeepModelParams; manifest: ModelManifest } {
  const manifest = parseManifest(ModelManifest, opened.manifest, MODEL_REASONS);
  const arch = manifest.architecture;
  checkArchitecture(
    arch,
    manifest.config.layers.map((l) => l.units),
  );
  const values = readWeights(opened, expectedWeights(arch, declaredShapes(opened)));
  const layers = readLayers(values, arch);
  const top = readTop(arch.top, values);
  const model: DeepModelParams = { visible: arch.visible, sizes: arch.sizes, methods: arch.methods, ...layers, top };
  checkTopPrior(model);
  return { complete: true, model, manifest };
}
