/**
 * The web host with a stub service: the token gate, the page load that trades the token in
 * its URL for the session cookie, static files, uploads, one-time downloads (HEAD does not
 * take them), the event socket, and requests it cannot read (400/403, never an internal message).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { WebSocket } from 'ws';
import type { ServerEvent } from '../../shared/contract.js';
import { startTestHost, STUB_INFO as info, stubService, TEST_TOKEN as TOKEN, type TestHost } from './test-fixture.js';

/** A raw HTTP/1.1 exchange, for requests fetch would refuse to send; resolves with the status line and body. */
function raw(port: number, text: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (c: Buffer) => (data += c.toString()));
    socket.on('end', () => resolve({ status: Number(data.split(' ')[1]), body: data.split('\r\n\r\n')[1] ?? '' }));
    socket.on('error', reject);
  });
}

/** A request with exactly these headers (fetch would set Host itself). */
function withHeaders(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers, setHost: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host', () => {
  let t: TestHost;
  let base: string;

  beforeAll(async () => {
    t = await startTestHost((saver) => () => ({
      service: stubService({
        'export.report': async () =>
          saver.save({
            kind: 'report',
            suggestedName: 'report.html',
            bytes: new TextEncoder().encode('<p>report</p>'),
          }),
      }),
      close: () => undefined,
    }));
    base = t.base;
  });

  afterAll(async () => {
    await t.close();
  });

  const auth = { 'x-layerwise-token': TOKEN };
  const rpc = (method: string, body: unknown, headers: Record<string, string> = auth) =>
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

  it('trades the token in the page URL for the session cookie, and serves the page with a CSP', async () => {
    const res = await fetch(`${base}/?token=${TOKEN}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`lw_token_${t.port}=`);
    expect(cookie).toContain('HttpOnly');
    const location = res.headers.get('location') ?? '';
    expect(location).toBe(`${t.host.sessionPath}/`);
    const page = await fetch(`${base}${location}`, { headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const again = await fetch(`${base}${t.host.sessionPath}/assets/app.js`, {
      headers: { cookie: cookie.split(';')[0] },
    });
    expect(again.status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/..%2Fsecret.txt', `${t.host.sessionPath}/..%2F..%2F..%2Fsecret.txt`, '/%2e%2e/secret.txt']) {
      const res = await fetch(`${base}${path}`, { headers: auth });
      const text = await res.text();
      expect(text).not.toContain('do not serve');
    }
  });

  it('takes an upload and registers it as a picked file', async () => {
    const res = await fetch(`${base}/api/upload?name=${encodeURIComponent('売上.csv')}`, {
      method: 'POST',
      headers: auth,
      body: 'a,b\n1,2\n',
    });
    const reply = (await res.json()) as { ok: true; value: { fileId: string; name: string; bytes: number } };
    expect(reply.value.name).toBe('売上.csv');
    expect(reply.value.bytes).toBe(8);
    expect(readFileSync(t.files.resolve(reply.value.fileId), 'utf8')).toBe('a,b\n1,2\n');
    // Stored under a random name, known by the user's: the name the import, the report and exports use.
    expect(t.files.lookup(reply.value.fileId).name).toBe('売上.csv');
    expect(t.files.resolve(reply.value.fileId)).not.toContain('売上');
  });

  it('hands out an export once through its download URL, which carries no token', async () => {
    const reply = (await (await rpc('export.report', {})).json()) as { ok: true; value: { downloadUrl: string } };
    expect(reply.value.downloadUrl).not.toContain(TOKEN);
    expect(reply.value.downloadUrl).not.toContain('token');
    expect((await fetch(`${base}${reply.value.downloadUrl}`)).status).toBe(401);
    const first = await fetch(`${base}${reply.value.downloadUrl}`, { headers: auth });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toContain('attachment');
    expect(await first.text()).toBe('<p>report</p>');
    const second = await fetch(`${base}${reply.value.downloadUrl}`, { headers: auth });
    expect(second.status).toBe(404);
  });

  it('answers HEAD on a download without using it up, and nothing but GET or HEAD', async () => {
    const reply = (await (await rpc('export.report', {})).json()) as { ok: true; value: { downloadUrl: string } };
    const url = `${base}${reply.value.downloadUrl}`;
    const head = await fetch(url, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('13');
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await fetch(url, { method, headers: auth });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
    const get = await fetch(url, { headers: auth });
    expect(await get.text()).toBe('<p>report</p>');
  });

  it('answers requests it cannot read with 400 or 403 and a short message, never an internal one', async () => {
    const answers = [
      await fetch(`${base}/%`, { headers: auth }),
      await fetch(`${base}/assets/%E0%A4%A`, { headers: auth }),
      await fetch(`${base}/api/rpc/app.%E0`, { method: 'POST', headers: auth, body: '{}' }),
      await fetch(`${base}/api/rpc/app.info`, { method: 'POST', headers: auth, body: '{"not json' }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(400);
      const body = (await res.json()) as { ok: boolean; error: { code: string; params: { message: string } } };
      expect(body).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
      expect(body.error.params.message).not.toMatch(/URI malformed|Unexpected|JSON at|position/);
    }
    const badHost = await withHeaders(t.port, '/', { host: 'not a host', 'x-layerwise-token': TOKEN });
    expect(badHost.status).toBe(403);
    const noHost = await withHeaders(t.port, '/', { 'x-layerwise-token': TOKEN });
    expect([400, 403]).toContain(noHost.status);
    for (const target of ['//', '//evil.example/x', 'http://127.0.0.1/']) {
      const res = await raw(t.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nConnection: close\r\n\r\n`);
      expect(res.status).toBe(400);
      expect(res.body).not.toMatch(/Invalid URL|TypeError/);
    }
    expect((await rpc('app.info', {})).status).toBe(200);
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
    t.host.broadcast(event);
    expect(await received).toEqual(event);
    ws.close();
  });
});
