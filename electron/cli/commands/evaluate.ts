/**
 * `layerwise evaluate <model.lwm> <csv>`: the model's log-likelihood of the rows of a CSV
 * with the same columns (exact where the hidden state space allows, otherwise an
 * importance-sampled estimate with its standard error), in nats and bits per row; how often
 * each rule the model keeps is broken in those rows; and the
 * quality of the rows it generates (`quality`: Column Shapes, Column Pair Trends, propensity,
 * train on synthetic test on real, each next to its held-out ceiling and marginal floor) against
 * the CSV's rows split as the model's subset was (its recorded specification); and their privacy
 * (`privacy`, `evaluate-privacy.ts`).
 */
import { AppError } from '../../../shared/domain/errors.js';
import { datasetRows, encodeTable, importCsv, ruleViolations } from '../../data/index.js';
import { qualityEvidence } from '../../evidence/index.js';
import { initBackend, logLikelihood } from '../../engine/index.js';
import { readBundle, sampleRows } from '../../synthesizer/index.js';
import { qualityInputOf, rowsToGenerate } from '../../service/quality-job.js';
import { subsetOfModel } from '../quality-rows.js';
import { intOption, note, parse, printJson, type Command } from '../command.js';
import { memoryBudgetFromEnv } from '../../platform/paths.js';
import { csvOptionSpec, csvOptionUsage, csvOverrides } from '../csv-options.js';
import { formatEstimate } from '../../../shared/i18n/estimate.js';
import { cliPrivacy } from './evaluate-privacy.js';

/** At most this many generated rows for the privacy evidence (its limit). */
const PRIVACY_ROWS_MAX = 20_000;

/** Importance samples per row: beyond this the estimate gains nothing a user can see, and memory runs out. */
const MAX_IMPORTANCE_SAMPLES = 10_000;

const options = {
  seed: { type: 'string' },
  samples: { type: 'string' },
  target: { type: 'string' },
  'privacy-rows': { type: 'string' },
  ...csvOptionSpec,
} as const;

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary:
    "a model's log-likelihood of the rows of a CSV (exact or estimated), and the quality and privacy of its rows",
  usage: `Usage: layerwise evaluate <model.lwm> <csv> [--samples S] [--seed N] [--target COLUMN] [--privacy-rows N]

Prints {rows, logLikelihood: {value, exact, se}, bitsPerRow, backend, rules, quality, privacy} as
JSON on stdout. rules gives, for each rule the model found in its training rows, how many of these
rows break it ({key, kind, accepted, rows, violated, rate}; absent for models without rules).
--samples S sets the importance samples per row when the exact sum is too large (default 100).
quality compares rows the model generates with seed N (as "layerwise sample" does) with the
CSV's rows, split as the model's subset was: its training rows against generated rows, held-out
rows (the ceiling) and rows drawn column by column (the floor). --target COLUMN is the column
"train on synthetic, test on real" predicts (default: the last category or number column).
privacy: {against, evidence}: the model's first --privacy-rows rows for --seed (default 2000, at
most ${PRIVACY_ROWS_MAX}; the rows the app previews and exports for that seed) against the CSV's rows:
its training and held-out (test) rows when the CSV is the file the model was trained on, else all
its rows (see docs/METHOD.md, "Privacy evidence of generated rows").

${csvOptionUsage}`,
  async run(argv) {
    const { values, positionals } = parse(argv, options);
    const [modelPath, csv] = positionals;
    if (!modelPath || !csv)
      throw new AppError('cli.missingArgument', { what: 'the model file and the CSV file', command: 'evaluate' });
    const samples = intOption(values.samples, 'samples', 100);
    if (samples < 1 || samples > MAX_IMPORTANCE_SAMPLES)
      throw new AppError('cli.badArguments', {
        message: `--samples: give a number of importance samples from 1 to ${MAX_IMPORTANCE_SAMPLES}`,
      });
    const backend = await initBackend();
    const bundle = await readBundle(modelPath);
    const { model, manifest } = bundle;
    const dataset = await importCsv(csv, { overrides: csvOverrides(values), memoryBudgetBytes: memoryBudgetFromEnv() });
    const table = datasetRows(dataset, 0, dataset.info.rows);
    const data = encodeTable(manifest.dataEncoding, table);
    const estimate = logLikelihood(model, data, {
      seed: intOption(values.seed, 'seed', 1),
      samples,
    });
    note(`log-likelihood: ${formatEstimate(estimate)} per row over ${data.rows} rows`);
    const seed = intOption(values.seed, 'seed', 1);
    const privacyRows = intOption(values['privacy-rows'], 'privacy-rows', 2000);
    if (privacyRows < 10 || privacyRows > PRIVACY_ROWS_MAX)
      throw new AppError('cli.badArguments', {
        message: `--privacy-rows: give a number from 10 to ${PRIVACY_ROWS_MAX}`,
      });
    const { subset, split } = subsetOfModel(dataset, manifest.dataProvenance);
    const synthetic = sampleRows({ model, manifest }, rowsToGenerate(subset), seed);
    const quality = await qualityEvidence(
      qualityInputOf(subset, manifest.dataEncoding, synthetic, { seed, target: values.target ?? null }),
    );
    note(
      `quality: ${percent(quality.overall.model)} (held-out ${percent(quality.overall.ceiling)}, marginals ${percent(quality.overall.floor)})`,
    );
    const privacy = await cliPrivacy(bundle, dataset, privacyRows, seed);
    note(`privacy: ${privacy.evidence.verdict.level} (against ${privacy.against})`);
    // How often each rule the model keeps is broken in these rows (0 for accepted rules in its generated rows).
    const rules = manifest.dataRules ? ruleViolations(manifest.dataRules, table) : undefined;
    printJson({
      rows: data.rows,
      logLikelihood: estimate,
      bitsPerRow: estimate.value / Math.LN2,
      backend,
      rules,
      quality: { ...quality, split },
      privacy,
    });
    return 0;
  },
};

const percent = (v: number | null): string => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
