/**
 * `npm run web` refuses to start with an empty or short token (an empty one used to switch
 * the token check off): one translated line on stderr and a non-zero exit, before anything
 * listens. startWebHost refuses the same tokens.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/domain/errors.js';
import { startTestHost } from './test-fixture.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function runWeb(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, LAYERWISE_TOKEN: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('the web host token', () => {
  it.each([
    ['--token ""', ['--token', ''], {}],
    ['a short --token', ['--token', 'abc123'], {}],
    ['LAYERWISE_TOKEN set empty', [], { LAYERWISE_TOKEN: '' }],
  ])('refuses to start with %s', async (_name, args, env) => {
    const { code, stdout, stderr } = await runWeb(args, env);
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('at least 16 characters');
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('is refused by startWebHost when empty or short', async () => {
    for (const token of ['', 'short']) {
      const started = startTestHost(undefined, { token });
      await expect(started).rejects.toBeInstanceOf(AppError);
      await expect(started).rejects.toMatchObject({ code: 'web.tokenTooShort' });
    }
  });
});
