/**
 * What a training run costs, in work units that the engine's speed turns into seconds: used
 * for the time estimate shown before a run (`train.estimate`) and to weigh the stages still to
 * go in the time left during one (a layer of 12 units with the exact criterion costs far more
 * per row than the top prior). A model of the engine's arithmetic, not a measurement: units
 * are multiply-adds of a forward pass per row and epoch (the backward pass is proportional),
 * and float64 operations of the evaluations (METHOD.md §4). `bench/estimate.ts` prints the
 * estimate beside measured runs on the sample data.
 */
import type { LayerConfig, TrainConfig } from './model.js';

/** Codes the auto-encoder criterion enumerates instead of sampling up to this width (ae-criterion.ts). */
const EXACT_CRITERION_MAX_K = 12;
/** Per-layer bound: rows (subsample), exact table size, EM budget and codes of the estimate (layer-bound.ts). */
const BOUND_ROWS = 4000;
const EXACT_BOUND_CELLS = 2 ** 22;
const EXACT_BOUND_WORK = 4e9;
const BOUND_CODES = 2048;
/** Model log-likelihood: rows per set, importance samples, enumeration limits (loglik.ts). */
const EVAL_ROWS = 1000;
const EVAL_SAMPLES = 50;
const LAYER_ENUM_MAX = 20;
const PAIR_ENUM_MAX = 24;
/** Fine-tuning's chains per row (finetune.ts). */
const FINETUNE_CHAINS = 8;
/**
 * Seconds of an evaluation work unit relative to one plain float64 multiply-add of the engine
 * thread (its measured speed): the evaluations also draw random numbers, take exponentials
 * and logarithms. Fitted on the runs of `bench/estimate.ts` (2 shared cores, wasm).
 */
export const EVAL_OP_COST = 2.5;

/** The data a run trains and is evaluated on. */
export interface CostShape {
  /** Encoded bits per row and the visible groups they form. */
  bits: number;
  groups: number;
  /** Rows the layers train on (after a validation hold-out), validation, test and outside rows. */
  trainRows: number;
  validRows: number;
  testRows: number;
  outsideRows: number;
}

/** How fast this machine runs the engine, measured on the engine thread. */
export interface MachineSpeed {
  /** Rows per second of the first layer's training on this data. */
  layer0RowsPerSecond: number;
  /** Plain float64 multiply-adds per second. */
  opsPerSecond: number;
}

const inputBits = (config: TrainConfig, bits: number, l: number) => (l === 0 ? bits : config.layers[l - 1].units);
const richWidth = (layer: LayerConfig) => layer.inferenceWidth ?? Math.max(64, 2 * layer.units);

/** Work of layer l's encoder per row: what passing a row's code up through it costs. */
function encoderWork(config: TrainConfig, bits: number, l: number): number {
  const layer = config.layers[l];
  const n = inputBits(config, bits, l);
  const k = layer.units;
  if (layer.method === 'aeries') return n * richWidth(layer) + richWidth(layer) * k;
  // blm-exact encodes with the exact posterior over its 2^k codes.
  if (layer.method === 'blm-exact') return 2 ** k * n;
  return n * k;
}

/** Work of one training row of layer l in one epoch (its codes passed up from the rows included). */
function layerWork(config: TrainConfig, bits: number, l: number): number {
  const layer = config.layers[l];
  const n = inputBits(config, bits, l);
  const k = layer.units;
  let below = 0;
  for (let j = 0; j < l; j++) below += encoderWork(config, bits, j);
  const batch = Math.max(1, layer.batchSize);
  let own: number;
  if (layer.method === 'rbm') own = (2 + 2 * layer.cdK) * n * k;
  else if (layer.method === 'blm-exact') own = 2 ** k * n + (2 ** k * k * n) / batch + n * richWidth(layer);
  else {
    const inference = layer.method === 'aeries' ? n * richWidth(layer) + richWidth(layer) * k : n * k;
    const criterion = k <= EXACT_CRITERION_MAX_K ? 2 ** k * n + (2 ** k * k * n) / batch : layer.samples * (k * n + n);
    own = inference + criterion;
  }
  return below + own;
}

/** One stage of a run: its epochs and the work of each row in each of them. */
export interface Stage {
  stage: 'layer' | 'top' | 'finetune';
  epochs: number;
  workPerRow: number;
}

/** The stages of a run in order: every layer, the top prior, fine-tuning (zero epochs when off). */
export function runStages(config: TrainConfig, bits: number): Stage[] {
  const L = config.layers.length;
  let upAll = 0;
  for (let j = 0; j < L; j++) upAll += encoderWork(config, bits, j);
  const kL = config.layers[L - 1].units;
  const top: Stage =
    config.topPrior === 'rbm'
      ? { stage: 'top', epochs: Math.max(1, config.topEpochs), workPerRow: upAll + 4 * kL * config.topHidden }
      : { stage: 'top', epochs: 1, workPerRow: upAll };
  let generative = 0;
  for (let l = 0; l < L; l++) generative += inputBits(config, bits, l) * config.layers[l].units;
  return [
    ...config.layers.map((layer, l) => ({
      stage: 'layer' as const,
      epochs: layer.epochs,
      workPerRow: layerWork(config, bits, l),
    })),
    top,
    { stage: 'finetune', epochs: config.fineTuneEpochs, workPerRow: FINETUNE_CHAINS * 3 * (upAll + generative) },
  ];
}

/**
 * The training rows of every stage after stage `s` (an index of `runStages`), counted in rows
 * of stage s's cost: what the time left of stage s adds for the rest of the run.
 */
export function rowsAfterStage(config: TrainConfig, bits: number, rows: number, s: number): number {
  const stages = runStages(config, bits);
  const own = stages[s].workPerRow;
  let after = 0;
  for (let t = s + 1; t < stages.length; t++) after += (stages[t].epochs * rows * stages[t].workPerRow) / own;
  return Math.round(after);
}

/** Evaluation work of one layer's bound on `rows` rows (exact EM, or the auto-encoded estimate). */
function boundOps(k: number, n: number, groups: number, rows: number): number {
  const r = Math.min(BOUND_ROWS, rows);
  if (r === 0) return 0;
  const cells = r * 2 ** k;
  if (k <= 16 && cells <= EXACT_BOUND_CELLS) {
    const iterations = Math.max(100, Math.min(1000, Math.floor(EXACT_BOUND_WORK / cells)));
    return 2 ** k * k * n + iterations * cells;
  }
  return BOUND_CODES * k * n + r * BOUND_CODES * (groups + 3);
}

/**
 * Work per row and state of an enumerated log-likelihood besides the logits summed: its share of
 * the log-sum-exp and the prior (*choice*, from birdstrikes: 13 units, 3,000 rows, 31 groups, 7 s).
 */
const STATE_OPS = 16;

/**
 * Evaluation work of the model's log-likelihood on `rows` rows (enumeration or importance
 * sampling). Enumeration sums, per row and state, the logits of the row's bits that are on
 * (`float64/states.ts`): at most one per group, so `groups` per row, not `bits`, plus STATE_OPS.
 */
function loglikOps(config: TrainConfig, bits: number, groups: number, rows: number): number {
  const r = Math.min(EVAL_ROWS, rows);
  if (r === 0) return 0;
  const sizes = config.layers.map((l) => l.units);
  const kL = sizes[sizes.length - 1];
  const topExact = config.topPrior !== 'rbm' || config.topHidden <= LAYER_ENUM_MAX;
  const exact =
    sizes.every((k) => k <= LAYER_ENUM_MAX) &&
    sizes.every((k, l) => l + 1 >= sizes.length || k + sizes[l + 1] <= PAIR_ENUM_MAX) &&
    topExact;
  if (exact) {
    let pairs = 0;
    for (let l = 1; l < sizes.length; l++) pairs += 2 ** (sizes[l - 1] + sizes[l]) * sizes[l];
    return r * 2 ** sizes[0] * Math.min(bits, groups + STATE_OPS) + pairs;
  }
  let chain = 0;
  for (let l = 0; l < sizes.length; l++)
    chain += encoderWork(config, bits, l) + inputBits(config, bits, l) * config.layers[l].units;
  const ais = config.topPrior === 'rbm' && !topExact ? 100 * 1000 * 4 * kL * config.topHidden : 0;
  return r * EVAL_SAMPLES * chain + ais;
}

/** EM steps at most when a single layer's table prior is its best latent marginal (`exactBlm`'s default). */
const TABLE_EM_STEPS = 500;

/** Float64 work of fitting a single layer's table prior by EM on all training rows (top-fit.ts), when it does. */
function tableEmOps(config: TrainConfig, bits: number, rows: number): number {
  const k = config.layers[0].units;
  const cells = rows * 2 ** k;
  const em = config.topPrior === 'table' && config.layers.length === 1 && k <= 16 && cells <= EXACT_BOUND_CELLS;
  return em ? 2 ** k * k * bits + TABLE_EM_STEPS * cells : 0;
}

/** Float64 work of every evaluation of a run: each layer's bound and the model's log-likelihoods. */
export function evaluationOps(config: TrainConfig, shape: CostShape): number {
  let ops = 0;
  config.layers.forEach((layer, l) => {
    const n = inputBits(config, shape.bits, l);
    const groups = l === 0 ? shape.groups : n;
    ops += boundOps(layer.units, n, groups, shape.trainRows) + boundOps(layer.units, n, groups, shape.validRows);
  });
  ops += tableEmOps(config, shape.bits, shape.trainRows);
  const ll = (rows: number) => loglikOps(config, shape.bits, shape.groups, rows);
  ops += ll(shape.trainRows) + ll(shape.validRows) + ll(shape.testRows) + ll(shape.outsideRows);
  if (config.fineTuneEpochs > 0) ops += 2 * ll(shape.validRows > 0 ? shape.validRows : shape.trainRows);
  return ops;
}

/** Seconds a run should take on this machine: its training stages at the measured speed, then its evaluations. */
export function estimateSeconds(config: TrainConfig, shape: CostShape, speed: MachineSpeed): number {
  const stages = runStages(config, shape.bits);
  const secondsPerWork = 1 / (Math.max(1e-9, speed.layer0RowsPerSecond) * stages[0].workPerRow);
  let training = 0;
  for (const s of stages) training += s.epochs * shape.trainRows * s.workPerRow * secondsPerWork;
  const evaluation = (evaluationOps(config, shape) * EVAL_OP_COST) / Math.max(1, speed.opsPerSecond);
  return training + evaluation;
}
