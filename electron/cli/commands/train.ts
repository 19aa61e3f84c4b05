/**
 * `layerwise train <csv> --out <model.lwm>`: imports a CSV, says what the import noticed,
 * splits it (seeded), trains the deep model layer by layer with progress on stderr, writes the
 * model file atomically and prints a JSON summary on stdout. The output is checked before any
 * work (not the input, not a file of another kind without --force, a folder with room for
 * it); a model whose save still fails is kept in the temporary folder. Ctrl+C cancels and
 * leaves any existing file untouched.
 */
import { AppError } from '../../../shared/domain/errors.js';
import { formatError } from '../../../shared/i18n/format.js';
import { importCsv, rareValueSummary } from '../../data/index.js';
import { EVAL_ROWS, estimateModelFileBytes, initBackend } from '../../engine/index.js';
import { appVersion } from '../../platform/app-version.js';
import {
  checkFit,
  fitModel,
  prepareTraining,
  writeBundle,
  type ModelBundle,
  type TrainingSet,
} from '../../synthesizer/index.js';
import type { TrainConfig } from '../../../shared/domain/model.js';
import { chooseDefaults, REFERENCE_SPEED, runShape } from '../../../shared/domain/train-defaults.js';
import { intOption, note, parse, printJson, type Command } from '../command.js';
import { memoryBudgetFromEnv } from '../../platform/paths.js';
import { csvOptionSpec, csvOptionUsage, csvOverrides } from '../csv-options.js';
import { importNotices, printNotices } from '../notices.js';
import { checkOutput, fallbackPath, probeOutput } from '../output.js';
import { printEpoch, printLayer } from '../progress.js';
import { subsetFromOptions, subsetOptionSpec, subsetOptionUsage } from '../subset-options.js';
import { buildConfig, modelOptionSpec, modelOptionUsage, splitFromOptions } from '../train-config.js';

const options = {
  out: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  'rare-min': { type: 'string' },
  'rules-off': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  ...modelOptionSpec,
  ...subsetOptionSpec,
  ...csvOptionSpec,
} as const;

const usage = `Usage: layerwise train <csv> --out <model.lwm> [options]

Trains a deep generative model of the CSV one layer at a time and writes the model file.
What the import noticed, and progress, go to stderr; a JSON summary goes to stdout.
The output may not be the CSV itself; an existing file that is not a model is only replaced
with --force.

${modelOptionUsage}
  --rare-min K         categories seen fewer than K times in the training rows are never stored in
                       the model and come back as "(other)" (default 5; 1 keeps every value)
  --rules-off K1,K2    rules found in the training rows not to keep in generated rows, by key
                       ("layerwise rules <csv>" lists them); the others are kept
  --force              replace an existing output file that is not a model file
  --quiet              no notes or progress on stderr

${subsetOptionUsage}

${csvOptionUsage}`;

/** Saves the model where asked; if that fails after training, keeps it in the temporary folder and says where. */
async function save(out: string, bundle: ModelBundle): Promise<{ path: string; error: AppError | null }> {
  try {
    await writeBundle(out, bundle);
    return { path: out, error: null };
  } catch (err) {
    const fallback = fallbackPath(out);
    await writeBundle(fallback, bundle);
    const message = err instanceof AppError ? String(err.params.message ?? err.code) : String(err);
    return { path: fallback, error: new AppError('cli.savedElsewhere', { path: out, message, fallback }) };
  }
}

/**
 * The app's defaults within the time budget (METHOD.md §9), at the reference speed rather than a
 * measured one: the same command gives the same model on every machine.
 */
function budgetedDefaults(set: TrainingSet): TrainConfig {
  const { bits, rows, groups } = set.train;
  const outside = Math.min(EVAL_ROWS, set.outside?.data?.rows ?? 0);
  const counts = {
    bits,
    groups: groups.length,
    train: rows,
    valid: set.valid?.rows ?? 0,
    test: set.test?.rows ?? 0,
    outside,
  };
  return chooseDefaults(runShape(counts, 0.1), REFERENCE_SPEED).config;
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
    const out = values.out;
    const quiet = values.quiet === true;
    const split = splitFromOptions(values);
    // The options' own values are checked now (the defaults they leave are valid for any data), not after the import.
    buildConfig(values, 64, 1000);
    await checkOutput(out, { inputs: [csv], kind: 'model', force: values.force === true });
    await probeOutput(out, 1);
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
      const notices = importNotices(dataset.info);
      if (!quiet) printNotices(notices);
      const seed = intOption(values.seed, 'seed', 1);
      const { subset, description } = await subsetFromOptions(dataset, values, { seed, split }, controller.signal);
      if (!quiet) note(description);
      const rareMin = intOption(values['rare-min'], 'rare-min', 5);
      if (rareMin < 1 || rareMin > 1000)
        throw new AppError('cli.badArguments', { message: '--rare-min must be a whole number from 1 to 1000' });
      const rulesOff = (values['rules-off'] ?? '')
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k !== '');
      const prepared = prepareTraining(subset, { rareMin, rulesOff });
      const rare = rareValueSummary(prepared.encoding);
      if (!quiet && rare.columns.length > 0)
        note(
          `Rare values (seen fewer than ${rareMin} times) grouped as "(other)", never stored: ${rare.columns.map((c) => `${c.name} ${c.values}`).join(', ')}`,
        );
      const config = buildConfig(values, prepared.train.bits, prepared.train.rows, budgetedDefaults(prepared));
      checkFit(prepared, config);
      // Room for the model beside its target, before minutes of training.
      await probeOutput(out, estimateModelFileBytes(config, prepared.train.bits));
      if (!quiet)
        note(
          `${prepared.train.rows} training rows, ${prepared.train.bits} bits per row; training ${config.layers.map((l) => `${l.units} (${l.method})`).join(' → ')}, top prior ${config.topPrior}`,
        );
      const { bundle, summary } = await fitModel(prepared, config, appVersion(), {
        onProgress: quiet ? undefined : printEpoch,
        onLayer: quiet ? undefined : printLayer,
        signal: controller.signal,
      });
      const saved = await save(out, bundle);
      printJson({
        model: saved.path,
        backend: summary.backend,
        rows: { train: prepared.train.rows, valid: prepared.valid?.rows ?? 0, test: prepared.test?.rows ?? 0 },
        subset: {
          rows: subset.info.rows,
          outside: subset.info.outside,
          spec: subset.info.spec,
          fromFile: subset.info.fromFile,
        },
        import: notices,
        rareValues: rare,
        bits: prepared.train.bits,
        config,
        layers: summary.layers,
        logLikelihood: summary.logLikelihood,
        fineTune: summary.fineTune,
        outside: summary.outside,
        seconds: summary.seconds,
      });
      if (saved.error) {
        process.stderr.write(`layerwise: ${formatError(saved.error, 'en')}\n`);
        return 2;
      }
      return 0;
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};
