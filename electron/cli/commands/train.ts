/**
 * `layerwise train <csv> --out <model.lwm>`: imports a CSV, splits it (seeded), trains the
 * deep model layer by layer with progress on stderr, writes the model file atomically and
 * prints a JSON summary on stdout. Ctrl+C cancels and leaves any existing file untouched.
 */
import { AppError } from '../../../shared/domain/errors.js';
import {
  AeCriterion,
  Method,
  TopPrior,
  TrainConfig,
  defaultLearningRate,
  defaultTrainConfig,
} from '../../../shared/domain/model.js';
import { importCsv } from '../../data/index.js';
import { initBackend } from '../../engine/index.js';
import { appVersion } from '../../platform/app-version.js';
import { fitModel, prepareTraining, writeBundle } from '../../synthesizer/index.js';
import { intOption, note, numberOption, parse, printJson, type Command } from '../command.js';
import { memoryBudgetFromEnv } from '../../platform/paths.js';
import { csvOptionSpec, csvOptionUsage, csvOverrides } from '../csv-options.js';
import { printEpoch, printLayer } from '../progress.js';
import { subsetFromOptions, subsetOptionSpec, subsetOptionUsage } from '../subset-options.js';

const options = {
  out: { type: 'string', short: 'o' },
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
  quiet: { type: 'boolean', short: 'q' },
  ...subsetOptionSpec,
  ...csvOptionSpec,
} as const;

const usage = `Usage: layerwise train <csv> --out <model.lwm> [options]

Trains a deep generative model of the CSV one layer at a time and writes the model file.
Progress goes to stderr; a JSON summary goes to stdout.

Model options (defaults are chosen from the data):
  --layers A,B,...     hidden layer sizes, bottom first (e.g. 64,16)
  --method M[,M...]    per-layer method: aeries (default), ae, rbm, blm-exact (<= 16 units)
  --criterion C        auto-encoder criterion: blm (default) or log-inside (for comparison)
  --top P              top prior: rbm (default), table (top layer <= 16 units), bernoulli
  --top-hidden N       hidden units of the top RBM prior
  --top-epochs N       epochs of the top prior
  --epochs N           epochs per layer
  --batch N            mini-batch size
  --lr X               learning rate (default 0.01 for auto-encoder layers, 0.05 for RBM layers)
  --samples S          samples per row for the sampled criterion (S)
  --inference-width N  width of the rich inference model's hidden layer
  --cd-k K             Gibbs steps for RBM layers;  --cd  plain CD instead of PCD
  --seed N             seed of every random choice (same seed, same backend: same model)
  --valid F            validation fraction (default 0.1);  --test F  test fraction (default 0.1)
  --patience N         early stopping patience in epochs (0 = off)
  --fine-tune N        epochs of joint fine-tuning after the layer-wise pass
  --quiet              no progress on stderr

${subsetOptionUsage}

${csvOptionUsage}`;

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

export function buildConfig(
  values: Record<string, string | string[] | boolean | undefined>,
  bits: number,
  rows: number,
): TrainConfig {
  const base = defaultTrainConfig(bits, rows);
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const sizes = str('layers')
    ? list(
        str('layers'),
        str('layers')!.split(',').length,
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
  if (!checked.success)
    throw new AppError('cli.badArguments', {
      message: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  return checked.data;
}

export const trainCommand: Command = {
  name: 'train',
  summary: 'train a deep generative model of a CSV, layer by layer, and save it',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, options);
    const [csv] = positionals;
    if (!csv) throw new AppError('cli.missingArgument', { what: 'the CSV file', command: 'train' });
    if (!values.out) throw new AppError('cli.missingArgument', { what: '--out <model.lwm>', command: 'train' });
    const quiet = values.quiet === true;
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    try {
      const backend = await initBackend();
      if (!quiet) note(`Engine backend: ${backend}`);
      const dataset = await importCsv(csv, {
        overrides: csvOverrides(values),
        memoryBudgetBytes: memoryBudgetFromEnv(),
        signal: controller.signal,
      });
      const validFraction = numberOption(values.valid, 'valid', 0.1);
      const testFraction = numberOption(values.test, 'test', 0.1);
      const seed = intOption(values.seed, 'seed', 1);
      const { subset, description } = await subsetFromOptions(
        dataset,
        values,
        { seed, split: { train: 1 - validFraction - testFraction, valid: validFraction, test: testFraction } },
        controller.signal,
      );
      if (!quiet) note(description);
      const prepared = prepareTraining(subset);
      const config = buildConfig(values, prepared.train.bits, prepared.train.rows);
      if (!quiet)
        note(
          `${prepared.train.rows} training rows, ${prepared.train.bits} bits per row; training ${config.layers.map((l) => `${l.units} (${l.method})`).join(' → ')}, top prior ${config.topPrior}`,
        );
      const { bundle, summary } = await fitModel(prepared, config, appVersion(), {
        onProgress: quiet ? undefined : printEpoch,
        onLayer: quiet ? undefined : printLayer,
        signal: controller.signal,
      });
      await writeBundle(values.out, bundle);
      printJson({
        model: values.out,
        backend: summary.backend,
        rows: { train: prepared.train.rows, valid: prepared.valid?.rows ?? 0, test: prepared.test?.rows ?? 0 },
        subset: {
          rows: subset.info.rows,
          outside: subset.info.outside,
          spec: subset.info.spec,
          fromFile: subset.info.fromFile,
        },
        bits: prepared.train.bits,
        config,
        layers: summary.layers,
        logLikelihood: summary.logLikelihood,
        fineTune: summary.fineTune,
        outside: summary.outside,
        seconds: summary.seconds,
      });
      return 0;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};
