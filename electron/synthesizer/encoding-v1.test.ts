/**
 * Model files written before the encoding's version 2 (quantile bins, 24 levels) load with
 * today's codec and generate the very same rows for the same seed.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../data/index.js';
import { readBundle, sampleRows } from './index.js';

describe('model files with a version-1 encoding', () => {
  it('load and generate the rows they generated', async () => {
    const fixtures = new URL('./fixtures/', import.meta.url);
    const old = await readBundle(fileURLToPath(new URL('sample-orders-encoding-v1.lwm', fixtures)));
    expect(old.manifest.dataEncoding.version).toBe(1);
    expect(old.manifest.dataEncoding.columns.some((c) => c.kind === 'bins')).toBe(true);
    const expected = await readFile(new URL('sample-orders-encoding-v1-rows-seed3.csv', fixtures), 'utf8');
    expect(toCsv(sampleRows(old, 8, 3))).toBe(expected);
  });
});
