import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from './atomic-write.js';
import { AppError } from '../../shared/domain/errors.js';

const root = mkdtempSync(join(tmpdir(), 'lw-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => mkdtempSync(join(root, `case${n++}-`));

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const dir = freshDir();
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new contents');
    expect(readFileSync(file, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('fails with a translatable error and keeps nothing when the folder does not exist', async () => {
    const dir = freshDir();
    const err = await writeFileAtomic(join(dir, 'missing', 'out.csv'), 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('writeFailed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it("keeps an existing file's permissions and gives a new file the default mode", async () => {
    const dir = freshDir();
    const secret = join(dir, 'secret.csv');
    writeFileSync(secret, 'old');
    chmodSync(secret, 0o600);
    await writeFileAtomic(secret, 'new');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    const fresh = join(dir, 'fresh.csv');
    await writeFileAtomic(fresh, 'new');
    const umask = process.umask();
    expect(statSync(fresh).mode & 0o777).toBe(0o666 & ~umask);
  });

  it('writes chunks in order, and removes its temporary file when the content fails half-way', async () => {
    const dir = freshDir();
    const file = join(dir, 'rows.csv');
    await writeFileAtomic(file, ['a,b\n', new TextEncoder().encode('1,2\n')]);
    expect(readFileSync(file, 'utf8')).toBe('a,b\n1,2\n');
    async function* failing() {
      yield 'x,y\n';
      throw new Error('generator broke');
    }
    await expect(writeFileAtomic(file, failing())).rejects.toMatchObject({ code: 'writeFailed' });
    expect(readdirSync(dir)).toEqual(['rows.csv']);
    expect(readFileSync(file, 'utf8')).toBe('a,b\n1,2\n');
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'removes its temporary file when the process gets %s during a write',
    async (signal) => {
      const dir = freshDir();
      const target = join(dir, 'out.csv');
      writeFileSync(target, 'old');
      const module = fileURLToPath(new URL('./atomic-write.ts', import.meta.url));
      // A write whose content never ends: the process is interrupted while the temporary file exists.
      const script = `
        import { writeFileAtomic } from ${JSON.stringify(module)};
        async function* forever() { for (;;) { yield 'row\\n'; await new Promise((r) => setTimeout(r, 20)); } }
        await writeFileAtomic(${JSON.stringify(target)}, forever());`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: 'ignore',
      });
      const tmpSeen = await waitFor(() => readdirSync(dir).some((f) => f.endsWith('.tmp')), 20_000);
      expect(tmpSeen).toBe(true);
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(readdirSync(dir)).toEqual(['out.csv']);
      expect(readFileSync(target, 'utf8')).toBe('old');
    },
  );
});

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}
