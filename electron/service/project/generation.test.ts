/**
 * The notes of generated rows say which columns show rare values as "(other)": the values seen
 * fewer than k times in the training rows, per column still in the rows; none when the
 * protection is off or the column is left out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEncoding, importCsv } from '../../data/index.js';
import { groupedFor } from './generation.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-generation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 70 rows in Tokyo and Osaka, 4 in Kobe and one in each of 6 other cities; a shop of two kinds. */
async function shops() {
  const cities = [
    ...Array<string>(40).fill('Tokyo'),
    ...Array<string>(30).fill('Osaka'),
    ...Array<string>(4).fill('Kobe'),
  ];
  cities.push(...Array.from({ length: 6 }, (_, i) => `Town-${i}`));
  const lines = ['city,kind,qty', ...cities.map((c, i) => `${c},${i % 2 ? 'A' : 'B'},${(i * 7) % 13}`)];
  const path = join(dir, 'shops.csv');
  writeFileSync(path, lines.join('\n'));
  return importCsv(path);
}

describe('the grouped values of generated rows', () => {
  it('names each column whose rare values became "(other)", with how many and below what count', async () => {
    const spec = buildEncoding(await shops());
    expect(groupedFor(spec, [])).toEqual({ below: 5, columns: [{ name: 'city', values: 7 }] });
    expect(groupedFor(buildEncoding(await shops(), undefined, { rareMin: 4 }), [])).toEqual({
      below: 4,
      columns: [{ name: 'city', values: 6 }],
    });
  });

  it('says nothing when the column is left out of the rows or the protection is off', async () => {
    expect(groupedFor(buildEncoding(await shops()), ['city'])).toBeNull();
    expect(groupedFor(buildEncoding(await shops(), undefined, { rareMin: 1 }), [])).toBeNull();
  });
});
