/**
 * `layerwise sample <model.lwm> --rows N --seed S --out <csv>`: generates rows from a model
 * file alone (its manifest carries the data encoding) and writes them as CSV, atomically.
 * Without --out the CSV goes to stdout. The output may not be the model (nor any model file),
 * nor, without --force, a file named like the data the model was trained on.
 */
import { AppError } from '../../../shared/domain/errors.js';
import { MAX_GENERATED_ROWS } from '../../../shared/domain/limits.js';
import { toCsv } from '../../data/index.js';
import { readBundle, sampleRows } from '../../synthesizer/index.js';
import { writeFileAtomic } from '../../base/atomic-write.js';
import { intOption, note, parse, printJson, type Command } from '../command.js';
import { checkOutput } from '../output.js';

const options = {
  rows: { type: 'string', short: 'n' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'no-formula-guard': { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'generate synthetic rows from a model file and write them as CSV',
  usage: `Usage: layerwise sample <model.lwm> [--rows N] [--seed S] [--out rows.csv] [--force] [--no-formula-guard]

Generates N rows (default 1000, at most ${MAX_GENERATED_ROWS.toLocaleString('en')}) by ancestral sampling; the same
seed gives the same rows. Writes UTF-8 CSV with a BOM (opens correctly in Excel) to --out, or to
stdout. An existing CSV is replaced; a model file never is, and a file named like the data the
model was trained on only with --force.

A cell (or column name) that a spreadsheet would run as a formula — one starting with
= + - @, a tab or a carriage return, numbers such as -12 excepted — is written with a
leading single quote, so Excel shows it as text.
  --no-formula-guard   write such cells exactly as generated (only for programs, not spreadsheets)`,
  async run(argv) {
    const { values, positionals } = parse(argv, options);
    const [modelPath] = positionals;
    if (!modelPath) throw new AppError('cli.missingArgument', { what: 'the model file', command: 'sample' });
    const rows = intOption(values.rows, 'rows', 1000);
    if (rows < 1 || rows > MAX_GENERATED_ROWS)
      throw new AppError('cli.tooManyRows', { max: MAX_GENERATED_ROWS, value: values.rows ?? rows });
    const seed = intOption(values.seed, 'seed', 1);
    const out = values.out;
    if (out) await checkOutput(out, { inputs: [modelPath], kind: 'rows', force: values.force === true });
    const bundle = await readBundle(modelPath);
    if (out)
      await checkOutput(out, {
        inputs: [modelPath],
        kind: 'rows',
        force: values.force === true,
        sourceName: bundle.manifest.dataProvenance?.fileName,
      });
    const table = sampleRows(bundle, rows, seed);
    const csv = toCsv(table, { formulaGuard: values['no-formula-guard'] !== true });
    if (!out) {
      process.stdout.write(csv);
      return 0;
    }
    await writeFileAtomic(out, csv);
    note(`Wrote ${rows} rows to ${out}`);
    printJson({ out, rows, seed, columns: table.header });
    return 0;
  },
};
