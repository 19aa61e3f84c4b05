/** The report's PDF on the desktop, with a fake Electron: hidden, no JavaScript, offline, the temporary file removed. */
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PDF_PARTITION, printReportPdf, type PdfShell } from './report-pdf.js';

type Handler = (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;

function fakeShell(fail = false) {
  const seen = {
    options: null as unknown,
    html: '',
    path: '',
    destroyed: false,
    handler: null as Handler | null,
    permission: true,
  };
  const shell: PdfShell = {
    session: {
      setPermissionRequestHandler: (h) =>
        h?.({} as never, 'media', (ok: boolean) => (seen.permission = ok), {} as never),
      setPermissionCheckHandler: () => undefined,
      webRequest: { onBeforeRequest: ((h: Handler) => (seen.handler = h)) as never },
    },
    createWindow(options) {
      seen.options = options;
      return {
        async loadFile(path) {
          seen.path = path;
          seen.html = await readFile(path, 'utf8');
        },
        webContents: {
          printToPDF: async () => {
            if (fail) throw new Error('printer failed');
            return Buffer.from('%PDF-1.7 fake');
          },
        },
        destroy: () => (seen.destroyed = true),
      };
    },
  };
  return { shell, seen };
}

const leftovers = async () => (await readdir(tmpdir())).filter((n) => n.startsWith('lw-report-pdf-'));

describe('report PDF', () => {
  it('prints the HTML in a hidden window without JavaScript, in its own session, and lets only its file load', async () => {
    const before = await leftovers();
    const { shell, seen } = fakeShell();
    const pdf = await printReportPdf('<!doctype html><title>r</title>', shell);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');
    expect(seen.html).toBe('<!doctype html><title>r</title>');
    expect(seen.options).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, nodeIntegration: false, partition: PDF_PARTITION },
    });
    expect(seen.permission).toBe(false);
    const verdict = (url: string) => {
      let cancel = false;
      seen.handler!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict(pathToFileURL(seen.path).href)).toBe(false);
    expect(verdict('https://example.com/x.png')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(seen.destroyed).toBe(true);
    expect(await leftovers()).toEqual(before);
  });

  it('removes the window and the file when printing fails', async () => {
    const before = await leftovers();
    const { shell, seen } = fakeShell(true);
    await expect(printReportPdf('<p>x</p>', shell)).rejects.toThrow('printer failed');
    expect(seen.destroyed).toBe(true);
    expect(await leftovers()).toEqual(before);
  });
});
