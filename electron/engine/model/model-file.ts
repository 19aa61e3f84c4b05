/**
 * The model file (`.lwm`) as bytes: one binary holding a JSON manifest (format version, app
 * version, backend, configuration and seed, architecture, metrics, plus whatever fields the
 * caller adds, stored as given: the synthesizer adds the data encoding and provenance) and the
 * weights in the tfjs weights format (a weightsManifest of {name, shape, dtype} plus one
 * little-endian float32 buffer). Layout: 8 magic bytes "LWMODEL\0", uint32 container version,
 * uint32 JSON length, the JSON, the weight bytes. Reading and writing files is the caller's.
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

export function deserializeModel(bytes: Uint8Array): { model: DeepModelParams; manifest: ModelManifest } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 16 || !buf.subarray(0, 8).equals(MAGIC)) throw new AppError('model.notAModel');
  const version = buf.readUInt32LE(8);
  if (version > MODEL_FORMAT_VERSION)
    throw new AppError('model.newerVersion', { version, supported: MODEL_FORMAT_VERSION });
  const jsonLength = buf.readUInt32LE(12);
  if (16 + jsonLength > buf.length) throw new AppError('model.corrupt', { reason: 'truncated header' });
  let container: z.infer<typeof Container>;
  let manifest: ModelManifest;
  try {
    container = Container.parse(JSON.parse(buf.subarray(16, 16 + jsonLength).toString('utf8')));
    const raw = container.manifest as { formatVersion?: unknown };
    if (typeof raw?.formatVersion === 'number' && raw.formatVersion > MODEL_FORMAT_VERSION) {
      throw new AppError('model.newerVersion', { version: raw.formatVersion, supported: MODEL_FORMAT_VERSION });
    }
    manifest = ModelManifest.parse(container.manifest);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('model.corrupt', {
      reason: err instanceof Error ? err.message.split('\n')[0] : 'invalid manifest',
    });
  }
  const entries = container.weightsManifest[0].weights;
  const values = new Map<string, { shape: number[]; data: Float32Array }>();
  let at = 16 + jsonLength;
  for (const e of entries) {
    const count = e.shape.reduce((a, b) => a * b, 1);
    if (at + count * 4 > buf.length) throw new AppError('model.corrupt', { reason: `weights of ${e.name} truncated` });
    const data = new Float32Array(count);
    for (let i = 0; i < count; i++, at += 4) data[i] = buf.readFloatLE(at);
    values.set(e.name, { shape: e.shape, data });
  }
  const get = (name: string) => {
    const v = values.get(name);
    if (!v) throw new AppError('model.corrupt', { reason: `missing ${name}` });
    return v;
  };
  const mat = (name: string): Matrix => {
    const v = get(name);
    return matrix(v.shape[0], v.shape[1], v.data);
  };
  const arch = manifest.architecture;
  const L = arch.sizes.length;
  const generative = Array.from({ length: L }, (_, l) => ({
    weights: mat(`generative/${l}/W`),
    bias: get(`generative/${l}/b`).data,
    groups: l === 0 ? arch.visible : Array.from({ length: arch.sizes[l - 1] }, () => ({ kind: 'bernoulli' as const })),
  }));
  const inference = Array.from({ length: L }, (_, l) => {
    const layers = [];
    for (let i = 0; values.has(`inference/${l}/${i}/W`); i++)
      layers.push({ weights: mat(`inference/${l}/${i}/W`), bias: get(`inference/${l}/${i}/b`).data });
    return { kind: arch.inference[l], layers };
  });
  let top: TopPriorParams;
  if (arch.top === 'bernoulli') top = { kind: 'bernoulli', logits: get('top/logits').data };
  else if (arch.top === 'table') top = { kind: 'table', logProbs: Float64Array.from(get('top/logProbs').data) };
  else
    top = {
      kind: 'rbm',
      weights: mat('top/W'),
      visibleBias: get('top/visibleBias').data,
      hiddenBias: get('top/hiddenBias').data,
    };
  return {
    model: { visible: arch.visible, sizes: arch.sizes, methods: arch.methods, generative, inference, top },
    manifest,
  };
}
