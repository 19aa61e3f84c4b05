import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { AppError } from '../../shared/domain/errors.js';

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lw-atomic-'));
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new contents');
    expect(readFileSync(file, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('fails with a translatable error and keeps nothing when the folder does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lw-atomic-'));
    const err = await writeFileAtomic(join(dir, 'missing', 'out.csv'), 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('writeFailed');
    expect(readdirSync(dir)).toEqual([]);
  });
});
