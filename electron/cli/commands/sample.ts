/**
 * `layerwise sample <model.lwm> --rows N --seed S --out <csv>`: generates rows from a model
 * file alone (its manifest carries the data encoding) and writes them as CSV, atomically.
 * Without --out the CSV goes to stdout.
 */
import { AppError } from '../../../shared/domain/errors.js';
import { toCsv } from '../../data/index.js';
import { readBundle, sampleRows } from '../../synthesizer/index.js';
import { writeFileAtomic } from '../../base/atomic-write.js';
import { intOption, note, parse, printJson, type Command } from '../command.js';

const options = {
  rows: { type: 'string', short: 'n' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'no-formula-guard': { type: 'boolean' },
} as const;

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'generate synthetic rows from a model file and write them as CSV',
  usage: `Usage: layerwise sample <model.lwm> [--rows N] [--seed S] [--out rows.csv] [--no-formula-guard]

Generates N rows (default 1000) by ancestral sampling; the same seed gives the same rows.
Writes UTF-8 CSV with a BOM (opens correctly in Excel) to --out, or to stdout.

A cell (or column name) that a spreadsheet would run as a formula — one starting with
= + - @, a tab or a carriage return, numbers such as -12 excepted — is written with a
leading single quote, so Excel shows it as text.
  --no-formula-guard   write such cells exactly as generated (only for programs, not spreadsheets)`,
  async run(argv) {
    const { values, positionals } = parse(argv, options);
    const [modelPath] = positionals;
    if (!modelPath) throw new AppError('cli.missingArgument', { what: 'the model file', command: 'sample' });
    const rows = intOption(values.rows, 'rows', 1000);
    if (rows < 1) throw new AppError('cli.badArguments', { message: '--rows must be at least 1' });
    const seed = intOption(values.seed, 'seed', 1);
    const table = sampleRows(await readBundle(modelPath), rows, seed);
    const csv = toCsv(table, { formulaGuard: values['no-formula-guard'] !== true });
    if (!values.out) {
      process.stdout.write(csv);
      return 0;
    }
    await writeFileAtomic(values.out, csv);
    note(`Wrote ${rows} rows to ${values.out}`);
    printJson({ out: values.out, rows, seed, columns: table.header });
    return 0;
  },
};
