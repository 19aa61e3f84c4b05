/** A file's fingerprint: the same bytes match wherever they are, other bytes do not; a large file is hashed by its ends. */
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintFile, sameContents, WHOLE_HASH_LIMIT } from './fingerprint.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-fingerprint-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('fingerprintFile', () => {
  it('hashes a small file whole: a copy matches, a changed byte does not', async () => {
    const a = join(dir, 'a.csv');
    await writeFile(a, 'region,amount\nEast,1\n');
    const fa = await fingerprintFile(a);
    expect(fa).toMatchObject({ bytes: 21, scope: 'whole' });
    expect(fa.sha256).toBe(createHash('sha256').update('region,amount\nEast,1\n').digest('hex'));
    const moved = join(dir, 'moved.csv');
    await copyFile(a, moved);
    expect(sameContents(fa, await fingerprintFile(moved))).toBe(true);
    await writeFile(moved, 'region,amount\nEast,2\n');
    expect(sameContents(fa, await fingerprintFile(moved))).toBe(false);
  });

  it('hashes a large file by its first and last MiB and its size', async () => {
    const big = join(dir, 'big.csv');
    const bytes = Buffer.alloc(WHOLE_HASH_LIMIT + 10, 97);
    await writeFile(big, bytes);
    const f = await fingerprintFile(big);
    expect(f.scope).toBe('ends');
    bytes[bytes.length - 5] = 98;
    await writeFile(big, bytes);
    expect(sameContents(f, await fingerprintFile(big))).toBe(false);
  });

  it('says which file it could not read', async () => {
    await expect(fingerprintFile(join(dir, 'none.csv'), 'none.csv')).rejects.toMatchObject({
      code: 'readFailed',
      params: { path: 'none.csv' },
    });
  });
});
