/**
 * `layerwise sample <model.lwm | project.lwproj> --rows N --seed S --out <csv>`: generates rows
 * from a model file alone (its manifest carries the data encoding), or from a model of a
 * project (`--model N`, default the project's selected one: the same rows as the app exports
 * for that seed, without the columns the project leaves out), and writes them as CSV,
 * atomically. Without --out the CSV goes to stdout. The output may not be the model (nor any
 * model file), nor, without --force, a file named like the data the model was trained on.
 */
import { open, stat } from 'node:fs/promises';
import type { RowTable } from '../../../shared/domain/data.js';
import { AppError } from '../../../shared/domain/errors.js';
import { MAX_GENERATED_ROWS } from '../../../shared/domain/limits.js';
import { toCsv } from '../../data/index.js';
import { bundleFromBytes, readBundle, sampleRows, streamRows, type ModelBundle } from '../../synthesizer/index.js';
import { writeFileAtomic } from '../../base/atomic-write.js';
import { columnChoices } from '../../service/project/lineage.js';
import { omittedFor, withoutColumns } from '../../service/project/generation.js';
import { isProjectFile } from '../../service/project/project-file.js';
import { intOption, note, parse, printJson, type Command } from '../command.js';
import { checkOutput } from '../output.js';
import { readProject } from './project.js';

const options = {
  rows: { type: 'string', short: 'n' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'no-formula-guard': { type: 'boolean' },
  force: { type: 'boolean' },
  model: { type: 'string', short: 'm' },
} as const;

interface Generated {
  table: RowTable;
  /** The name of the file the model was trained on, protected from being overwritten. */
  sourceName?: string;
}

/** Rows of model `index` (1-based; default: the selected one) of a project file, as the app exports them. */
async function projectRows(path: string, index: number | null, rows: number, seed: number): Promise<Generated> {
  const content = await readProject(path);
  const at = index === null ? content.models.findIndex((m) => m.record.id === content.selected) : index - 1;
  const model = content.models[at];
  if (!model)
    throw new AppError('cli.badArguments', {
      message: `--model must be between 1 and ${content.models.length} (the project's models)`,
    });
  const bundle = bundleFromBytes(model.bytes);
  const table = streamRows(bundle, rows, seed);
  const omit = omittedFor(bundle.manifest.dataEncoding, columnChoices(content.data));
  return { table: withoutColumns(table, omit), sourceName: bundle.manifest.dataProvenance?.fileName };
}

/** Rows of a model file alone: its single-call output (a 0.1.0 fixture still matches). */
function modelRows(bundle: ModelBundle, rows: number, seed: number): Generated {
  return { table: sampleRows(bundle, rows, seed), sourceName: bundle.manifest.dataProvenance?.fileName };
}

/** Whether `path` is a regular file starting like a project file (only its first bytes are read: never a device). */
async function isProject(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return false;
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const head = new Uint8Array(16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return isProjectFile(head.subarray(0, bytesRead));
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'generate synthetic rows from a model file and write them as CSV',
  usage: `Usage: layerwise sample <model.lwm | project.lwproj> [--model N] [--rows N] [--seed S] [--out rows.csv] [--force] [--no-formula-guard]

Generates N rows (default 1000, at most ${MAX_GENERATED_ROWS.toLocaleString('en')}) by ancestral sampling; the same
seed gives the same rows. From a project file, --model N picks its N-th model (as "layerwise
project info" numbers them; default: the one selected in the app) and the rows are those the
app exports with that seed, without the columns the project leaves out. Writes UTF-8 CSV with
a BOM (opens correctly in Excel) to --out, or to stdout. An existing CSV is replaced; a model
file never is, and a file named like the data the model was trained on only with --force.

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
    const index = values.model === undefined ? null : intOption(values.model, 'model', 1);
    const out = values.out;
    const force = values.force === true;
    if (out) await checkOutput(out, { inputs: [modelPath], kind: 'rows', force });
    const { table, sourceName } = (await isProject(modelPath))
      ? await projectRows(modelPath, index, rows, seed)
      : modelRows(await readBundle(modelPath), rows, seed);
    if (out) await checkOutput(out, { inputs: [modelPath], kind: 'rows', force, sourceName });
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
