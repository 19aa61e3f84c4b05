/**
 * How an export leaves the app. The desktop shell asks where to save in a dialog and writes
 * atomically; the web host keeps the bytes for one download by the browser.
 */
import type { SaveResult } from '../../shared/contract.js';

export type ExportKind = 'csv' | 'model' | 'report' | 'reportPdf' | 'project';

export interface SaveRequest {
  kind: ExportKind;
  suggestedName: string;
  bytes: Uint8Array;
  /** Web host: served to view in the browser (a report to print), not as an attachment. */
  inline?: boolean;
}

export interface Saver {
  save(request: SaveRequest): Promise<SaveResult>;
}

export const MIME: Record<ExportKind, string> = {
  csv: 'text/csv; charset=utf-8',
  model: 'application/octet-stream',
  report: 'text/html; charset=utf-8',
  reportPdf: 'application/pdf',
  project: 'application/octet-stream',
};

export const EXTENSIONS: Record<ExportKind, { name: string; extensions: string[] }> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  model: { name: 'Layerwise model', extensions: ['lwm'] },
  report: { name: 'HTML report', extensions: ['html'] },
  reportPdf: { name: 'PDF report', extensions: ['pdf'] },
  project: { name: 'Layerwise project', extensions: ['lwproj'] },
};
