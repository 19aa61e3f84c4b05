/**
 * `layerwise sample <model.lwm | project.lwproj> --rows N --seed S --out <csv>`: generates rows
 * from a model file alone (its manifest carries the data encoding), or from a model of a
 * project (`--model N`, default the project's selected one: the same rows as the app exports
 * for that seed, without the columns the project leaves out), and writes them as CSV,
 * atomically. Without --out the CSV goes to stdout.
 */
import { readFile } from 'node:fs/promises';
import type { RowTable } from '../../../shared/domain/data.js';
import { AppError } from '../../../shared/domain/errors.js';
import { toCsv } from '../../data/index.js';
import { bundleFromBytes, readBundle, sampleRows, streamRows } from '../../synthesizer/index.js';
import { writeFileAtomic } from '../../base/atomic-write.js';
import { columnChoices } from '../../service/project/lineage.js';
import { omittedFor, withoutColumns } from '../../service/project/generation.js';
import { isProjectFile } from '../../service/project/project-file.js';
import { intOption, note, parse, printJson, type Command } from '../command.js';
import { readProject } from './project.js';

const options = {
  rows: { type: 'string', short: 'n' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  model: { type: 'string', short: 'm' },
} as const;

/** Rows of model `index` (1-based; default: the selected one) of a project file, as the app exports them. */
async function projectRows(path: string, index: number | null, rows: number, seed: number): Promise<RowTable> {
  const content = await readProject(path);
  const at = index === null ? content.models.findIndex((m) => m.record.id === content.selected) : index - 1;
  const model = content.models[at];
  if (!model)
    throw new AppError('cli.badArguments', {
      message: `--model must be between 1 and ${content.models.length} (the project's models)`,
    });
  const bundle = bundleFromBytes(model.bytes);
  const table = streamRows(bundle, rows, seed);
  return withoutColumns(table, omittedFor(bundle.manifest.dataEncoding, columnChoices(content.data)));
}

async function isProject(path: string): Promise<boolean> {
  const head = await readFile(path).catch(() => null);
  return head !== null && isProjectFile(new Uint8Array(head.subarray(0, 16)));
}

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'generate synthetic rows from a model file and write them as CSV',
  usage: `Usage: layerwise sample <model.lwm | project.lwproj> [--model N] [--rows N] [--seed S] [--out rows.csv]

Generates N rows (default 1000) by ancestral sampling; the same seed gives the same rows.
From a project file, --model N picks its N-th model (as "layerwise project info" numbers
them; default: the one selected in the app) and the rows are those the app exports with that
seed, without the columns the project leaves out.
Writes UTF-8 CSV with a BOM (opens correctly in Excel) to --out, or to stdout.`,
  async run(argv) {
    const { values, positionals } = parse(argv, options);
    const [modelPath] = positionals;
    if (!modelPath) throw new AppError('cli.missingArgument', { what: 'the model file', command: 'sample' });
    const rows = intOption(values.rows, 'rows', 1000);
    if (rows < 1) throw new AppError('cli.badArguments', { message: '--rows must be at least 1' });
    const seed = intOption(values.seed, 'seed', 1);
    const index = values.model === undefined ? null : intOption(values.model, 'model', 1);
    const table = (await isProject(modelPath))
      ? await projectRows(modelPath, index, rows, seed)
      : sampleRows(await readBundle(modelPath), rows, seed);
    const csv = toCsv(table);
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
