import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { AppInfo, ServerEvent, Service } from '../../shared/contract.js';
import { FileRegistry } from '../platform/file-registry.js';
import { startWebHost, type WebHost } from './server.js';
import { WebSaver } from './web-saver.js';

const TOKEN = 'test-token-123';
const info: AppInfo = {
  name: 'Layerwise Studio',
  version: '1.0.0',
  backend: 'cpu',
  transport: 'web',
  osLocale: 'en-US',
  platform: 'linux',
};

describe('web host', () => {
  let host: WebHost;
  let base: string;
  const files = new FileRegistry();
  const saver = new WebSaver(TOKEN);

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'lw-web-'));
    const staticDir = join(root, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Layerwise</title>');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    const service = new Proxy({} as Service, {
      get(_t, key: string) {
        if (key === 'app.info') return async () => info;
        if (key === 'export.report')
          return async () =>
            saver.save({
              kind: 'report',
              suggestedName: 'report.html',
              bytes: new TextEncoder().encode('<p>report</p>'),
            });
        return async () => Promise.reject(new Error(`unexpected ${key}`));
      },
    });
    host = await startWebHost({ token: TOKEN, staticDir, uploadDir: join(root, 'uploads'), service, files, saver }, 0);
    const address = host.server.address();
    base = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}`;
  });

  afterAll(async () => {
    await host.close();
  });

  const rpc = (method: string, body: unknown, headers: Record<string, string> = { 'x-layerwise-token': TOKEN }) =>
    fetch(`${base}/api/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers contract calls that carry the token', async () => {
    const res = await rpc('app.info', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: info });
  });

  it('refuses calls without the token', async () => {
    const res = await rpc('app.info', {}, {});
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('serves the page with the token in the URL, sets the session cookie and a CSP', async () => {
    const res = await fetch(`${base}/?token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('lw_token=');
    expect(res.headers.get('set-cookie')).toContain('HttpOnly');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const again = await fetch(`${base}/assets/app.js`, { headers: { cookie: `lw_token=${TOKEN}` } });
    expect(again.status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await fetch(`${base}/..%2Fsecret.txt?token=${TOKEN}`);
    const text = await res.text();
    expect(text).not.toContain('do not serve');
  });

  it('takes an upload and registers it as a picked file', async () => {
    const res = await fetch(`${base}/api/upload?name=${encodeURIComponent('売上.csv')}`, {
      method: 'POST',
      headers: { 'x-layerwise-token': TOKEN },
      body: 'a,b\n1,2\n',
    });
    const reply = (await res.json()) as { ok: true; value: { fileId: string; name: string; bytes: number } };
    expect(reply.value.name).toBe('売上.csv');
    expect(reply.value.bytes).toBe(8);
    expect(readFileSync(files.resolve(reply.value.fileId), 'utf8')).toBe('a,b\n1,2\n');
    // Stored under a random name, known by the user's: the name the import, the report and exports use.
    expect(files.lookup(reply.value.fileId).name).toBe('売上.csv');
    expect(files.resolve(reply.value.fileId)).not.toContain('売上');
  });

  it('hands out an export once through its download URL', async () => {
    const reply = (await (await rpc('export.report', {})).json()) as { ok: true; value: { downloadUrl: string } };
    const first = await fetch(`${base}${reply.value.downloadUrl}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toContain('attachment');
    expect(await first.text()).toBe('<p>report</p>');
    const second = await fetch(`${base}${reply.value.downloadUrl}`);
    expect(second.status).toBe(404);
  });

  it('broadcasts events to sockets that carry the token only', async () => {
    const wsBase = base.replace('http', 'ws');
    const refused = await new Promise<boolean>((resolve) => {
      const ws = new WebSocket(`${wsBase}/api/events`);
      ws.on('open', () => resolve(false));
      ws.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    const ws = new WebSocket(`${wsBase}/api/events?token=${TOKEN}`);
    await new Promise((resolve) => ws.on('open', resolve));
    const received = new Promise<unknown>((resolve) => ws.on('message', (data) => resolve(JSON.parse(String(data)))));
    const event: ServerEvent = { type: 'import.progress', phase: 'import', bytesRead: 10, totalBytes: 100, rows: 3 };
    host.broadcast(event);
    expect(await received).toEqual(event);
    ws.close();
  });
});
