/**
 * The web host's defences: no token, a wrong token, a foreign Host (DNS rebinding) or a
 * foreign Origin is refused; the token in a header, the URL or the session cookie works. The
 * token leaves the address bar at once and the cookie never reaches another server on
 * 127.0.0.1; each tab has its own session; an upload over the limit is refused in words.
 */
import { chromium, type Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { CHROMIUM, CHROMIUM_ARGS, repoRoot } from './env.js';
import { expect, hostState, test, webOnly } from './fixtures.js';
import { Studio } from './pages/studio.js';

function get(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

test('the web host turns away a caller without the token, or with a foreign Host or Origin, and lets the studio in', async ({
  target,
}) => {
  webOnly(target);
  const { url, token } = hostState();
  const base = new URL(url);
  const root = `${base.origin}/`;
  const rpc = `${base.origin}/api/rpc/app.info`;

  expect((await get(root)).status).toBe(401);
  expect((await get(rpc, {}, 'POST', '{}')).status).toBe(401);
  expect((await get(rpc, { 'x-layerwise-token': 'wrong' }, 'POST', '{}')).status).toBe(401);
  expect((await get(rpc, { 'x-layerwise-token': token, Host: `evil.example:${base.port}` }, 'POST', '{}')).status).toBe(
    403,
  );
  expect((await get(rpc, { 'x-layerwise-token': token, Origin: 'http://evil.example' }, 'POST', '{}')).status).toBe(
    403,
  );

  const ok = await get(rpc, { 'x-layerwise-token': token, 'content-type': 'application/json' }, 'POST', '{}');
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { transport: 'web' } });
  // The printed link: a 303 to the page without the token, with the session cookie; the page then loads.
  const first = await get(url);
  expect(first.status).toBe(303);
  const location = String(first.headers.location);
  expect(location).not.toContain('token');
  const cookie = String(first.headers['set-cookie']).split(';')[0];
  expect(cookie).not.toContain(token);
  expect((await get(`${base.origin}${location}`, { cookie })).status).toBe(200);
});

test('the event socket opens only for a caller with the token', async ({ target }) => {
  webOnly(target);
  const { url, token } = hostState();
  const base = new URL(url);
  const opens = (wsUrl: string) =>
    new Promise<boolean>((resolve) => {
      const ws = new WebSocket(wsUrl);
      ws.on('open', () => {
        ws.close();
        resolve(true);
      });
      ws.on('error', () => resolve(false));
    });
  expect(await opens(`ws://${base.host}/api/events`)).toBe(false);
  expect(await opens(`ws://${base.host}/api/events?token=wrong`)).toBe(false);
  expect(await opens(`ws://${base.host}/api/events?token=${token}`)).toBe(true);
});

async function withBrowser(use: (browser: Browser) => Promise<void>): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await use(browser);
  } finally {
    await browser.close();
  }
}

test('the token leaves the address bar, and another server on 127.0.0.1 never receives the session cookie', async ({
  target,
}) => {
  webOnly(target);
  const { url, token } = hostState();
  const seen: string[] = [];
  const other = createServer((req, res) => {
    seen.push(`${req.url} ${req.headers.cookie ?? '(no cookie)'}`);
    res.end('another server');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const address = other.address();
  const otherPort = address && typeof address === 'object' ? address.port : 0;
  await withBrowser(async (browser) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('try-sample').waitFor();
    expect(page.url()).not.toContain('token');
    expect(page.url()).not.toContain(token);
    const cookies = await context.cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0].value).not.toContain(token);
    expect(cookies[0].httpOnly).toBe(true);
    for (const path of ['/', '/api/events', '/api/rpc/app.info', '/s/'])
      await page.goto(`http://127.0.0.1:${otherPort}${path}`);
  });
  await new Promise<void>((resolve) => other.close(() => resolve()));
  expect(seen.length).toBeGreaterThanOrEqual(4);
  for (const line of seen) expect(line).toContain('(no cookie)');
});

test('two tabs of the web host are two sessions', async ({ target }) => {
  webOnly(target);
  await withBrowser(async (browser) => {
    const context = await browser.newContext();
    const sessionOf = async () => {
      const page = await context.newPage();
      const call = page.waitForRequest(/api\/rpc\/app\.info/);
      await page.goto(hostState().url);
      return (await call).headers()['x-layerwise-session'];
    };
    const a = await sessionOf();
    const b = await sessionOf();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});

test('an upload over the limit is refused with a message that says what to do', async ({ target }) => {
  webOnly(target);
  const token = randomBytes(16).toString('hex');
  const host = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/main.ts', '--port', '0', '--token', token, '--quiet'],
    {
      cwd: repoRoot,
      env: { ...process.env, LAYERWISE_MAX_UPLOAD_MB: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const folder = mkdtempSync(join(tmpdir(), 'lw-e2e-upload-'));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      host.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/.exec(out);
        if (m) resolve(m[1]);
      });
      host.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${out}`)));
    });
    const big = join(folder, 'big.csv');
    writeFileSync(big, `id,value\n${Array.from({ length: 120_000 }, (_, i) => `${i},${i * 7}`).join('\n')}\n`);
    await withBrowser(async (browser) => {
      const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
      await page.goto(url);
      const message = await new Studio(page, { kind: 'web' }).openCsvRefused(big);
      expect(message).toContain('larger than the 1 MB');
      expect(message).toContain('LAYERWISE_MAX_UPLOAD_MB');
    });
  } finally {
    host.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  }
});
