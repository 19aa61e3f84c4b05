import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { AppError } from '../../shared/domain/errors.js';

const root = mkdtempSync(join(tmpdir(), 'lw-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
/** An empty folder of its own for one test. */
function folder(): string {
  const dir = join(root, String(folders++));
  mkdirSync(dir);
  return dir;
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const dir = folder();
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new contents');
    expect(readFileSync(file, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('fails with a translatable error and keeps nothing when the folder does not exist', async () => {
    const dir = folder();
    const err = await writeFileAtomic(join(dir, 'missing', 'out.csv'), 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('writeFailed');
    expect(readdirSync(dir)).toEqual([]);
  });
});
