/**
 * What a model file must be to be used, checked when it is read: an architecture whose lists
 * agree (sizes, methods, inference models, the configuration's units), sizes within what the
 * application supports, exactly the weights that architecture implies — each with the shape
 * it implies, none missing, none extra — every value finite, and a table prior that is a
 * distribution. A partial model (a stack of layers, no top prior) is checked the same way
 * for its layers (`checkLayers`, `expectedLayerWeights`), plus the log Q its exact-BLM layers
 * keep. Each failure is `model.corrupt` with a reason in the user's words.
 */
import { AppError } from '../../../shared/domain/errors.js';
import type { GroupSpec, Method, TopPrior } from '../../../shared/domain/model.js';
import { groupBits } from '../../base/encoded-rows.js';
import type { DeepModelParams } from './params.js';

/** Sizes a model file may declare (generous: what any version wrote, far below what breaks a reader). */
const MAX_LAYERS = 64;
const MAX_UNITS = 4096;
const MAX_VISIBLE_BITS = 1_000_000;
const MAX_WIDTH = 65_536;
const MAX_TABLE_UNITS = 16;

/** The layers of a model or of a stack. */
export interface LayerArchitecture {
  visible: GroupSpec[];
  sizes: number[];
  methods: Method[];
  inference: ('vanilla' | 'rich')[];
}

export interface Architecture extends LayerArchitecture {
  top: TopPrior;
  topHidden: number;
}

export function corrupt(reason: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('model.corrupt', { ...params, reason: `@reason.${reason}` });
}

/** The lists of the layers agree, their sizes are supported, and the configuration describes the same layers. */
export function checkLayers(arch: LayerArchitecture, configUnits: number[], topHidden = 0): void {
  const L = arch.sizes.length;
  if (L < 1 || arch.methods.length !== L || arch.inference.length !== L)
    throw corrupt('layerLists', { sizes: L, methods: arch.methods.length, inference: arch.inference.length });
  if (arch.visible.length === 0) throw corrupt('noVisible');
  const bits = groupBits(arch.visible);
  if (L > MAX_LAYERS || arch.sizes.some((k) => k > MAX_UNITS) || bits > MAX_VISIBLE_BITS || topHidden > MAX_UNITS)
    throw corrupt('tooLarge');
  if (configUnits.join(',') !== arch.sizes.join(','))
    throw corrupt('configMismatch', { config: configUnits.join(', '), sizes: arch.sizes.join(', ') });
}

/** `checkLayers`, and a top prior its top layer can have. */
export function checkArchitecture(arch: Architecture, configUnits: number[]): void {
  checkLayers(arch, configUnits, arch.topHidden);
  const k = arch.sizes[arch.sizes.length - 1];
  if (arch.top === 'rbm' && arch.topHidden < 1) throw corrupt('topHidden');
  if (arch.top === 'table' && k > MAX_TABLE_UNITS) throw corrupt('tableTooLarge', { k });
}

const shapeText = (shape: readonly number[]) => shape.join('×');

/**
 * The weights the layers imply, by name, with their shapes. The width of a rich inference
 * model is not in the architecture: it is read from the file (`declared`), and must then be
 * the same for both of its maps.
 */
export function expectedLayerWeights(
  arch: LayerArchitecture,
  declared: ReadonlyMap<string, number[]>,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const below = (l: number) => (l === 0 ? groupBits(arch.visible) : arch.sizes[l - 1]);
  arch.sizes.forEach((k, l) => {
    const n = below(l);
    out.set(`generative/${l}/W`, [k, n]);
    out.set(`generative/${l}/b`, [n]);
    if (arch.inference[l] === 'vanilla') {
      out.set(`inference/${l}/0/W`, [n, k]);
      out.set(`inference/${l}/0/b`, [k]);
      return;
    }
    const first = declared.get(`inference/${l}/0/W`);
    const width = first?.length === 2 && first[1] >= 1 && first[1] <= MAX_WIDTH ? first[1] : 64;
    out.set(`inference/${l}/0/W`, [n, width]);
    out.set(`inference/${l}/0/b`, [width]);
    out.set(`inference/${l}/1/W`, [width, k]);
    out.set(`inference/${l}/1/b`, [k]);
  });
  return out;
}

/** The weights the architecture implies: the layers' and the top prior's. */
export function expectedWeights(arch: Architecture, declared: ReadonlyMap<string, number[]>): Map<string, number[]> {
  const out = expectedLayerWeights(arch, declared);
  const k = arch.sizes[arch.sizes.length - 1];
  if (arch.top === 'bernoulli') out.set('top/logits', [k]);
  else if (arch.top === 'table') out.set('top/logProbs', [2 ** k]);
  else {
    out.set('top/W', [k, arch.topHidden]);
    out.set('top/visibleBias', [k]);
    out.set('top/hiddenBias', [arch.topHidden]);
  }
  return out;
}

/**
 * The log Q each `blm-exact` layer of a stack may keep (2^k values, k at most 16 as for the
 * method itself): expected when the file declares it, refused on any other layer.
 */
export function expectedEncoderWeights(
  arch: LayerArchitecture,
  declared: ReadonlyMap<string, number[]>,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  arch.sizes.forEach((k, l) => {
    const name = `encoder/${l}/logQ`;
    if (declared.has(name) && arch.methods[l] === 'blm-exact' && k <= MAX_TABLE_UNITS) out.set(name, [2 ** k]);
  });
  return out;
}

/**
 * Each layer a stack records (its settings and results) is the layer its architecture
 * describes: same method, same units, same place (the settings' units are `checkLayers`').
 */
export function checkStackRecords(
  arch: LayerArchitecture,
  records: readonly { config: { method: Method }; result: { layer: number; units: number; method: Method } }[],
): void {
  records.forEach(({ config, result }, l) => {
    const same = config.method === arch.methods[l] && result.method === arch.methods[l];
    if (!same || result.units !== arch.sizes[l] || result.layer !== l) throw corrupt('stackRecord', { layer: l + 1 });
  });
}

/** The file's list of weights is exactly the expected one: no duplicate, none unknown, none missing, each of its shape. */
export function checkWeightList(
  entries: readonly { name: string; shape: number[] }[],
  expected: ReadonlyMap<string, number[]>,
): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.name)) throw corrupt('duplicateWeight', { name: e.name });
    seen.add(e.name);
    const shape = expected.get(e.name);
    if (!shape) throw corrupt('unexpectedWeight', { name: e.name });
    if (shapeText(shape) !== shapeText(e.shape))
      throw corrupt('weightShape', {
        name: e.name,
        actual: shapeText(e.shape) || 'scalar',
        expected: shapeText(shape),
      });
  }
  for (const name of expected.keys()) if (!seen.has(name)) throw corrupt('missingWeight', { name });
}

/** Every value finite, by weight name. */
export function checkFinite(name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) throw corrupt('nonFinite', { name });
}

/** A table prior's probabilities add up to one (within float32 rounding). */
export function checkTopPrior(model: DeepModelParams): void {
  if (model.top.kind !== 'table') return;
  const lp = model.top.logProbs;
  let max = -Infinity;
  for (const v of lp) max = Math.max(max, v);
  let sum = 0;
  for (const v of lp) sum += Math.exp(v - max);
  const logTotal = max + Math.log(sum);
  if (!(Math.abs(logTotal) < 1e-3)) throw corrupt('tableNotDistribution');
}
