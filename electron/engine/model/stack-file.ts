/**
 * A partial model in the model file: a stack of trained layers without a top prior
 * (`complete: false`, format version 2). The manifest keeps the stack's settings, the rows it
 * was trained on (row count and fingerprint), each layer's configuration and results; the
 * weights are the layers' (named as in a complete model) plus, for `blm-exact` layers, the
 * log Q their encoder samples with. Reading checks it as completely as a complete model
 * (`model-check.ts`): lists that agree, supported sizes, exactly the weights the layers imply
 * with their shapes, finite values. Also the layers' weights shared with complete models.
 */
import { z } from 'zod';
import { GroupSpec, LayerResult, Method, StoredLayerConfig } from '../../../shared/domain/model.js';
import { StackSettings } from '../../../shared/domain/staged.js';
import { groupBits } from '../../base/encoded-rows.js';
import {
  declaredShapes,
  MODEL_FORMAT_VERSION,
  parseManifest,
  readWeights,
  WeightList,
  writeContainer,
  type OpenedContainer,
  type WeightValues,
} from './container.js';
import {
  checkLayers,
  checkStackRecords,
  expectedEncoderWeights,
  expectedLayerWeights,
  type LayerArchitecture,
} from './model-check.js';
import { matrix, type GenerativeLayerParams, type InferenceParams, type LayerStack } from './params.js';

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
  layers: z.array(z.object({ config: StoredLayerConfig, result: LayerResult })).min(1),
});
export type StackManifest = z.infer<typeof StackManifest>;

/** The part of a stack manifest that failed to parse, as the reason given. */
const STACK_REASONS: Record<string, string> = {
  settings: 'badConfig',
  data: 'badProvenance',
  architecture: 'badArchitecture',
  layers: 'badLayerRecords',
};

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

/**
 * The layers from weights whose names and shapes were checked against `arch`
 * (`expectedLayerWeights`): each matrix takes the shape the architecture implies.
 */
export function readLayers(
  v: WeightValues,
  arch: LayerArchitecture,
): { generative: GenerativeLayerParams[]; inference: InferenceParams[] } {
  const below = (l: number) => (l === 0 ? groupBits(arch.visible) : arch.sizes[l - 1]);
  const generative = arch.sizes.map((k, l) => ({
    weights: matrix(k, below(l), v.vec(`generative/${l}/W`)),
    bias: v.vec(`generative/${l}/b`),
    groups: l === 0 ? arch.visible : Array.from({ length: below(l) }, () => ({ kind: 'bernoulli' as const })),
  }));
  const inference = arch.sizes.map((_, l) => {
    const layers = [];
    for (let i = 0; v.has(`inference/${l}/${i}/W`); i++)
      layers.push({ weights: v.mat(`inference/${l}/${i}/W`), bias: v.vec(`inference/${l}/${i}/b`) });
    return { kind: arch.inference[l], layers };
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

/** The stack of a partial model file, checked completely before any weight is read. */
export function stackFromFile(opened: OpenedContainer): {
  complete: false;
  stack: LayerStack;
  manifest: StackManifest;
} {
  const manifest = parseManifest(StackManifest, opened.manifest, STACK_REASONS);
  const arch = manifest.architecture;
  checkLayers(
    arch,
    manifest.layers.map((l) => l.config.units),
  );
  checkStackRecords(arch, manifest.layers);
  const declared = declaredShapes(opened);
  const expected = new Map([...expectedLayerWeights(arch, declared), ...expectedEncoderWeights(arch, declared)]);
  const v = readWeights(opened, expected);
  const { generative, inference } = readLayers(v, arch);
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
