/**
 * How the Export step asks for the report: in the UI's current language, as an HTML file, or
 * for the PDF button as a PDF file (desktop) or as a page to open in a new tab and print there
 * (web host: the report's print stylesheet makes the PDF clean).
 */
import type { MethodInput } from '../../../../shared/contract.js';
import type { AppInfo } from '../../../../shared/contract.js';
import { currentLocale } from '../../i18n/index.js';

export type ReportKind = 'report' | 'reportPdf';

export function reportRequest(
  kind: ReportKind,
  transport: AppInfo['transport'] | undefined,
): MethodInput<'export.report'> {
  const format = kind === 'report' ? 'html' : transport === 'electron' ? 'pdf' : 'view';
  return { locale: currentLocale(), format };
}

/** Opens the report the web host serves to view in a new tab (no opener: the tab cannot reach the app). */
export function openReportTab(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
