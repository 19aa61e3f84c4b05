/**
 * The model file (`.lwm`) as bytes: one binary holding a JSON manifest (format version, app
 * version, backend, configuration and seed, architecture, metrics, plus whatever fields the
 * caller adds, stored as given: the synthesizer adds the data encoding and provenance) and the
 * weights in the tfjs weights format (a weightsManifest of {name, shape, dtype} plus one
 * little-endian float32 buffer). Layout: 8 magic bytes "LWMODEL\0", uint32 container version,
 * uint32 JSON length, the JSON, the weight bytes. Reading and writing files is the caller's.
 * Reading checks everything (`model-check.ts`): a damaged or edited file is refused with a
 * reason in the user's words, never half-read.
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
import { groupBits } from '../../base/encoded-rows.js';
import {
  checkArchitecture,
  checkFinite,
  checkTopPrior,
  checkWeightList,
  corrupt,
  expectedWeights,
} from './model-check.js';
import { matrix, type DeepModelParams, type Matrix, type TopPriorParams } from './params.js';

export const MODEL_FORMAT_VERSION = 1;
export const MODEL_EXTENSION = '.lwm';
const MAGIC = Buffer.from('LWMODEL\0', 'latin1');

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
});
export type ModelManifest = z.infer<typeof ModelManifest>;

export interface ModelManifestInput {
  appVersion: string;
  config: TrainConfig;
  metrics: TrainSummary;
}

const WeightEntry = z.object({
  name: z.string(),
  shape: z.array(z.number().int().min(0)),
  dtype: z.literal('float32'),
});
const Container = z.object({
  manifest: z.unknown(),
  weightsManifest: z.array(z.object({ paths: z.array(z.string()), weights: z.array(WeightEntry) })).length(1),
});

type Named = { name: string; shape: number[]; values: ArrayLike<number> };

function weightsOf(model: DeepModelParams): Named[] {
  const out: Named[] = [];
  const mat = (name: string, m: Matrix) => out.push({ name, shape: [m.rows, m.cols], values: m.data });
  const vec = (name: string, v: ArrayLike<number>) => out.push({ name, shape: [v.length], values: v });
  model.generative.forEach((g, l) => {
    mat(`generative/${l}/W`, g.weights);
    vec(`generative/${l}/b`, g.bias);
  });
  model.inference.forEach((q, l) =>
    q.layers.forEach((layer, i) => {
      mat(`inference/${l}/${i}/W`, layer.weights);
      vec(`inference/${l}/${i}/b`, layer.bias);
    }),
  );
  const top = model.top;
  if (top.kind === 'bernoulli') vec('top/logits', top.logits);
  else if (top.kind === 'table') vec('top/logProbs', top.logProbs);
  else {
    mat('top/W', top.weights);
    vec('top/visibleBias', top.visibleBias);
    vec('top/hiddenBias', top.hiddenBias);
  }
  return out;
}

/** The manifest of a trained model; a caller may add fields of its own before serialising. */
export function describeModel(model: DeepModelParams, input: ModelManifestInput): ModelManifest {
  return {
    format: 'layerwise-model',
    formatVersion: MODEL_FORMAT_VERSION,
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
  };
}

export function serializeModel(model: DeepModelParams, manifest: ModelManifest): Uint8Array {
  const weights = weightsOf(model);
  const json = Buffer.from(
    JSON.stringify({
      manifest,
      weightsManifest: [
        { paths: ['weights.bin'], weights: weights.map((w) => ({ name: w.name, shape: w.shape, dtype: 'float32' })) },
      ],
    }),
    'utf8',
  );
  const total = weights.reduce((s, w) => s + w.values.length, 0);
  const body = Buffer.alloc(total * 4);
  let at = 0;
  for (const w of weights) for (let i = 0; i < w.values.length; i++, at += 4) body.writeFloatLE(w.values[i], at);
  const head = Buffer.alloc(16);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(MODEL_FORMAT_VERSION, 8);
  head.writeUInt32LE(json.length, 12);
  return new Uint8Array(Buffer.concat([head, json, body]));
}

/** Reads the model; anything unexpected is `model.corrupt` with its reason (never a TypeError). */
export function deserializeModel(bytes: Uint8Array): { model: DeepModelParams; manifest: ModelManifest } {
  try {
    return readModel(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt('unreadable');
  }
}

/** The JSON part: container, weight list and manifest, each refused with its own reason. */
function readHeader(buf: Buffer): { container: z.infer<typeof Container>; manifest: ModelManifest; body: number } {
  if (buf.length < 16 || !buf.subarray(0, 8).equals(MAGIC)) throw new AppError('model.notAModel');
  const version = buf.readUInt32LE(8);
  if (version > MODEL_FORMAT_VERSION)
    throw new AppError('model.newerVersion', { version, supported: MODEL_FORMAT_VERSION });
  if (version < 1) throw corrupt('badVersion', { version });
  const jsonLength = buf.readUInt32LE(12);
  if (jsonLength > buf.length - 16) throw corrupt('truncatedHeader');
  let json: unknown;
  try {
    json = JSON.parse(buf.subarray(16, 16 + jsonLength).toString('utf8'));
  } catch {
    throw corrupt('badJson');
  }
  const container = Container.safeParse(json);
  if (!container.success) throw corrupt('badWeightList');
  const raw = container.data.manifest as { formatVersion?: unknown } | null;
  if (typeof raw?.formatVersion === 'number' && raw.formatVersion > MODEL_FORMAT_VERSION)
    throw new AppError('model.newerVersion', { version: raw.formatVersion, supported: MODEL_FORMAT_VERSION });
  const manifest = ModelManifest.safeParse(container.data.manifest);
  if (!manifest.success) {
    const part = manifest.error.issues[0]?.path[0];
    const reasons: Record<string, string> = {
      config: 'badConfig',
      architecture: 'badArchitecture',
      metrics: 'badMetrics',
    };
    throw corrupt(typeof part === 'string' ? (reasons[part] ?? 'badManifest') : 'badManifest');
  }
  return { container: container.data, manifest: manifest.data, body: 16 + jsonLength };
}

function readModel(buf: Buffer): { model: DeepModelParams; manifest: ModelManifest } {
  const { container, manifest, body } = readHeader(buf);
  const arch = manifest.architecture;
  checkArchitecture(
    arch,
    manifest.config.layers.map((l) => l.units),
  );
  const entries = container.weightsManifest[0].weights;
  checkWeightList(entries, expectedWeights(arch, new Map(entries.map((e) => [e.name, e.shape]))));
  // The weights' sizes are known now: the body must hold exactly them, before anything is allocated.
  let at = body;
  for (const e of entries) {
    at += 4 * e.shape.reduce((a, b) => a * b, 1);
    if (at > buf.length) throw corrupt('truncatedWeights', { name: e.name });
  }
  if (at < buf.length) throw corrupt('extraBytes', { count: buf.length - at });
  const values = new Map<string, Float32Array>();
  at = body;
  for (const e of entries) {
    const data = new Float32Array(e.shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++, at += 4) data[i] = buf.readFloatLE(at);
    checkFinite(e.name, data);
    values.set(e.name, data);
  }
  const get = (name: string) => values.get(name)!;
  const mat = (name: string, rows: number, cols: number): Matrix => matrix(rows, cols, get(name));
  const L = arch.sizes.length;
  const below = (l: number) => (l === 0 ? groupBits(arch.visible) : arch.sizes[l - 1]);
  const generative = arch.sizes.map((k, l) => ({
    weights: mat(`generative/${l}/W`, k, below(l)),
    bias: get(`generative/${l}/b`),
    groups: l === 0 ? arch.visible : Array.from({ length: below(l) }, () => ({ kind: 'bernoulli' as const })),
  }));
  const inference = arch.sizes.map((k, l) => {
    const layers = [];
    for (let i = 0; values.has(`inference/${l}/${i}/W`); i++) {
      const shape = entries.find((e) => e.name === `inference/${l}/${i}/W`)!.shape;
      layers.push({ weights: mat(`inference/${l}/${i}/W`, shape[0], shape[1]), bias: get(`inference/${l}/${i}/b`) });
    }
    return { kind: arch.inference[l], layers };
  });
  const k = arch.sizes[L - 1];
  let top: TopPriorParams;
  if (arch.top === 'bernoulli') top = { kind: 'bernoulli', logits: get('top/logits') };
  else if (arch.top === 'table') top = { kind: 'table', logProbs: Float64Array.from(get('top/logProbs')) };
  else
    top = {
      kind: 'rbm',
      weights: mat('top/W', k, arch.topHidden),
      visibleBias: get('top/visibleBias'),
      hiddenBias: get('top/hiddenBias'),
    };
  const model: DeepModelParams = {
    visible: arch.visible,
    sizes: arch.sizes,
    methods: arch.methods,
    generative,
    inference,
    top,
  };
  checkTopPrior(model);
  return { model, manifest };
}
