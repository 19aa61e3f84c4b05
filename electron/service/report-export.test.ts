/**
 * The report export through the service, with the real data layer and engine: in the language
 * the renderer asks for (not the OS's), titled with the uploaded file's real name (never the
 * name it is stored under), with its charts and every model of the project; as a PDF through
 * the desktop's printer; to view in a tab only on the web host.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/contract.js';
import { EngineClient } from './engine-thread/client.js';
import { penguinsCsv, testService, trainTiny } from './project/test-support.js';
import type { ReportPrinter } from './report-export.js';

let dir: string;
let engine: EngineClient;
let stored: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-report-export-'));
  stored = join(dir, '7d1e2c3b-9f4a-4c1d-8e2f-upload.csv');
  await writeFile(stored, penguinsCsv(200));
  engine = new EngineClient();
});
afterAll(async () => {
  await engine.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function trained(transport: AppInfo['transport'], printPdf?: ReportPrinter) {
  const { svc, events, saver, files } = testService(engine, { transport, printPdf });
  const upload = files.register(stored, '<img onerror=x>売上 2026.csv');
  await svc['data.import']({ source: { kind: 'file', fileId: upload.fileId } });
  await trainTiny(svc, events, { epochs: 2 });
  await trainTiny(svc, events, { epochs: 2, seed: 2 });
  return { svc, saver };
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('report export', () => {
  it('is in the language the UI asks for, titled with the real file name, with charts and both models', async () => {
    const { svc, saver } = await trained('web');
    const result = await svc['export.report']({ locale: 'ja', format: 'html' });
    expect(result.fileName).toBe('<img onerror=x>売上 2026-report.html');
    const html = text(saver.saved.at(-1)!.bytes);
    expect(saver.saved.at(-1)!.inline).toBe(false);
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<title>Layerwise Studio レポート — &#60;img onerror=x&#62;売上 2026.csv</title>');
    expect(html).not.toContain('7d1e2c3b');
    expect(html).toContain('<h2>学習曲線</h2>');
    expect(html).toContain('第 1 層: エポックごとの基準');
    expect(html).toContain('<h2>プロジェクトのモデル</h2>');
    expect(html).toContain('Model 2 (このレポート)');
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(4);
    // Without a language, the OS's.
    await svc['export.report']();
    expect(text(saver.saved.at(-1)!.bytes)).toContain('<html lang="en">');
  });

  it('on the web host, gives the report to view in a tab; a PDF is for the desktop only', async () => {
    const { svc, saver } = await trained('web');
    await svc['export.report']({ locale: 'en', format: 'view' });
    expect(saver.saved.at(-1)).toMatchObject({ kind: 'report', inline: true });
    await expect(svc['export.report']({ format: 'pdf' })).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('on the desktop, prints the same HTML to PDF', async () => {
    const printed: string[] = [];
    const pdf = new TextEncoder().encode('%PDF-1.7');
    const { svc, saver } = await trained('electron', async (html) => {
      printed.push(html);
      return pdf;
    });
    const result = await svc['export.report']({ locale: 'ja', format: 'pdf' });
    expect(result.fileName).toBe('<img onerror=x>売上 2026-report.pdf');
    expect(saver.saved.at(-1)).toMatchObject({ kind: 'reportPdf', bytes: pdf });
    expect(printed[0]).toContain('<html lang="ja">');
    await expect(svc['export.report']({ format: 'view' })).rejects.toMatchObject({ code: 'unsupported' });
  });
});
