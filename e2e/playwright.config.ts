/**
 * End-to-end suite: the real renderer against the real engine. Project `web` drives Debian's
 * Chromium through the local web host; project `electron` runs the same specs in the desktop
 * app when an Electron binary exists (and skips, saying why, when it does not).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 240_000,
  expect: { timeout: 20_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  outputDir: './.output',
  globalSetup: './global-setup.ts',
  projects: [
    { name: 'web', metadata: { target: 'web' } },
    { name: 'electron', metadata: { target: 'electron' } },
  ],
});
