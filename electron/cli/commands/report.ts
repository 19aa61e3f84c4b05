/**
 * `layerwise report <model.lwm|project.lwproj> [--data <csv>] --out report.html --lang en|ja`:
 * the report the app exports, as one self-contained HTML file (charts included, offline), in
 * English or Japanese. Without data, what the model file records (provenance, settings, figures);
 * with the data, also the data summary and the subset's representativeness the app shows.
 */
import { AppError } from '../../../shared/domain/errors.js';
import { ReportLocale } from '../../../shared/domain/report.js';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { writeFileAtomic } from '../../base/atomic-write.js';
import { checkOutput } from '../output.js';
import { appName, appVersion } from '../../platform/app-version.js';
import { projectReport } from '../../service/report-export.js';
import { csvOptionSpec, csvOptionUsage, csvOverrides } from '../csv-options.js';
import { note, parse, printJson, type Command } from '../command.js';
import { attachData, openForReport } from './report-source.js';

/** Refuses to write over an input, a model, or (without --force) an existing file that is not an HTML page. */
async function checkReportOutput(out: string, inputs: string[], force: boolean): Promise<void> {
  await checkOutput(out, { inputs, kind: 'rows', force });
  const existing = await stat(out).catch(() => null);
  if (existing && !force && !['.html', '.htm'].includes(extname(out).toLowerCase()))
    throw new AppError('cli.wouldOverwrite', { path: out });
}

const options = {
  data: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  force: { type: 'boolean' },
  ...csvOptionSpec,
} as const;

export const reportCommand: Command = {
  name: 'report',
  summary: "a model's report as a self-contained HTML file (charts, offline), in English or Japanese",
  usage: `Usage: layerwise report <model.lwm|project.lwproj> --out report.html [--data <csv>] [--lang en|ja] [--force]

Writes the report of the model (of a project: its selected model, compared with the others).
--data reads the CSV the model was trained on (a project's must be the very file it was made with)
to add its summary and the subset's representativeness. --lang: en (default) or ja.
Never writes over its inputs or a model; an existing file other than an .html page only with --force.
Prints {out, lang, model, data} as JSON on stdout.

${csvOptionUsage}`,
  async run(argv) {
    const { values, positionals } = parse(argv, options);
    const [file] = positionals;
    if (!file) throw new AppError('cli.missingArgument', { what: 'the model or project file', command: 'report' });
    if (!values.out) throw new AppError('cli.missingArgument', { what: '--out report.html', command: 'report' });
    const lang = ReportLocale.safeParse(values.lang ?? 'en');
    if (!lang.success)
      throw new AppError('cli.badArguments', { message: `--lang: give en or ja, not "${values.lang}"` });
    const force = values.force === true;
    await checkReportOutput(values.out, values.data ? [file, values.data] : [file], force);
    const project = await openForReport(file);
    if (values.data) await attachData(project, values.data, csvOverrides(values));
    const app = { name: appName(), version: appVersion() };
    // Quality and privacy need the engine: the CLI's `evaluate` computes them; here the sections say why they are absent.
    const evidence = values.data ? {} : { evidenceAbsent: { reason: 'noRealRows' as const } };
    const { html } = projectReport(project, app, lang.data, evidence);
    await writeFileAtomic(values.out, html);
    const entry = project.selectedModel();
    note(`report of ${entry.record.name} written to ${values.out}`);
    printJson({ out: values.out, lang: lang.data, model: entry.record.name, data: project.dataName(entry) });
    return 0;
  },
};
