/**
 * Builds the renderer, starts the local web host on a free loopback port with a fresh token,
 * and records its URL for the specs; stops it afterwards. When an Electron binary exists, it
 * also builds the desktop app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { APP_ENV, electronUnavailable, repoRoot, STATE_FILE } from './env.js';

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
  const token = randomBytes(16).toString('hex');
  const host = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/main.ts', '--port', '0', '--token', token, '--quiet'],
    {
      cwd: repoRoot,
      env: { ...process.env, ...APP_ENV },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${out}`)), 60_000);
    host.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    host.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${out}`)));
  });
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ url, token }));
  return async () => {
    host.kill('SIGTERM');
  };
}
