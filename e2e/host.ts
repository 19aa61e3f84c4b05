/**
 * Starting a local web host for the suite: the one global setup starts for every spec, and a
 * second one a spec starts itself to see what survives a restart (each with a fresh token, on
 * a free loopback port, autosaving into the suite's own data folder).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { APP_ENV, repoRoot } from './env.js';

export interface RunningHost {
  url: string;
  token: string;
  stop(): Promise<void>;
}

export async function startHost(dataDir: string): Promise<RunningHost> {
  const token = randomBytes(16).toString('hex');
  const host = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/main.ts', '--port', '0', '--token', token, '--quiet'],
    {
      cwd: repoRoot,
      env: { ...process.env, ...APP_ENV, LAYERWISE_DATA_DIR: dataDir },
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
  return {
    url,
    token,
    stop: () =>
      new Promise<void>((resolve) => {
        if (host.exitCode !== null) return resolve();
        host.once('exit', () => resolve());
        host.kill('SIGTERM');
      }),
  };
}
