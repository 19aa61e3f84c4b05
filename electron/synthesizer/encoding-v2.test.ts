/**
 * Model files written with the encoding's version 2 (categories capped at 64 levels, the more
 * frequent rest grouped as "(other)") load with today's codec (version 3) and generate the very
 * same rows for the same seed.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../data/index.js';
import { readBundle, sampleRows } from './index.js';

describe('model files with a version-2 encoding', () => {
  it('load and generate the rows they generated', async () => {
    const fixtures = new URL('./fixtures/', import.meta.url);
    const old = await readBundle(fileURLToPath(new URL('flights-encoding-v2.lwm', fixtures)));
    const spec = old.manifest.dataEncoding;
    expect(spec.version).toBe(2);
    const origin = spec.columns.find((c) => c.name === 'origin');
    expect(origin).toMatchObject({ kind: 'levels', groupedLevels: 25 });
    const expected = await readFile(new URL('flights-encoding-v2-rows-seed3.csv', fixtures), 'utf8');
    // The command wrote its file without a byte-order mark; toCsv starts with one.
    const rows = toCsv(sampleRows(old, 40, 3)).replace(/^\uFEFF/, '');
    expect(rows).toContain('(other)');
    expect(rows).toBe(expected);
  });
});
