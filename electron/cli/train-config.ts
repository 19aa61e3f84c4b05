/**
 * `layerwise train`'s model options: the training configuration built from them over the
 * defaults for the data (every setting checked against its limits, and refused in the same
 * words as in the app), and the train / validation / test split of --valid and --test, refused
 * when it leaves nothing to train on instead of being rescaled.
 */
import { AppError } from '../../shared/domain/errors.js';
import { trainConfigError } from '../../shared/domain/limits.js';
import {
  AeCriterion,
  Method,
  TopPrior,
  TrainConfig,
  defaultLearningRate,
  defaultTrainConfig,
} from '../../shared/domain/model.js';
import { intOption, numberOption, type Options } from './command.js';

export const modelOptionSpec = {
  layers: { type: 'string' },
  method: { type: 'string' },
  criterion: { type: 'string' },
  top: { type: 'string' },
  'top-hidden': { type: 'string' },
  'top-epochs': { type: 'string' },
  epochs: { type: 'string' },
  batch: { type: 'string' },
  lr: { type: 'string' },
  samples: { type: 'string' },
  'inference-width': { type: 'string' },
  'cd-k': { type: 'string' },
  cd: { type: 'boolean' },
  seed: { type: 'string' },
  valid: { type: 'string' },
  test: { type: 'string' },
  patience: { type: 'string' },
  'fine-tune': { type: 'string' },
} satisfies Options;

export const modelOptionUsage = `Model options (defaults are chosen from the data):
  --layers A,B,...     hidden layer sizes, bottom first (e.g. 64,16); at most 8 layers of 1024 units
  --method M[,M...]    per-layer method: aeries (default), ae, rbm, blm-exact (<= 16 units)
  --criterion C        auto-encoder criterion: blm (default) or log-inside (for comparison)
  --top P              top prior: rbm (default), table (top layer <= 16 units), bernoulli
  --top-hidden N       hidden units of the top RBM prior (at most 1024)
  --top-epochs N       epochs of the top prior
  --epochs N           epochs per layer (at most 1000)
  --batch N            mini-batch size (at most 4096)
  --lr X               learning rate, above 0 and at most 10 (default 0.01 for auto-encoder layers, 0.05 for RBM layers)
  --samples S          samples per row for the sampled criterion (S, at most 256)
  --inference-width N  width of the rich inference model's hidden layer (at most 4096)
  --cd-k K             Gibbs steps for RBM layers (at most 50);  --cd  plain CD instead of PCD
  --seed N             seed of every random choice (same seed, same backend: same model)
  --valid F            validation fraction (default 0.1);  --test F  test fraction (default 0.1);
                       each from 0 to below 1, together below 1: the rest trains the model
  --patience N         early stopping patience in epochs (0 = off)
  --fine-tune N        epochs of joint fine-tuning after the layer-wise pass`;

type Values = Record<string, string | string[] | boolean | undefined>;

/** The split of --valid and --test: both in [0, 1) and together below 1. */
export function splitFromOptions(values: Values): { train: number; valid: number; test: number } {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const valid = numberOption(str('valid'), 'valid', 0.1);
  const test = numberOption(str('test'), 'test', 0.1);
  const ok = (x: number) => x >= 0 && x < 1;
  if (!ok(valid) || !ok(test) || valid + test >= 1) throw new AppError('cli.badSplit', { valid, test });
  return { train: 1 - valid - test, valid, test };
}

function list<T>(raw: string | undefined, n: number, parseOne: (s: string) => T, fallback: (i: number) => T): T[] {
  if (raw === undefined) return Array.from({ length: n }, (_, i) => fallback(i));
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.length !== 1 && parts.length !== n)
    throw new AppError('cli.badArguments', { message: `expected 1 or ${n} values, got "${raw}"` });
  return Array.from({ length: n }, (_, i) => parseOne(parts.length === 1 ? parts[0] : parts[i]));
}

function enumValue<T extends string>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  value: string,
  option: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError('cli.badArguments', { message: `--${option}: unknown value "${value}"` });
  return r.data;
}

/**
 * The configuration the options ask for, over `base` (by default the plain defaults for `bits`
 * bits and `rows` rows); a setting out of its limits is refused by name.
 */
export function buildConfig(
  values: Values,
  bits: number,
  rows: number,
  base: TrainConfig = defaultTrainConfig(bits, rows),
): TrainConfig {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const layersRaw = str('layers');
  const sizes = layersRaw
    ? list(
        layersRaw,
        layersRaw.split(',').length,
        (s) => intOption(s, 'layers', 0),
        () => 0,
      )
    : base.layers.map((l) => l.units);
  const n = sizes.length;
  const methods = list(
    str('method'),
    n,
    (s) => enumValue(Method, s, 'method'),
    (i) => base.layers[Math.min(i, base.layers.length - 1)].method,
  );
  const template = base.layers[0];
  const config: TrainConfig = {
    ...base,
    layers: sizes.map((units, i) => ({
      ...template,
      units,
      method: methods[i],
      epochs: intOption(str('epochs'), 'epochs', template.epochs),
      batchSize: intOption(str('batch'), 'batch', template.batchSize),
      learningRate: numberOption(str('lr'), 'lr', defaultLearningRate(methods[i])),
      samples: intOption(str('samples'), 'samples', template.samples),
      inferenceWidth:
        str('inference-width') === undefined ? null : intOption(str('inference-width'), 'inference-width', 64),
      criterion:
        str('criterion') === undefined ? template.criterion : enumValue(AeCriterion, str('criterion')!, 'criterion'),
      cdK: intOption(str('cd-k'), 'cd-k', template.cdK),
      persistent: values.cd !== true,
    })),
    topPrior: str('top') === undefined ? base.topPrior : enumValue(TopPrior, str('top')!, 'top'),
    topHidden: intOption(str('top-hidden'), 'top-hidden', base.topHidden),
    topEpochs: intOption(
      str('top-epochs'),
      'top-epochs',
      str('epochs') !== undefined ? intOption(str('epochs'), 'epochs', 1) : base.topEpochs,
    ),
    seed: intOption(str('seed'), 'seed', base.seed),
    patience: intOption(str('patience'), 'patience', base.patience),
    fineTuneEpochs: intOption(str('fine-tune'), 'fine-tune', base.fineTuneEpochs),
  };
  const checked = TrainConfig.safeParse(config);
  if (checked.success) return checked.data;
  for (const issue of checked.error.issues) {
    const error = trainConfigError(issue.path, config);
    if (error) throw error;
  }
  throw new AppError('cli.badArguments', {
    message: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
  });
}
