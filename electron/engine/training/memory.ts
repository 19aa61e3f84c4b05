/**
 * The memory a training run will need, estimated before it starts from the configuration and
 * the data's size, and checked against the engine's budget: a run that would not fit is
 * refused with the setting to lower (the one whose term is largest), instead of failing deep
 * inside the backend (the WebAssembly backend's heap ends at 4 GB) after minutes of work.
 *
 * The estimate counts float32 values: the training rows as a tensor; per layer its
 * parameters four times (value, gradient, Adam's two moments) and its largest intermediate
 * tensors (the S·B rows of logits of the sampled criterion, the 2^k code table of the exact
 * one, the rich inference model's hidden layer), about `ACTIVATION_COPIES` times for the
 * forward and backward passes; the codes passed up; the top RBM likewise. The heaviest stage
 * counts, on top of the data and the layers already trained. It errs on the generous side.
 * Staged training (one layer, or the top prior, per call) checks the stage it runs the same way.
 */
import { AppError } from '../../../shared/domain/errors.js';
import { settingName } from '../../../shared/domain/limits.js';
import type { LayerConfig, TrainConfig } from '../../../shared/domain/model.js';
import { EXACT_CRITERION_MAX_K } from '../methods/ae-criterion.js';

/** Bytes of tensors a run may hold at once (the WebAssembly heap is 4 GB, with room left for the rest). */
export const ENGINE_MEMORY_BUDGET = 2 * 1024 ** 3;
const ACTIVATION_COPIES = 6;
const FLOAT = 4;
/** Rows the exact BLM method evaluates at once. */
const BLM_CHUNK = 512;

type Culprit = 'rows' | 'bits' | 'units' | 'samples' | 'batchSize' | 'inferenceWidth' | 'cdK' | 'topHidden';

/** One part of the estimate, in float32 values, and the setting that drives it. */
interface Term {
  floats: number;
  setting: Culprit;
  layer?: number;
  value: number;
}

export interface MemoryEstimate {
  bytes: number;
  /** The largest term: the setting to lower. */
  largest: { setting: Culprit; layer?: number; value: number };
}

/** Terms of training layer `l` (input width n, k units). */
function layerTerms(layer: LayerConfig, l: number, n: number, rows: number): Term[] {
  const k = layer.units;
  const B = Math.min(layer.batchSize, rows);
  const at = l + 1;
  const units: Term = { floats: 0, setting: l === 0 && k <= 64 ? 'bits' : 'units', layer: at, value: k };
  if (units.setting === 'bits') units.value = n;
  const gen = k * n + n;
  const terms: Term[] = [units];
  if (layer.method === 'rbm') {
    units.floats = 4 * (n * k + n + k);
    const chains = B * (n + k) * (layer.cdK + 2) * ACTIVATION_COPIES;
    terms.push({
      floats: chains,
      setting: layer.cdK > 1 ? 'cdK' : 'batchSize',
      layer: at,
      value: layer.cdK > 1 ? layer.cdK : B,
    });
    return terms;
  }
  const rich = layer.method !== 'ae';
  const W = layer.inferenceWidth ?? Math.max(64, 2 * k);
  const inf = rich ? n * W + W + W * k + k : n * k + k;
  units.floats = 4 * gen + (rich ? 4 * (n * k) : 4 * inf);
  if (rich) {
    const widthSetting: Culprit = layer.inferenceWidth === null ? 'units' : 'inferenceWidth';
    const widthValue = layer.inferenceWidth ?? k;
    terms.push({
      floats: 4 * (n * W + W * k) + B * W * ACTIVATION_COPIES,
      setting: widthSetting,
      layer: at,
      value: widthValue,
    });
  }
  const exact = layer.method === 'blm-exact' || k <= EXACT_CRITERION_MAX_K;
  if (exact) {
    const K = 2 ** k;
    const chunk = layer.method === 'blm-exact' ? Math.min(rows, BLM_CHUNK) : 0;
    terms.push({ floats: (K * n + (B + chunk) * K) * ACTIVATION_COPIES, setting: 'units', layer: at, value: k });
  } else {
    const S = layer.samples;
    const floats = S * B * (n + k) * ACTIVATION_COPIES;
    // Both S and the batch size multiply this term: name the one further above its usual value.
    const samplesHigh = S / 8 >= B / 128;
    terms.push({ floats, setting: samplesHigh ? 'samples' : 'batchSize', layer: at, value: samplesHigh ? S : B });
  }
  return terms;
}

/** The terms of each stage of `config` (layers, then a top RBM), each on top of the layers already trained. */
function stageTerms(
  config: Pick<TrainConfig, 'layers' | 'topPrior' | 'topHidden'>,
  bits: number,
  rows: number,
): Term[][] {
  const stages: Term[][] = [];
  let retained = 0;
  let n = bits;
  config.layers.forEach((layer, l) => {
    const terms = layerTerms(layer, l, n, rows);
    // The codes of the layer's input, fresh each epoch (above the first layer).
    if (l > 0) terms.push({ floats: rows * n * 2, setting: 'rows', value: rows });
    stages.push([{ floats: retained, setting: 'units', layer: l + 1, value: layer.units }, ...terms]);
    retained += terms[0].floats / 4;
    n = layer.units;
  });
  if (config.topPrior === 'rbm') {
    const H = config.topHidden;
    const B = Math.min(config.layers[0].batchSize, rows);
    stages.push([
      { floats: retained, setting: 'units', layer: config.layers.length, value: n },
      { floats: 4 * (n * H + n + H) + B * (n + H) * 3 * ACTIVATION_COPIES, setting: 'topHidden', value: H },
      { floats: rows * n * 2, setting: 'rows', value: rows },
    ]);
  }
  return stages;
}

/** The data's term and the heaviest of `stages`, as an estimate. */
function estimateOf(stages: Term[][], bits: number, rows: number): MemoryEstimate {
  const data: Term = { floats: rows * bits, setting: bits > 2000 ? 'bits' : 'rows', value: bits > 2000 ? bits : rows };
  const sum = (terms: Term[]) => terms.reduce((s, t) => s + t.floats, 0);
  const peak = stages.reduce((best, s) => (sum(s) > sum(best) ? s : best), stages[0] ?? []);
  const all = [data, ...peak];
  const largest = all.reduce((best, t) => (t.floats > best.floats ? t : best), data);
  return {
    bytes: (data.floats + sum(peak)) * FLOAT,
    largest: { setting: largest.setting, layer: largest.layer, value: largest.value },
  };
}

/** The estimate of training `config` on `rows` rows of `bits` bits. */
export function estimateTrainingMemory(config: TrainConfig, bits: number, rows: number): MemoryEstimate {
  return estimateOf(stageTerms(config, bits, rows), bits, rows);
}

/**
 * The estimate of one stage of staged training (METHOD.md §3): training `layer` on top of the
 * layers `below` (whose parameters are held meanwhile) on `rows` rows of `bits` bits. Only
 * that stage counts: the layers below were trained (and checked) by earlier calls.
 */
export function estimateLayerMemory(
  below: LayerConfig[],
  layer: LayerConfig,
  bits: number,
  rows: number,
): MemoryEstimate {
  const stages = stageTerms({ layers: [...below, layer], topPrior: 'bernoulli', topHidden: 0 }, bits, rows);
  return estimateOf(stages.slice(-1), bits, rows);
}

/** The estimate of fitting a top prior (`top`) on the layers `layers` (staged training's last stage). */
export function estimateTopMemory(
  layers: LayerConfig[],
  top: Pick<TrainConfig, 'topPrior' | 'topHidden'>,
  bits: number,
  rows: number,
): MemoryEstimate {
  if (top.topPrior !== 'rbm') return estimateOf([], bits, rows);
  return estimateOf(stageTerms({ layers, ...top }, bits, rows).slice(-1), bits, rows);
}

/** Refuses an estimate over `budget` bytes with `train.tooLarge`, naming the setting to lower. */
export function refuseOverBudget(estimate: MemoryEstimate, budget = ENGINE_MEMORY_BUDGET): MemoryEstimate {
  if (estimate.bytes > budget) {
    const { setting, layer, value } = estimate.largest;
    const mb = (bytes: number) => Math.ceil(bytes / 1024 ** 2);
    const perLayer = setting !== 'rows' && setting !== 'bits' && setting !== 'topHidden';
    throw new AppError('train.tooLarge', {
      needed: mb(estimate.bytes),
      budget: mb(budget),
      ...settingName(setting, perLayer ? layer : undefined),
      value,
    });
  }
  return estimate;
}

/** Refuses a run whose estimate is over `budget` bytes, naming the setting to lower. */
export function checkTrainingMemory(
  config: TrainConfig,
  bits: number,
  rows: number,
  budget = ENGINE_MEMORY_BUDGET,
): MemoryEstimate {
  return refuseOverBudget(estimateTrainingMemory(config, bits, rows), budget);
}

/** Bytes of the model file a run will write (its weights, plus room for its description), for checking the disk first. */
export function estimateModelFileBytes(config: TrainConfig, bits: number): number {
  let n = bits;
  let floats = 0;
  for (const layer of config.layers) {
    const k = layer.units;
    const W = layer.inferenceWidth ?? Math.max(64, 2 * k);
    const rich = layer.method === 'aeries' || layer.method === 'blm-exact';
    floats += k * n + n + (rich ? n * W + W + W * k + k : n * k + k);
    n = k;
  }
  floats +=
    config.topPrior === 'rbm' ? n * config.topHidden + n + config.topHidden : config.topPrior === 'table' ? 2 ** n : n;
  return floats * FLOAT + 1024 ** 2;
}
