/**
 * A partial model in the model file: a stack of trained layers without a top prior
 * (`complete: false`, format version 2). The manifest keeps the stack's settings, the rows it
 * was trained on (row count and fingerprint), each layer's configuration and results; the
 * weights are the layers' (named as in a complete model) plus, for `blm-exact` layers, the
 * log Q their encoder samples with. Also the layers' weights shared with complete models.
 */
import { z } from 'zod';
import { GroupSpec, LayerConfig, LayerResult, Method } from '../../../shared/domain/model.js';
import { StackSettings } from '../../../shared/domain/staged.js';
import { MODEL_FORMAT_VERSION, parseManifest, WeightList, writeContainer, type WeightValues } from './container.js';
import type { GenerativeLayerParams, InferenceParams, LayerStack } from './params.js';

/** The rows a stack (or a model finished from one) was trained on. */
export const StackDataSchema = z.object({
  rows: z.number().int().min(0),
  bits: z.number().int().min(1),
  fingerprint: z.string(),
});

export const StackManifest = z.looseObject({
  format: z.literal('layerwise-model'),
  formatVersion: z.number().int().min(2),
  complete: z.literal(false),
  appVersion: z.string(),
  createdAt: z.string(),
  backend: z.string(),
  settings: StackSettings,
  data: StackDataSchema.nullable(),
  architecture: z.object({
    visible: z.array(GroupSpec),
    sizes: z.array(z.number().int().min(1)).min(1),
    methods: z.array(Method),
    inference: z.array(z.enum(['vanilla', 'rich'])),
  }),
  layers: z.array(z.object({ config: LayerConfig, result: LayerResult })).min(1),
});
export type StackManifest = z.infer<typeof StackManifest>;

export function writeLayers(w: WeightList, generative: GenerativeLayerParams[], inference: InferenceParams[]): void {
  generative.forEach((g, l) => {
    w.mat(`generative/${l}/W`, g.weights);
    w.vec(`generative/${l}/b`, g.bias);
  });
  inference.forEach((q, l) =>
    q.layers.forEach((layer, i) => {
      w.mat(`inference/${l}/${i}/W`, layer.weights);
      w.vec(`inference/${l}/${i}/b`, layer.bias);
    }),
  );
}

export function readLayers(
  v: WeightValues,
  visible: GroupSpec[],
  sizes: number[],
  kinds: ('vanilla' | 'rich')[],
): { generative: GenerativeLayerParams[]; inference: InferenceParams[] } {
  const generative = sizes.map((_, l) => ({
    weights: v.mat(`generative/${l}/W`),
    bias: v.vec(`generative/${l}/b`),
    groups: l === 0 ? visible : Array.from({ length: sizes[l - 1] }, () => ({ kind: 'bernoulli' as const })),
  }));
  const inference = sizes.map((_, l) => {
    const layers = [];
    for (let i = 0; v.has(`inference/${l}/${i}/W`); i++)
      layers.push({ weights: v.mat(`inference/${l}/${i}/W`), bias: v.vec(`inference/${l}/${i}/b`) });
    return { kind: kinds[l], layers };
  });
  return { generative, inference };
}

/** The manifest of a stack; a caller may add fields of its own (the synthesizer: the data encoding). */
export function describeStack(stack: LayerStack, appVersion: string): StackManifest {
  return {
    format: 'layerwise-model',
    formatVersion: MODEL_FORMAT_VERSION,
    complete: false,
    appVersion,
    createdAt: new Date().toISOString(),
    backend: stack.backend,
    settings: stack.settings,
    data: stack.data,
    architecture: {
      visible: stack.visible,
      sizes: stack.layers.map((l) => l.config.units),
      methods: stack.layers.map((l) => l.config.method),
      inference: stack.layers.map((l) => l.inf.kind),
    },
    layers: stack.layers.map((l) => ({ config: l.config, result: l.result })),
  };
}

export function serializeStack(stack: LayerStack, manifest: StackManifest): Uint8Array {
  const w = new WeightList();
  writeLayers(
    w,
    stack.layers.map((l) => l.gen),
    stack.layers.map((l) => l.inf),
  );
  stack.layers.forEach((l, i) => {
    if (l.encoderLogPrior) w.vec(`encoder/${i}/logQ`, l.encoderLogPrior);
  });
  return writeContainer(manifest, w.items, MODEL_FORMAT_VERSION);
}

/** The stack of a partial model file. */
export function stackFromFile(
  raw: unknown,
  v: WeightValues,
): { complete: false; stack: LayerStack; manifest: StackManifest } {
  const manifest = parseManifest(StackManifest, raw);
  const arch = manifest.architecture;
  const { generative, inference } = readLayers(v, arch.visible, arch.sizes, arch.inference);
  const layers = manifest.layers.map((l, i) => ({
    config: l.config,
    gen: generative[i],
    inf: inference[i],
    encoderLogPrior: v.has(`encoder/${i}/logQ`) ? v.vec(`encoder/${i}/logQ`) : null,
    result: l.result,
  }));
  const stack: LayerStack = {
    visible: arch.visible,
    settings: manifest.settings,
    data: manifest.data,
    backend: manifest.backend,
    layers,
  };
  return { complete: false, stack, manifest };
}
