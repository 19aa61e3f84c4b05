/**
 * The report export: the selected model's report in the language asked for (the UI's), as an
 * HTML file, as a PDF (desktop: the shell's printer, Electron's printToPDF), or as HTML the web
 * host serves to view in a browser tab and print there.
 */
import type { AppInfo, SaveResult } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import type { ReportFormat, ReportLocale } from '../../shared/domain/report.js';
import { localeOf } from '../../shared/i18n/estimate.js';
import type { Saver } from '../platform/saver.js';
import { staleness } from './project/lineage.js';
import { stem, type ModelEntry, type Project } from './project/project.js';
import type { ReportEvidence } from './report-evidence.js';
import { buildReport, compareModels, modelReport } from './report/index.js';

/** Renders a report's HTML to PDF bytes (the desktop shell's, offline and without scripts). */
export type ReportPrinter = (html: string) => Promise<Uint8Array>;

export interface ReportExport {
  project: Project;
  app: AppInfo;
  saver: Saver;
  printPdf?: ReportPrinter | null;
  request: { locale?: ReportLocale; format: ReportFormat };
  /** The selected model's quality and privacy evidence (kept or computed); none: the sections say so. */
  evidence?: (locale: ReportLocale) => Promise<ReportEvidence>;
}

/**
 * The data and subset a model's report shows: as they were when it was trained in this session,
 * else (a reopened project whose data was found again) the project's, when the model is up to date with them.
 */
export function reportData(project: Project, entry: ModelEntry): ModelEntry['report'] {
  if (entry.report.dataset || !project.info || project.dataMissing) return entry.report;
  if (staleness(entry.record.lineage, project.choices()) !== null) return entry.report;
  return { dataset: project.info, subset: project.subsetInfo ?? entry.report.subset };
}

/** The report of the project's selected model, its title and file name the data file's real name. */
export function projectReport(
  project: Project,
  app: Pick<AppInfo, 'name' | 'version'>,
  locale: ReportLocale,
  evidence: ReportEvidence = {},
): { html: string; stem: string } {
  const entry = project.selectedModel();
  const dataName = project.dataName(entry);
  const html = buildReport({
    app,
    dataName,
    ...modelReport(entry),
    ...reportData(project, entry),
    models: compareModels(project.models, entry),
    ...evidence,
    locale,
  });
  return { html, stem: stem(dataName) };
}

export async function exportReport(x: ReportExport): Promise<SaveResult> {
  const { format } = x.request;
  const locale = x.request.locale ?? localeOf(x.app.osLocale);
  if (format === 'pdf' && !x.printPdf) throw new AppError('unsupported', { what: 'PDF' });
  if (format === 'view' && x.app.transport !== 'web') throw new AppError('unsupported', { what: 'view' });
  const evidence = x.evidence ? await x.evidence(locale) : {};
  const report = projectReport(x.project, x.app, locale, evidence);
  const name = `${report.stem}-report`;
  if (format === 'pdf' && x.printPdf) {
    const bytes = await x.printPdf(report.html);
    return x.saver.save({ kind: 'reportPdf', suggestedName: `${name}.pdf`, bytes });
  }
  const bytes = new TextEncoder().encode(report.html);
  return x.saver.save({ kind: 'report', suggestedName: `${name}.html`, bytes, inline: format === 'view' });
}
