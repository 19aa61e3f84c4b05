/**
 * The `studio` fixture: a page of Layerwise Studio, either in Chromium through the web host
 * (project `web`) or in the Electron app (project `electron`), behind one page object, so
 * every spec is written once. File dialogs are answered by the page object in both cases.
 */
import { test as base, chromium, _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ENV, CHROMIUM, CHROMIUM_ARGS, electronUnavailable, repoRoot, STATE_FILE } from './env.js';
import { Studio } from './pages/studio.js';

interface HostState {
  url: string;
  token: string;
  /** The host's data folder (its autosaves); a second host of the suite uses it too. */
  dataDir: string;
}

export const hostState = (): HostState => JSON.parse(readFileSync(STATE_FILE, 'utf8')) as HostState;

export const test = base.extend<{ studio: Studio; target: 'web' | 'electron' }>({
  target: async ({}, use, testInfo) => {
    await use(testInfo.project.metadata.target === 'electron' ? 'electron' : 'web');
  },
  studio: async ({ target }, use, testInfo) => {
    if (target === 'electron') {
      const reason = electronUnavailable();
      if (reason) {
        console.log(`[e2e] skipping "${testInfo.title}" in Electron: ${reason}`);
        testInfo.skip(true, reason);
        return;
      }
      const app: ElectronApplication = await _electron.launch({
        args: [join(repoRoot, 'out', 'main', 'index.js')],
        cwd: repoRoot,
        env: { ...process.env, ...APP_ENV, LANG: 'en_US.UTF-8' },
      });
      const page: Page = await app.firstWindow();
      await use(new Studio(page, { kind: 'electron', app }));
      await app.close();
      return;
    }
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext({
      acceptDownloads: true,
      locale: 'en-US',
      viewport: { width: 1360, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(hostState().url);
    await use(new Studio(page, { kind: 'web' }));
    await browser.close();
  },
});

export { expect } from '@playwright/test';

/** Skips the current test outside the web project, printing why (the web host only exists there). */
export function webOnly(target: 'web' | 'electron'): void {
  if (target === 'web') return;
  const reason = 'the web host only exists in the web project';
  console.log(`[e2e] skipping "${test.info().title}" in Electron: ${reason}`);
  test.info().skip(true, reason);
}
