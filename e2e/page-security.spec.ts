/**
 * What the page may reach. In a browser, the web host's page loads without a refused request
 * or a console error (its icon comes from under its own session path, never the server's
 * root), carries the one CSP (header and meta tag) and may open a WebSocket to its own origin
 * only: CSP level 3's 'self' covers ws://127.0.0.1:<port>, and another port or host name is
 * refused. In the desktop app, the window shows the app's own page, has no Node, cannot be sent
 * to a local file, and shows a model file it was started with.
 */
import { _electron, chromium } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP_HEADER, CSP_META } from '../shared/csp.js';
import { APP_ENV, CHROMIUM, CHROMIUM_ARGS, electronUnavailable, repoRoot } from './env.js';
import { expect, hostState, test, webOnly } from './fixtures.js';

const CSP_META_TAG = 'meta[http-equiv="Content-Security-Policy"]';

test('the web page loads with no refused request and no console error (its icon under its own path)', async ({
  target,
}) => {
  webOnly(target);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(hostState().url);
    await expect(page.getByTestId('step-data')).toBeVisible();
    // Time for the browser's own requests after the load (the icon among them).
    await page.waitForTimeout(500);
    expect(problems).toEqual([]);
    const link = page.locator('link[rel="icon"]');
    await expect(link).toHaveAttribute('href', /icon[\w-]*\.svg$/);
    const served = await page.request.get(new URL((await link.getAttribute('href')) ?? '', page.url()).toString());
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/svg+xml');
  } finally {
    await browser.close();
  }
});

test('the web page may connect to its own origin only', async ({ target }) => {
  webOnly(target);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const response = await page.goto(hostState().url);
    expect(response?.headers()['content-security-policy']).toBe(CSP_HEADER);
    expect(await page.locator(CSP_META_TAG).getAttribute('content')).toBe(CSP_META);
    const blocked = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.blockedURI));
      const attempt = (url: string) =>
        new Promise<void>((resolve) => {
          const socket = new WebSocket(url);
          socket.onopen = () => {
            socket.close();
            resolve();
          };
          socket.onerror = () => resolve();
        });
      const port = Number(location.port);
      await attempt(`ws://${location.host}/api/events`);
      await attempt(`ws://127.0.0.1:${port + 1}/api/events`);
      await attempt(`ws://localhost:${port}/api/events`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return violations;
    });
    const port = Number(new URL(hostState().url).port);
    expect(blocked.some((uri) => uri.includes(`127.0.0.1:${port + 1}`))).toBe(true);
    expect(blocked.some((uri) => uri.includes(`localhost:${port}`))).toBe(true);
    expect(blocked.some((uri) => uri.includes(`127.0.0.1:${port}/`) || uri.endsWith(`127.0.0.1:${port}`))).toBe(false);
  } finally {
    await browser.close();
  }
});

test('the desktop window stays on its own page, without Node, and names a model file it was started with', async ({
  target,
}) => {
  const reason =
    target === 'electron' ? electronUnavailable() : 'the desktop window only exists in the electron project';
  if (reason) {
    console.log(`[e2e] skipping "${test.info().title}" in ${target}: ${reason}`);
    test.info().skip(true, reason);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'lw-e2e-'));
  const model = join(dir, 'orders.lwm');
  writeFileSync(model, 'LWM');
  const app = await _electron.launch({
    args: [join(repoRoot, 'out', 'main', 'index.js'), model],
    cwd: repoRoot,
    env: { ...process.env, ...APP_ENV, LANG: 'en_US.UTF-8' },
  });
  try {
    const page = await app.firstWindow();
    // The app opens it as a project; this one is not a model, and the window says so by name.
    await expect(page.getByTestId('error-banner')).toContainText(
      '"orders.lwm" is not a Layerwise project or model file',
    );
    expect(page.url()).toBe('app://layerwise/index.html');
    expect(await page.locator(CSP_META_TAG).getAttribute('content')).toBe(CSP_META);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    const read = await page.evaluate(() =>
      fetch('file:///etc/hosts').then(
        () => 'read',
        () => 'refused',
      ),
    );
    expect(read).toBe('refused');
    await page.evaluate(() => (location.href = 'file:///etc/hosts'));
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://layerwise/index.html');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
