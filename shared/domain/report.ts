/**
 * What the report export is asked for: the language (the UI's, passed by the renderer; the
 * OS's when absent) and the format: the HTML file, a PDF (desktop: Electron's printToPDF), or
 * the HTML to view in a browser tab and print there (web host: its print stylesheet).
 */
import { z } from 'zod';

export const ReportLocale = z.enum(['en', 'ja']);
export type ReportLocale = z.infer<typeof ReportLocale>;

export const ReportFormat = z.enum(['html', 'pdf', 'view']);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const ReportRequest = z
  .object({ locale: ReportLocale.optional(), format: ReportFormat.default('html') })
  .strict();
export type ReportRequest = z.input<typeof ReportRequest>;
