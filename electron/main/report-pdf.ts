/**
 * The report as PDF on the desktop: its HTML written to a private temporary file, loaded in a
 * hidden window of its own in-memory session (sandboxed, no JavaScript, every permission refused,
 * no request but that one file: it stays offline), printed with `webContents.printToPDF` (A4,
 * backgrounds, the report's own page rules), the window and the file removed after.
 * Electron's objects are passed in, so this is tested with fakes.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { SECURE_WEB_PREFERENCES } from './security.js';

/** The partition of the printing window: in memory (no `persist:`), apart from the app's session. */
export const PDF_PARTITION = 'lw-report-pdf';

export interface PdfWindow {
  loadFile(path: string): Promise<void>;
  webContents: Pick<WebContents, 'printToPDF'>;
  destroy(): void;
}

type PdfSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

export interface PdfShell {
  session: PdfSession;
  createWindow(options: BrowserWindowConstructorOptions): PdfWindow;
}

/** The hidden window's options: the app's hardened preferences, without JavaScript, in its own session. */
export const PDF_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  width: 794,
  height: 1123,
  webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false, partition: PDF_PARTITION, images: true },
};

/** Refuses every permission and every request but `allowed`. */
export function lockSession(ses: PdfSession, allowed: string): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== allowed }));
}

export async function printReportPdf(html: string, shell: PdfShell): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'lw-report-pdf-'));
  let win: PdfWindow | null = null;
  try {
    const file = join(dir, 'report.html');
    await writeFile(file, html, { mode: 0o600 });
    lockSession(shell.session, pathToFileURL(file).href);
    win = shell.createWindow(PDF_WINDOW_OPTIONS);
    await win.loadFile(file);
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    win?.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
