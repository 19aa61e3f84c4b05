/**
 * Builds the renderer, starts the local web host on a free loopback port with a fresh token
 * and its own data folder (autosaves stay out of the user's), and records its URL for the
 * specs, with a folder for the files the specs write; stops it and removes both folders afterwards. When an Electron binary exists, it also
 * builds the desktop app.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { electronUnavailable, repoRoot, STATE_FILE } from './env.js';
import { startHost } from './host.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const build = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('renderer build failed');
  if (electronUnavailable() === 'the desktop app is not built (run "npm run build" first)') {
    spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'layerwise-e2e-data-'));
  // Files the specs write and save (e2eTempDir), removed with the run.
  const filesDir = mkdtempSync(join(tmpdir(), 'layerwise-e2e-files-'));
  const host = await startHost(dataDir);
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ url: host.url, token: host.token, dataDir, filesDir }));
  return async () => {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(filesDir, { recursive: true, force: true });
  };
}
