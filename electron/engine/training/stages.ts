/**
 * The stages of layer-wise training on one run (METHOD.md §3), shared by the one-call driver
 * (`layerwise.ts`) and the staged entry points (`staged.ts`): train the next layer on the
 * codes of the layers below (encoders rebuilt from their plain parameters, fresh codes each
 * epoch) and measure its bounds; fit the top prior; evaluate the model; fine-tune it. A stage
 * whose result is not finite (a diverged run: NaN or infinite parameters or figures) fails with
 * `engine.diverged`; the epoch loop every method shares already stops such a run at its epoch.
 */
import * as tf from '@tensorflow/tfjs';
import type { Estimate, LayerConfig, LayerResult, TrainConfig, TrainSummary } from '../../../shared/domain/model.js';
import type { TopConfig } from '../../../shared/domain/staged.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { layerBound } from '../eval/layer-bound.js';
import { logLikelihood } from '../eval/loglik.js';
import { stackBound, type BoundLayer } from '../eval/stack-bound.js';
import { LAYER_METHODS, type LayerTrainInput } from '../methods/index.js';
import { AppError } from '../../../shared/domain/errors.js';
import {
  isFiniteLayer,
  isFiniteModel,
  type DeepModelParams,
  type LayerStack,
  type StackedLayer,
} from '../model/params.js';
import { allBernoulli } from '../tensor/groups.js';
import { Disposables } from '../tensor/disposables.js';
import { baseRateLogits } from '../tensor/variables.js';
import { stackEncoders } from './encoders.js';
import { fineTune } from './finetune.js';
import { BOUND_ROWS, EVAL_ROWS, evalSeed, stageRng, subsample, type Run } from './stage-run.js';
import { encodeUp, fitTop, toEncoded } from './top-fit.js';

/** Where a stage sits in what the caller asked for: the layers shown in progress, the rows still to go after it (ETA). */
export interface StagePlan {
  layers: number;
  rowsAfter: number;
}

/**
 * The bound of the model so far (layers 1..l) on the rows the log-likelihood is measured on;
 * for layer 1 on at most EVAL_ROWS rows, that is its own bound (`known`), not computed twice.
 */
function modelBound(
  run: Run,
  layers: readonly BoundLayer[],
  seed: number,
  known?: { train: Estimate; valid: Estimate | null },
): NonNullable<LayerResult['modelBound']> {
  const at = evalSeed(run.settings);
  const same = (d: EncodedData) => known && layers.length === 1 && d.rows <= EVAL_ROWS && d.rows <= BOUND_ROWS;
  const bound = (d: EncodedData, s: number, k: Estimate | null | undefined) =>
    same(d) && k ? k : stackBound(layers, subsample(d, EVAL_ROWS, at), { seed: s });
  return {
    train: bound(run.train, seed, known?.train),
    valid: run.valid ? bound(run.valid, seed + 1, known?.valid) : null,
  };
}

/** Trains layer `below.length` with `layer` on the codes of the layers below and measures its bounds. */
export async function layerStage(
  run: Run,
  below: readonly StackedLayer[],
  layer: LayerConfig,
  plan: StagePlan,
): Promise<StackedLayer> {
  const l = below.length;
  const { X0, V0, settings } = run;
  const started = performance.now();
  const groups = l === 0 ? run.train.groups : allBernoulli(below[l - 1].config.units);
  const rng = stageRng(settings.seed, l);
  const epochSeed = rng.nextUint32() & 0x3fffffff;
  const scratch = new Disposables();
  try {
    const { encoders } = scratch.own(stackEncoders(below));
    const rowsFor = (epoch: number) => (l === 0 ? tf.clone(X0) : encodeUp(encoders, X0, epochSeed + 104729 * epoch));
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
        patience: settings.patience,
        rng: rng.fork(),
        control: run.control,
        rowsFor,
        rowsAfter: plan.rowsAfter,
        progress: (p) => run.opts.onProgress?.({ ...p, layer: l, layers: plan.layers, stage: 'layer' }),
      },
    };
    const trained = scratch.own(await LAYER_METHODS[layer.method].train(input));
    const boundSeed = settings.seed + 31 * l;
    const bound = (codes: EncodedData, seed: number) =>
      layerBound(trained.gen, trained.inf, layer.units, subsample(codes, BOUND_ROWS, boundSeed), { seed });
    const blmTrain = bound(trainCodes, boundSeed);
    const blmValid = validCodes ? bound(validCodes, boundSeed + 1) : null;
    if (!isFiniteLayer(trained.gen, trained.inf) || !Number.isFinite(blmTrain.value))
      throw new AppError('engine.diverged');
    const result: LayerResult = {
      layer: l,
      units: layer.units,
      method: layer.method,
      epochs: trained.epochs,
      seconds: 0,
      blmTrain,
      blmValid,
      modelBound: modelBound(run, [...below, trained], boundSeed + 2, { train: blmTrain, valid: blmValid }),
    };
    result.seconds = (performance.now() - started) / 1000;
    const { gen, inf, encoderLogPrior } = trained;
    return { config: layer, gen, inf, encoderLogPrior: encoderLogPrior ?? null, result };
  } finally {
    scratch.dispose();
  }
}

/** The configuration a stack finished with `top` (and fine-tuned for `fineTuneEpochs`) was trained with. */
export function stackConfig(stack: LayerStack, top: TopConfig, fineTuneEpochs: number): TrainConfig {
  return { layers: stack.layers.map((l) => l.config), ...top, ...stack.settings, fineTuneEpochs };
}

/** Refuses a model (or its evaluation) that is not finite: a diverged run gives no model. */
export function refuseDiverged(model: DeepModelParams, summary: Pick<TrainSummary, 'logLikelihood'>): void {
  if (!isFiniteModel(model) || !Number.isFinite(summary.logLikelihood.train.value))
    throw new AppError('engine.diverged');
}

/** Fits the top prior on codes of the training rows passed up through the stack. */
export async function topStage(run: Run, stack: LayerStack, top: TopConfig, plan: StagePlan): Promise<DeepModelParams> {
  const config = stackConfig(stack, top, 0);
  const L = stack.layers.length;
  const generative = stack.layers.map((l) => l.gen);
  const { encoders, dispose } = stackEncoders(stack.layers);
  try {
    const prior = await fitTop({
      config,
      X0: run.X0,
      encoders,
      generative,
      trainData: run.train,
      control: run.control,
      rng: stageRng(run.settings.seed, L),
      progress: (p) => run.opts.onProgress?.({ ...p, layer: L - 1, layers: plan.layers, stage: 'top' }),
      rowsAfter: plan.rowsAfter,
    });
    return {
      visible: run.train.groups,
      sizes: config.layers.map((l) => l.units),
      methods: config.layers.map((l) => l.method),
      generative,
      inference: stack.layers.map((l) => l.inf),
      top: prior,
    };
  } finally {
    dispose();
  }
}

/** The model's log-likelihood of some rows (a seeded subsample of at most EVAL_ROWS), null without rows. */
export function modelLogLik(run: Run, model: DeepModelParams, d: EncodedData | null | undefined): Estimate | null {
  const seed = evalSeed(run.settings);
  return d ? logLikelihood(model, subsample(d, EVAL_ROWS, seed), { seed, samples: 50 }) : null;
}

/** Log-likelihoods of training, validation and test rows and of the rows outside the subset (METHOD.md §4.2). */
export function evaluateModel(run: Run, model: DeepModelParams): Pick<TrainSummary, 'logLikelihood' | 'outside'> {
  const outside = run.opts.outside;
  return {
    logLikelihood: {
      train: modelLogLik(run, model, run.train)!,
      valid: modelLogLik(run, model, run.valid),
      test: modelLogLik(run, model, run.opts.test),
    },
    outside: outside
      ? { rows: outside.rows, represented: outside.represented, logLikelihood: modelLogLik(run, model, outside.data) }
      : null,
  };
}

/**
 * Fine-tunes every layer jointly (METHOD.md §5) for `epochs` more epochs of a model trained
 * with `config` (whose `fineTuneEpochs` says how many it already had), with the log-likelihood
 * of validation rows (training rows without them) before and after.
 */
export async function fineTuneStage(
  run: Run,
  model: DeepModelParams,
  config: TrainConfig,
  epochs: number,
  plan: StagePlan,
): Promise<{ model: DeepModelParams; fineTune: NonNullable<TrainSummary['fineTune']> }> {
  const L = model.sizes.length;
  const rng = stageRng(run.settings.seed, L, config.topPrior === 'rbm');
  // The first fine-tuning draws what a whole run draws; a later one draws another stream.
  let stream = rng.fork();
  for (let i = 0; i < config.fineTuneEpochs; i++) stream = rng.fork();
  const judged = run.valid ?? run.train;
  const before = modelLogLik(run, model, judged)!;
  const tuned = await fineTune(model, run.train, { ...config, fineTuneEpochs: epochs }, run.control, stream, (p) =>
    run.opts.onProgress?.({ ...p, layer: L - 1, layers: plan.layers, stage: 'finetune' }),
  );
  return { model: tuned, fineTune: { before, after: modelLogLik(run, tuned, judged)! } };
}

/** The layers' results with the bound of the model so far measured again (after fine-tuning changed the layers). */
export function refreshModelBounds(run: Run, model: DeepModelParams, results: readonly LayerResult[]): LayerResult[] {
  const layers = model.generative.map((gen, l) => ({ gen, inf: model.inference[l] }));
  return results.map((r, l) => ({
    ...r,
    modelBound: modelBound(run, layers.slice(0, l + 1), run.settings.seed + 31 * l + 2),
  }));
}
