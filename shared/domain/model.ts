/**
 * Domain types of the engine that cross a process boundary: the layout of encoded rows,
 * training configuration, progress events and results. Figures are in nats per row and
 * always say whether they are exact or estimated.
 */
import { z } from 'zod';
import { bounded, LIMITS, type Limit, type Setting } from './limits.js';

/** A group of visible bits: one Bernoulli bit, or a one-hot categorical of `size` >= 2 bits. */
export const GroupSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bernoulli') }),
  z.object({ kind: z.literal('softmax'), size: z.number().int().min(2) }),
]);
export type GroupSpec = z.infer<typeof GroupSpec>;

export const Method = z.enum(['aeries', 'ae', 'rbm', 'blm-exact']);
export type Method = z.infer<typeof Method>;

export const TopPrior = z.enum(['rbm', 'table', 'bernoulli']);
export type TopPrior = z.infer<typeof TopPrior>;

/** Criterion an auto-encoder layer maximises: the BLM auto-encoder criterion (log outside) or the usual one (log inside). */
export const AeCriterion = z.enum(['blm', 'log-inside']);
export type AeCriterion = z.infer<typeof AeCriterion>;

type NumberOf = (setting: Setting) => z.ZodNumber;

/** A number of a setting's type (whole or not) and lower limit, without the upper one: how older model files stored it. */
const unbounded: NumberOf = (setting) => {
  const limit: Limit = LIMITS[setting];
  const n = limit.integer ? z.number().int() : z.number();
  return limit.exclusiveMin ? n.gt(limit.min) : n.min(limit.min);
};

function layerConfig(num: NumberOf) {
  return z.object({
    units: num('units'),
    method: Method,
    epochs: num('epochs'),
    batchSize: num('batchSize'),
    learningRate: num('learningRate'),
    /** Samples S of h ~ q(h|x) per row for the sampled auto-encoder criterion. */
    samples: num('samples'),
    /** Width of the rich inference model's deterministic hidden layer; null = max(64, 2k). */
    inferenceWidth: num('inferenceWidth').nullable(),
    criterion: AeCriterion,
    /** RBM: Gibbs steps, persistent chains (PCD) or not (CD). */
    cdK: num('cdK'),
    persistent: z.boolean(),
  });
}

function trainConfig(num: NumberOf, layers: z.ZodType<LayerConfig[]>) {
  return z.object({
    layers,
    topPrior: TopPrior,
    /** Hidden units of the top RBM prior. */
    topHidden: num('topHidden'),
    topEpochs: num('topEpochs'),
    seed: z.number().int(),
    /** Fraction of the training rows held out for validation when no validation split is given. */
    validationFraction: num('validationFraction'),
    /** Stop a layer after this many epochs without improvement of the validation criterion; 0 = never. */
    patience: num('patience'),
    fineTuneEpochs: num('fineTuneEpochs'),
  });
}

/** One layer's settings, each within its limits (`LIMITS`, `shared/domain/limits.ts`). */
export const LayerConfig = layerConfig(bounded);
export type LayerConfig = z.infer<typeof LayerConfig>;

/** The training configuration the app and the command line accept: every setting within its limits. */
export const TrainConfig = trainConfig(bounded, z.array(LayerConfig).min(LIMITS.layers.min).max(LIMITS.layers.max));
export type TrainConfig = z.infer<typeof TrainConfig>;

/**
 * A configuration as a model file records it: the same fields without the upper limits, so
 * files written before the limits existed still open (their weights are checked on their own).
 */
export const StoredLayerConfig = layerConfig(unbounded);
export const StoredTrainConfig = trainConfig(unbounded, z.array(StoredLayerConfig).min(1));

/** A figure in nats per row: exact, or an estimate with its standard error. */
export const Estimate = z.object({
  value: z.number(),
  exact: z.boolean(),
  se: z.number().min(0).nullable(),
});
export type Estimate = z.infer<typeof Estimate>;

export const EpochProgress = z.object({
  layer: z.number().int().min(0),
  layers: z.number().int().min(1),
  /** 'layer' while a layer trains, 'top' for the top prior, 'finetune' for the joint fine-tuning. */
  stage: z.enum(['layer', 'top', 'finetune']),
  epoch: z.number().int().min(1),
  epochs: z.number().int().min(1),
  criterionTrain: z.number(),
  criterionValid: z.number().nullable(),
  rowsPerSecond: z.number().min(0),
  etaSeconds: z.number().min(0),
});
export type EpochProgress = z.infer<typeof EpochProgress>;

export const LayerResult = z.object({
  layer: z.number().int().min(0),
  units: z.number().int().min(1),
  method: Method,
  epochs: z.number().int().min(0),
  seconds: z.number().min(0),
  /** The layer's BLM bound on the rows it was trained on: the visible rows for layer 1, the codes of the layer below above. */
  blmTrain: Estimate,
  blmValid: Estimate.nullable(),
  /**
   * The bound of the model so far (layers 1..l) on the visible rows: the best log-likelihood any
   * layers above could reach, on the rows the model's log-likelihood is measured on
   * (METHOD.md §4.1). Absent in files written before it existed.
   */
  modelBound: z.object({ train: Estimate, valid: Estimate.nullable() }).optional(),
});
export type LayerResult = z.infer<typeof LayerResult>;

export const TrainSummary = z.object({
  backend: z.string(),
  seconds: z.number().min(0),
  layers: z.array(LayerResult),
  logLikelihood: z.object({
    train: Estimate,
    valid: Estimate.nullable(),
    test: Estimate.nullable(),
  }),
  fineTune: z.object({ before: Estimate, after: Estimate }).nullable(),
  /**
   * The rows outside the subset (kept when the subset was chosen): how many, how many hold only
   * values the model's encoding knows, and their log-likelihood (on a seeded sample of those).
   * Null when the subset is every row. Absent in model files written before it existed.
   */
  outside: z
    .object({ rows: z.number().int().min(0), represented: z.number().int().min(0), logLikelihood: Estimate.nullable() })
    .nullable()
    .default(null),
});
export type TrainSummary = z.infer<typeof TrainSummary>;

/**
 * The learning rate a layer method starts from: Adam's step for the auto-encoders and
 * blm-exact, a larger plain step for RBMs (trained by contrastive divergence with momentum).
 */
export function defaultLearningRate(method: Method): number {
  return method === 'rbm' ? 0.05 : 0.01;
}

/** A reasonable starting point for a dataset of `bits` visible bits and `rows` training rows. */
export function defaultTrainConfig(bits: number, rows: number): TrainConfig {
  const k1 = Math.max(8, Math.min(64, Math.round(bits / 2)));
  const k2 = Math.max(4, Math.min(16, Math.round(k1 / 2)));
  const epochs = rows > 20000 ? 10 : rows > 5000 ? 20 : 40;
  const layer = (units: number): LayerConfig => ({
    units,
    method: 'aeries',
    epochs,
    batchSize: 128,
    learningRate: defaultLearningRate('aeries'),
    samples: 8,
    inferenceWidth: null,
    criterion: 'blm',
    cdK: 1,
    persistent: true,
  });
  return {
    layers: [layer(k1), layer(k2)],
    topPrior: 'rbm',
    topHidden: 16,
    topEpochs: epochs,
    seed: 1,
    validationFraction: 0.1,
    patience: 5,
    fineTuneEpochs: 0,
  };
}
