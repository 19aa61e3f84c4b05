/**
 * Small seeded tables for the rule tests: a CSV written from a row function into a temporary
 * folder (`lw-rules-*`, removed after the file's tests) and read back as a dataset.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { FoundRule } from '../../../../shared/domain/rules.js';
import { createRng, type Rng } from '../../../base/random.js';
import { importCsv, type Dataset } from '../../index.js';

/** A `table(header, n, row)` function for the calling test file, with its own temporary folder. */
export function seededTables(): (
  header: string,
  n: number,
  row: (rng: Rng, i: number) => (string | number)[],
) => Promise<Dataset> {
  let dir = '';
  let files = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lw-rules-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return async (header, n, row) => {
    const rng = createRng(7);
    const lines = [header, ...Array.from({ length: n }, (_, i) => row(rng, i).join(','))];
    const path = join(dir, `t${files++}.csv`);
    await writeFile(path, `${lines.join('\n')}\n`);
    return importCsv(path);
  };
}

export const find = (rules: FoundRule[], key: string) => rules.find((r) => r.rule.key === key);
export const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
