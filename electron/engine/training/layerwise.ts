/**
 * The layer-wise driver (METHOD.md §3): train each layer with its method on the codes of the
 * layer below (fresh samples each epoch), report its BLM bound on training and validation
 * rows, fit the top prior, optionally fine-tune, and evaluate the whole model. Emits progress
 * per epoch and a result per layer; honours pause and cancel between mini-batches; seeded.
 * A run whose memory estimate is over the engine's budget is refused before it starts; one
 * that diverges (NaN or infinite values) fails with `engine.diverged` instead of giving a model.
 */
import * as tf from '@tensorflow/tfjs';
import type { Estimate, EpochProgress, LayerResult, TrainConfig, TrainSummary } from '../../../shared/domain/model.js';
import { initBackend } from '../backend.js';
import { layerBound } from '../eval/layer-bound.js';
import { logLikelihood } from '../eval/loglik.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { selectRows } from '../../base/encoded-rows.js';
import { fineTune } from './finetune.js';
import { allBernoulli } from '../tensor/groups.js';
import { Disposables } from '../tensor/disposables.js';
import { toTensor, type LoopControl } from './loop-control.js';
import {
  isFiniteModel,
  type DeepModelParams,
  type GenerativeLayerParams,
  type InferenceParams,
} from '../model/params.js';
import { AppError } from '../../../shared/domain/errors.js';
import { checkTrainingMemory } from './memory.js';
import { createRng, permutation, type Rng } from '../../base/random.js';
import { LAYER_METHODS, type LayerTrainInput, type TrainedLayer } from '../methods/index.js';
import { baseRateLogits } from '../tensor/variables.js';
import { encodeUp, fitTop, toEncoded, type Encoder } from './top-fit.js';
import { rowsAfterStage, runStages } from '../../../shared/domain/train-cost.js';

export interface TrainOptions extends LoopControl {
  validation?: EncodedData;
  test?: EncodedData;
  /** Rows outside the subset with values seen in training (`data`, a sample of the `represented`), out of `rows` outside in all. */
  outside?: { data: EncodedData | null; rows: number; represented: number };
  onProgress?: (p: EpochProgress) => void;
  onLayer?: (r: LayerResult) => void;
}

/** Rows used for the per-model log-likelihood estimates when the exact sum is out of reach. */
export const EVAL_ROWS = 1000;
/** Rows (a seeded subsample) on which each layer's BLM bound is computed. */
export const BOUND_ROWS = 4000;

/** What every stage of one run shares. */
interface Run {
  config: TrainConfig;
  opts: TrainOptions;
  rng: Rng;
  control: LoopControl;
  train: EncodedData;
  valid: EncodedData | null;
  /** The training and validation rows as tensors (owned by the run). */
  X0: tf.Tensor2D;
  V0: tf.Tensor2D | null;
  /** Rows still to go after each stage (layers, top prior, fine-tuning), in rows of that stage's cost (for the ETA). */
  rowsAfter: number[];
}

function splitValidation(
  data: EncodedData,
  fraction: number,
  seed: number,
): { train: EncodedData; valid: EncodedData | null } {
  const nValid = Math.floor(data.rows * fraction);
  if (nValid < 1 || data.rows - nValid < 1) return { train: data, valid: null };
  const order = permutation(data.rows, createRng(seed ^ 0x5eed));
  return { train: selectRows(data, order.subarray(nValid)), valid: selectRows(data, order.subarray(0, nValid)) };
}

function subsample(data: EncodedData, max: number, seed: number): EncodedData {
  if (data.rows <= max) return data;
  return selectRows(data, permutation(data.rows, createRng(seed)).subarray(0, max));
}

function startRun(data: EncodedData, config: TrainConfig, opts: TrainOptions, owner: Disposables): Run {
  const split = opts.validation
    ? { train: data, valid: opts.validation }
    : splitValidation(data, config.validationFraction, config.seed);
  const rows = split.train.rows;
  return {
    config,
    opts,
    rng: createRng(config.seed),
    control: { signal: opts.signal, isPaused: opts.isPaused },
    train: split.train,
    valid: split.valid,
    X0: owner.own(toTensor(split.train.data, rows, split.train.bits)),
    V0: owner.own(split.valid ? toTensor(split.valid.data, split.valid.rows, split.valid.bits) : null),
    rowsAfter: runStages(config, data.bits).map((_, s) => rowsAfterStage(config, data.bits, rows, s)),
  };
}

/** Trains layer `l` on the codes the layers below give, and measures its bound. */
async function trainLayer(
  run: Run,
  l: number,
  below: TrainedLayer[],
): Promise<{ layer: TrainedLayer; result: LayerResult }> {
  const { config, rng, X0, V0 } = run;
  const layer = config.layers[l];
  const started = performance.now();
  const groups = l === 0 ? run.train.groups : allBernoulli(config.layers[l - 1].units);
  const encoders: Encoder[] = below.map((t) => t.encode);
  const epochSeed = rng.nextUint32() & 0x3fffffff;
  const rowsFor = (epoch: number) => (l === 0 ? tf.clone(X0) : encodeUp(encoders, X0, epochSeed + 104729 * epoch));
  const scratch = new Disposables();
  try {
    const validRows = scratch.own(V0 && l > 0 ? encodeUp(encoders, V0, 4242) : V0 ? tf.clone(V0) : null);
    const first = rowsFor(0);
    const trainCodes = toEncoded(first, groups);
    first.dispose();
    const validCodes = validRows ? toEncoded(validRows, groups) : null;
    const input: LayerTrainInput = {
      groups,
      k: layer.units,
      config: layer,
      baseRates: baseRateLogits(trainCodes.data, trainCodes.rows, trainCodes.bits, groups),
      valid: validRows,
      loop: {
        patience: config.patience,
        rng: rng.fork(),
        control: run.control,
        rowsFor,
        rowsAfter: run.rowsAfter[l],
        progress: (p) => run.opts.onProgress?.({ ...p, layer: l, layers: config.layers.length, stage: 'layer' }),
      },
    };
    const trained = await LAYER_METHODS[layer.method].train(input);
    const boundSeed = config.seed + 31 * l;
    const bound = (codes: EncodedData, seed: number) =>
      layerBound(trained.gen, trained.inf, layer.units, subsample(codes, BOUND_ROWS, boundSeed), { seed });
    const result: LayerResult = {
      layer: l,
      units: layer.units,
      method: layer.method,
      epochs: trained.epochs,
      seconds: (performance.now() - started) / 1000,
      blmTrain: bound(trainCodes, boundSeed),
      blmValid: validCodes ? bound(validCodes, boundSeed + 1) : null,
    };
    return { layer: trained, result };
  } finally {
    scratch.dispose();
  }
}

/** The model's log-likelihoods (and fine-tuning, when asked for) once every layer and the top are fitted. */
async function finish(
  run: Run,
  fitted: DeepModelParams,
  layers: LayerResult[],
  timing: { backend: string; started: number },
): Promise<{ model: DeepModelParams; summary: TrainSummary }> {
  const { config, opts } = run;
  let model = fitted;
  const evalSeed = config.seed + 977;
  const ll = (d: EncodedData | undefined | null): Estimate | null =>
    d ? logLikelihood(model, subsample(d, EVAL_ROWS, evalSeed), { seed: evalSeed, samples: 50 }) : null;
  let fine: TrainSummary['fineTune'] = null;
  if (config.fineTuneEpochs > 0) {
    const before = ll(run.valid ?? run.train)!;
    const L = config.layers.length;
    model = await fineTune(model, run.train, config, run.control, run.rng.fork(), (p) =>
      opts.onProgress?.({ ...p, layer: L - 1, layers: L, stage: 'finetune' }),
    );
    fine = { before, after: ll(run.valid ?? run.train)! };
  }
  const summary: TrainSummary = {
    backend: timing.backend,
    seconds: 0,
    layers,
    logLikelihood: { train: ll(run.train)!, valid: ll(run.valid), test: ll(opts.test) },
    fineTune: fine,
    outside: opts.outside
      ? { rows: opts.outside.rows, represented: opts.outside.represented, logLikelihood: ll(opts.outside.data) }
      : null,
  };
  summary.seconds = (performance.now() - timing.started) / 1000;
  return { model, summary };
}

/** Trains a deep model layer by layer on encoded rows (METHOD.md §3) and evaluates it (§4). */
export async function train(
  data: EncodedData,
  config: TrainConfig,
  opts: TrainOptions = {},
): Promise<{ model: DeepModelParams; summary: TrainSummary }> {
  // Refused before any tensor exists: a run that cannot fit never starts (and never breaks the backend).
  checkTrainingMemory(config, data.bits, data.rows + (opts.validation?.rows ?? 0));
  const backend = await initBackend();
  const started = performance.now();
  const owner = new Disposables();
  try {
    const run = startRun(data, config, opts, owner);
    const trained: TrainedLayer[] = [];
    const results: LayerResult[] = [];
    for (let l = 0; l < config.layers.length; l++) {
      const { layer, result } = await trainLayer(run, l, trained);
      trained.push(owner.own(layer));
      results.push(result);
      opts.onLayer?.(result);
    }
    const generative: GenerativeLayerParams[] = trained.map((t) => t.gen);
    const inference: InferenceParams[] = trained.map((t) => t.inf);
    const L = config.layers.length;
    const top = await fitTop({
      config,
      X0: run.X0,
      encoders: trained.map((t) => t.encode),
      generative,
      trainData: run.train,
      control: run.control,
      rng: run.rng,
      progress: (p) => opts.onProgress?.({ ...p, layer: L - 1, layers: L, stage: 'top' }),
      rowsAfter: run.rowsAfter[L],
    });
    const model: DeepModelParams = {
      visible: run.train.groups,
      sizes: config.layers.map((l) => l.units),
      methods: config.layers.map((l) => l.method),
      generative,
      inference,
      top,
    };
    const result = await finish(run, model, results, { backend, started });
    if (!isFiniteModel(result.model) || !Number.isFinite(result.summary.logLikelihood.train.value))
      throw new AppError('engine.diverged');
    return result;
  } finally {
    owner.dispose();
  }
}
