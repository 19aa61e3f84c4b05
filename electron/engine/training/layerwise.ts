/**
 * The layer-wise driver (METHOD.md §3): train each layer with its method on the codes of the
 * layer below (fresh samples each epoch), report its BLM bound on training and validation
 * rows, fit the top prior, optionally fine-tune, and evaluate the whole model. Emits progress
 * per epoch and a result per layer; honours pause and cancel between mini-batches; seeded.
 */
import * as tf from '@tensorflow/tfjs';
import { mm } from '../tensor/ops.js';
import { AppError } from '../../../shared/domain/errors.js';
import type {
  Estimate,
  EpochProgress,
  GroupSpec,
  LayerResult,
  TrainConfig,
  TrainSummary,
} from '../../../shared/domain/model.js';
import { trainAutoencoder, type LayerTrainInput } from '../methods/autoencoder.js';
import { initBackend } from '../backend.js';
import { exactBlm } from '../eval/blm.js';
import { exactBoundFeasible, layerBound } from '../eval/layer-bound.js';
import { logLikelihood } from '../eval/loglik.js';
import { samplePosterior, trainBlmExact } from '../methods/blm-exact.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { selectRows } from '../../base/encoded-rows.js';
import { fineTune } from './finetune.js';
import { allBernoulli, groupLayout, sampleBernoulli } from '../tensor/groups.js';
import { toTensor, type LoopControl } from './loop-control.js';
import type { DeepModelParams, GenerativeLayerParams, InferenceParams, TopPriorParams } from '../model/params.js';
import { bernoulliFromCodes, tableFromCodes, tableFromDistribution } from '../model/top-prior.js';
import { createRng, permutation } from '../../base/random.js';
import { disposeRbm, rbmAsLayer, trainRbm } from '../methods/rbm.js';
import {
  baseRateLogits,
  disposeVars,
  genVarList,
  inferLogits,
  infVarList,
  snapshotGen,
  snapshotInf,
} from '../tensor/variables.js';

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

/** Samples codes h ~ q(.|x) of one trained layer. */
type Encoder = (x: tf.Tensor2D, seed: number) => tf.Tensor2D;

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

function encode(encoders: Encoder[], x: tf.Tensor2D, seed: number): tf.Tensor2D {
  let h = tf.clone(x);
  encoders.forEach((enc, i) => {
    const next = enc(h, seed + 7919 * (i + 1));
    h.dispose();
    h = next;
  });
  return h;
}

function toEncoded(t: tf.Tensor2D, groups: GroupSpec[]): EncodedData {
  const data = Uint8Array.from(t.dataSync());
  return { groups, rows: t.shape[0], bits: t.shape[1], data };
}

function subsample(data: EncodedData, max: number, seed: number): EncodedData {
  if (data.rows <= max) return data;
  return selectRows(data, permutation(data.rows, createRng(seed)).subarray(0, max));
}

export async function train(
  data: EncodedData,
  config: TrainConfig,
  opts: TrainOptions = {},
): Promise<{ model: DeepModelParams; summary: TrainSummary }> {
  const backend = await initBackend();
  const started = performance.now();
  const rng = createRng(config.seed);
  const split = opts.validation
    ? { train: data, valid: opts.validation }
    : splitValidation(data, config.validationFraction, config.seed);
  const X0 = toTensor(split.train.data, split.train.rows, split.train.bits);
  const V0 = split.valid ? toTensor(split.valid.data, split.valid.rows, split.valid.bits) : null;
  const L = config.layers.length;
  const rowsPerEpoch = split.train.rows;
  const stageRows = [
    ...config.layers.map((l) => l.epochs * rowsPerEpoch),
    config.topPrior === 'rbm' ? config.topEpochs * rowsPerEpoch : 0,
    config.fineTuneEpochs * rowsPerEpoch,
  ];
  const control: LoopControl = { signal: opts.signal, isPaused: opts.isPaused };
  const encoders: Encoder[] = [];
  const disposers: (() => void)[] = [];
  const generative: GenerativeLayerParams[] = [];
  const inference: InferenceParams[] = [];
  const results: LayerResult[] = [];
  try {
    for (let l = 0; l < L; l++) {
      const layer = config.layers[l];
      const layerStart = performance.now();
      const groups: GroupSpec[] = l === 0 ? split.train.groups : allBernoulli(config.layers[l - 1].units);
      const lower = [...encoders];
      const epochSeed = rng.nextUint32() & 0x3fffffff;
      const rowsFor = (epoch: number) => (l === 0 ? tf.clone(X0) : encode(lower, X0, epochSeed + 104729 * epoch));
      const validRows = V0 && l > 0 ? encode(lower, V0, 4242) : V0 ? tf.clone(V0) : null;
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
          control,
          rowsFor,
          rowsAfter: stageRows.slice(l + 1).reduce((a, b) => a + b, 0),
          progress: (p) => opts.onProgress?.({ ...p, layer: l, layers: L, stage: 'layer' }),
        },
      };
      let gen: GenerativeLayerParams;
      let inf: InferenceParams;
      let epochs: number;
      try {
        if (layer.method === 'rbm') {
          const { rbm, epochs: e } = await trainRbm(input);
          ({ gen, inf } = rbmAsLayer(rbm, groups));
          epochs = e;
          encoders.push((x, s) => tf.tidy(() => sampleBernoulli(tf.add(mm(x, rbm.W), rbm.bh), s) as tf.Tensor2D));
          disposers.push(() => disposeRbm(rbm));
        } else if (layer.method === 'blm-exact') {
          const trained = await trainBlmExact(input);
          gen = snapshotGen(trained.gen, groups);
          inf = snapshotInf(trained.inf);
          epochs = trained.epochs;
          const layout = groupLayout(groups);
          encoders.push((x, s) => samplePosterior(layout, trained, x, s));
          disposers.push(() => {
            disposeVars([...genVarList(trained.gen), ...infVarList(trained.inf)]);
            trained.logPrior.dispose();
            trained.states.dispose();
          });
        } else {
          const trained = await trainAutoencoder(input, layer.method === 'aeries');
          gen = snapshotGen(trained.gen, groups);
          inf = snapshotInf(trained.inf);
          epochs = trained.epochs;
          encoders.push((x, s) => tf.tidy(() => sampleBernoulli(inferLogits(trained.inf, x), s) as tf.Tensor2D));
          disposers.push(() => disposeVars([...genVarList(trained.gen), ...infVarList(trained.inf)]));
        }
      } finally {
        validRows?.dispose();
      }
      generative.push(gen);
      inference.push(inf);
      const boundSeed = config.seed + 31 * l;
      const result: LayerResult = {
        layer: l,
        units: layer.units,
        method: layer.method,
        epochs,
        seconds: (performance.now() - layerStart) / 1000,
        blmTrain: layerBound(gen, inf, layer.units, subsample(trainCodes, BOUND_ROWS, boundSeed), { seed: boundSeed }),
        blmValid: validCodes
          ? layerBound(gen, inf, layer.units, subsample(validCodes, BOUND_ROWS, boundSeed), { seed: boundSeed + 1 })
          : null,
      };
      results.push(result);
      opts.onLayer?.(result);
    }

    const top = await fitTop(
      config,
      X0,
      encoders,
      generative,
      split.train,
      control,
      rng,
      (p) => opts.onProgress?.({ ...p, layer: L - 1, layers: L, stage: 'top' }),
      stageRows[L + 1],
    );
    let model: DeepModelParams = {
      visible: split.train.groups,
      sizes: config.layers.map((l) => l.units),
      methods: config.layers.map((l) => l.method),
      generative,
      inference,
      top,
    };

    const evalSeed = config.seed + 977;
    const ll = (d: EncodedData | undefined | null): Estimate | null =>
      d ? logLikelihood(model, subsample(d, EVAL_ROWS, evalSeed), { seed: evalSeed, samples: 50 }) : null;
    let fine: TrainSummary['fineTune'] = null;
    if (config.fineTuneEpochs > 0) {
      const before = ll(split.valid ?? split.train)!;
      model = await fineTune(model, split.train, config, control, rng.fork(), (p) =>
        opts.onProgress?.({ ...p, layer: L - 1, layers: L, stage: 'finetune' }),
      );
      fine = { before, after: ll(split.valid ?? split.train)! };
    }
    const summary: TrainSummary = {
      backend,
      seconds: (performance.now() - started) / 1000,
      layers: results,
      logLikelihood: { train: ll(split.train)!, valid: ll(split.valid), test: ll(opts.test) },
      fineTune: fine,
      outside: opts.outside
        ? { rows: opts.outside.rows, represented: opts.outside.represented, logLikelihood: ll(opts.outside.data) }
        : null,
    };
    summary.seconds = (performance.now() - started) / 1000;
    return { model, summary };
  } finally {
    disposers.forEach((d) => d());
    X0.dispose();
    V0?.dispose();
  }
}

async function fitTop(
  config: TrainConfig,
  X0: tf.Tensor2D,
  encoders: Encoder[],
  generative: GenerativeLayerParams[],
  trainData: EncodedData,
  control: LoopControl,
  rng: ReturnType<typeof createRng>,
  progress: (p: Omit<EpochProgress, 'layer' | 'layers' | 'stage'>) => void,
  rowsAfter: number,
): Promise<TopPriorParams> {
  const k = config.layers[config.layers.length - 1].units;
  const codesTensor = encode(encoders, X0, 8191);
  const codes = Uint8Array.from(codesTensor.dataSync());
  const rows = codesTensor.shape[0];
  codesTensor.dispose();
  if (config.topPrior === 'table') {
    if (k > 16) throw new AppError('engine.tableTooLarge', { k });
    // Directly on the data, the maximum-likelihood table is the best latent marginal itself.
    if (encoders.length === 1 && exactBoundFeasible(k, trainData.rows))
      return tableFromDistribution(exactBlm(generative[0], k, trainData).q);
    return tableFromCodes(codes, rows, k);
  }
  if (config.topPrior === 'bernoulli') return bernoulliFromCodes(codes, rows, k);
  const groups = allBernoulli(k);
  const epochSeed = rng.nextUint32() & 0x3fffffff;
  const { rbm, epochs: _epochs } = await trainRbm({
    groups,
    k: config.topHidden,
    config: {
      epochs: Math.max(1, config.topEpochs),
      batchSize: config.layers[0].batchSize,
      learningRate: 0.05,
      cdK: 1,
      persistent: true,
    },
    baseRates: baseRateLogits(codes, rows, k, groups),
    valid: null,
    loop: {
      patience: 0,
      rng: rng.fork(),
      control,
      rowsFor: (epoch) => encode(encoders, X0, epochSeed + 104729 * epoch),
      rowsAfter,
      progress,
    },
  });
  try {
    const layer = rbmAsLayer(rbm, groups);
    // Prior over h_L (the RBM's visible side, k units) with its own hidden units.
    return {
      kind: 'rbm',
      weights: layer.inf.layers[0].weights,
      visibleBias: layer.gen.bias,
      hiddenBias: layer.inf.layers[0].bias,
    };
  } finally {
    disposeRbm(rbm);
  }
}
