/**
 * `layerwise sample <model.lwm | project.lwproj> --rows N --seed S --out <csv>`: generates rows
 * from a model file alone (its manifest carries the data encoding), or from a model of a
 * project (`--model N`, default the project's selected one: the same rows as the app exports
 * for that seed, without the columns the project leaves out), and writes them as CSV,
 * atomically. Without --out the CSV goes to stdout. The output may not be the model (nor any
 * model file), nor, without --force, a file named like the data the model was trained on.
 * `--where column=value` (repeatable) generates only rows with those values (METHOD.md §4.5);
 * `--encoding utf8|utf8-bom|cp932` (default utf8, no BOM) and `--delimiter` choose how the CSV
 * is written; a value CP932 cannot write is refused, never replaced.
 */
import { open, stat } from 'node:fs/promises';
import type { RowTable } from '../../../shared/domain/data.js';
import { AppError } from '../../../shared/domain/errors.js';
import { MAX_GENERATED_ROWS } from '../../../shared/domain/limits.js';
import {
  CsvDelimiter,
  CsvEncoding,
  type Condition,
  type ConditionReport,
  type CsvFormat,
} from '../../../shared/domain/samples.js';
import { csvBytes } from '../../data/index.js';
import {
  bundleFromBytes,
  readBundle,
  sampleRows,
  streamRows,
  streamRowsGiven,
  type ModelBundle,
} from '../../synthesizer/index.js';
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
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  where: { type: 'string', multiple: true },
} as const;

interface Generated {
  table: RowTable;
  /** With --where: the model's figures for the condition. */
  condition?: ConditionReport;
  /** The name of the file the model was trained on, protected from being overwritten. */
  sourceName?: string;
}

/** Rows of model `index` (1-based; default: the selected one) of a project file, as the app exports them. */
async function projectRows(
  path: string,
  index: number | null,
  rows: number,
  seed: number,
  where: Condition[],
): Promise<Generated> {
  const content = await readProject(path);
  const at = index === null ? content.models.findIndex((m) => m.record.id === content.selected) : index - 1;
  const model = content.models[at];
  if (!model)
    throw new AppError('cli.badArguments', {
      message: `--model must be between 1 and ${content.models.length} (the project's models)`,
    });
  const bundle = bundleFromBytes(model.bytes);
  const { table, condition } = where.length
    ? streamRowsGiven(bundle, rows, seed, where)
    : { table: streamRows(bundle, rows, seed) };
  const omit = omittedFor(bundle.manifest.dataEncoding, columnChoices(content.data));
  return { table: withoutColumns(table, omit), condition, sourceName: bundle.manifest.dataProvenance?.fileName };
}

/** Rows of a model file alone: its single-call output (a 0.1.0 fixture still matches), or the app's stream where `where` holds. */
function modelRows(bundle: ModelBundle, rows: number, seed: number, where: Condition[]): Generated {
  const sourceName = bundle.manifest.dataProvenance?.fileName;
  if (where.length) return { ...streamRowsGiven(bundle, rows, seed, where), sourceName };
  return { table: sampleRows(bundle, rows, seed), sourceName };
}

const DELIMITERS: Record<string, CsvDelimiter> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\t': '\t',
  '\\t': '\t',
};

/** The CSV format of --encoding, --delimiter and --no-formula-guard. */
function csvFormat(values: { encoding?: string; delimiter?: string; 'no-formula-guard'?: boolean }): CsvFormat {
  const encoding = CsvEncoding.safeParse(values.encoding ?? 'utf8');
  if (!encoding.success)
    throw new AppError('cli.badArguments', {
      message: `--encoding must be utf8, utf8-bom or cp932, not "${values.encoding}"`,
    });
  const delimiter = DELIMITERS[values.delimiter ?? ','];
  if (!delimiter)
    throw new AppError('cli.badArguments', {
      message: `--delimiter must be ",", ";" or tab, not "${values.delimiter}"`,
    });
  return { encoding: encoding.data, delimiter, formulaGuard: values['no-formula-guard'] !== true };
}

/** --where column=value, each. */
function conditions(where: string[] | undefined): Condition[] {
  return (where ?? []).map((w) => {
    const at = w.indexOf('=');
    if (at <= 0) throw new AppError('cli.badArguments', { message: `--where expects column=value, got "${w}"` });
    return { column: w.slice(0, at), value: w.slice(at + 1) };
  });
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
  usage: `Usage: layerwise sample <model.lwm | project.lwproj> [--model N] [--rows N] [--seed S] [--where column=value]...
                       [--encoding utf8|utf8-bom|cp932] [--delimiter ,|;|tab] [--out rows.csv] [--force] [--no-formula-guard]

Generates N rows (default 1000, at most ${MAX_GENERATED_ROWS.toLocaleString('en')}) by ancestral sampling; the same
seed gives the same rows. From a project file, --model N picks its N-th model (as "layerwise
project info" numbers them; default: the one selected in the app) and the rows are those the
app exports with that seed, without the columns the project leaves out. Writes CSV to --out, or
to stdout. An existing CSV is replaced; a model file never is, and a file named like the data
the model was trained on only with --force.

  --where column=value   only rows where the column has that value (repeat for several
                         columns; categories, yes/no and numbers with few values). Rows are
                         drawn from the model given those values, never by trial and error; a
                         combination the model finds too rare is refused with a message.
  --encoding E           utf8 (default, no byte-order mark: what programs expect), utf8-bom
                         (what Excel needs to read UTF-8) or cp932 (Shift-JIS, for Japanese
                         Excel). A value cp932 cannot write is refused, never replaced.
  --delimiter D          , (default), ; or tab

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
    const format = csvFormat(values);
    const where = conditions(values.where);
    if (out) await checkOutput(out, { inputs: [modelPath], kind: 'rows', force });
    const { table, sourceName, condition } = (await isProject(modelPath))
      ? await projectRows(modelPath, index, rows, seed, where)
      : modelRows(await readBundle(modelPath), rows, seed, where);
    if (out) await checkOutput(out, { inputs: [modelPath], kind: 'rows', force, sourceName });
    const csv = csvBytes(table, format);
    if (!out) {
      process.stdout.write(csv);
      return 0;
    }
    await writeFileAtomic(out, csv);
    note(`Wrote ${rows} rows to ${out}`);
    const { encoding, delimiter } = format;
    printJson({ out, rows, seed, columns: table.header, encoding, delimiter, where, condition });
    return 0;
  },
};
