/**
 * Rare-value protection: a category seen fewer than k times in the training rows (k = 5 by
 * default) is not in the encoding spec (so not in the model file) and never comes back in
 * generated rows — whatever bits the model generates, it is written as "(other)"; a category
 * seen k times can come back; k is recorded, configurable, and 1 turns the protection off;
 * every level seen k times is modelled (beyond 64, in the compact level code); specs written before
 * the protection (and version-1 specs) decode as they did.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EncodedData } from '../../base/encoded-rows.js';
import { createRng } from '../../base/random.js';
import { applyColumnOverrides, buildEncoding, decodeRows, encodeRows, importCsv, parseEncodingSpec } from '../index.js';
import { encodingGroups, OTHER_TOKEN, type EncodingSpec } from './spec.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-rare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A CSV of (city, qty) rows: each city repeated as many times as asked, shuffled by a fixed stride. */
async function cities(counts: Record<string, number>, name: string) {
  const cells = Object.entries(counts).flatMap(([city, n]) => Array<string>(n).fill(city));
  const lines = ['city,qty'];
  cells.forEach((c, i) => lines.push(`${c},${(i * 7) % 13}`));
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return importCsv(path);
}

/** Rows of random bits: one slot on per softmax group, each Bernoulli bit on or off at random. */
function randomBits(spec: EncodingSpec, rows: number, seed: number): EncodedData {
  const groups = encodingGroups(spec);
  const bits = groups.reduce((a, g) => a + (g.kind === 'bernoulli' ? 1 : g.size), 0);
  const data = new Uint8Array(rows * bits);
  const rng = createRng(seed);
  for (let r = 0; r < rows; r++) {
    let at = r * bits;
    for (const g of groups) {
      if (g.kind === 'bernoulli') data[at] = rng.next() < 0.5 ? 1 : 0;
      else data[at + Math.floor(rng.next() * g.size)] = 1;
      at += g.kind === 'bernoulli' ? 1 : g.size;
    }
  }
  return { groups, rows, bits, data };
}

const SINGLES = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`Uniq-${i}`, 1]));

describe('rare-value protection', () => {
  it('keeps values seen fewer than 5 times out of the spec and out of generated rows', async () => {
    const ds = await cities({ Tokyo: 40, Osaka: 30, Nara: 5, Kobe: 4, ...SINGLES }, 'a.csv');
    const spec = buildEncoding(ds);
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/Kobe|Uniq-/);
    expect(spec.rareMin).toBe(5);
    const city = spec.columns[0];
    expect(city).toMatchObject({ kind: 'levels', levels: ['Tokyo', 'Osaka', 'Nara'], other: true });
    expect(city).toMatchObject({ otherLevels: [], rareLevels: 7, rareRows: 10 });
    expect(parseEncodingSpec(JSON.parse(json))).toEqual(spec);

    const generated = decodeRows(spec, randomBits(spec, 3000, 1), 2).rows.map((r) => r[0]);
    expect(new Set(generated)).toEqual(new Set(['Tokyo', 'Osaka', 'Nara', OTHER_TOKEN]));
    // The real rows: rare cities come back as the token, the rest as themselves.
    const back = decodeRows(spec, encodeRows(spec, ds), 3).rows.map((r) => r[0]);
    ds.cells[0].forEach((c, i) => expect(back[i]).toBe(/Kobe|Uniq/.test(c) ? OTHER_TOKEN : c));
  });

  it('models every level seen 5 times, beyond 64 in the compact level code; only the rare ones are "other"', async () => {
    const common = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`C${i}`, 6 + (i < 64 ? 1 : 0)]));
    const ds = await cities({ ...common, ...SINGLES }, 'b.csv');
    const spec = buildEncoding(ds);
    const city = spec.columns[0];
    if (city.kind !== 'levels') throw new Error('expected levels');
    expect(city.levels).toHaveLength(70);
    expect(city).toMatchObject({ fineBits: 2, otherLevels: [], rareLevels: 6, rareRows: 6 });
    expect(city.groupedLevels).toBeUndefined();
    // Real rows come back as themselves, or as the token when rare.
    const back = decodeRows(spec, encodeRows(spec, ds), 3).rows.map((r) => r[0]);
    ds.cells[0].forEach((c, i) => expect(back[i]).toBe(/Uniq/.test(c) ? OTHER_TOKEN : c));
    const seen = new Set(decodeRows(spec, randomBits(spec, 4000, 5), 9).rows.map((r) => r[0]));
    expect(seen.has(OTHER_TOKEN)).toBe(true);
    expect(seen.has('C69')).toBe(true);
    expect([...seen].some((v) => /^Uniq-/.test(v))).toBe(false);
  });

  it("gives every level seen 5 times its own slot and missing values theirs, as penguins' Comments", async () => {
    // 8 comment levels (counts 300, 20, 8, 6, 5, 3, 1, 1) and 3.3% missing, like penguins' Comments and Delta 15 N.
    const counts = [300, 20, 8, 6, 5, 3, 1, 1];
    const cells = counts.flatMap((n, i) => Array<string>(n).fill(`Comment ${i}`));
    cells.push(...Array<string>(12).fill('NA'));
    const lines = ['Comments,qty', ...cells.map((c, i) => `${c},${i % 9}`)];
    const path = join(dir, 'comments.csv');
    writeFileSync(path, lines.join('\n'));
    const ds = await importCsv(path);
    const spec = buildEncoding(ds);
    const c = spec.columns[0];
    if (c.kind !== 'levels') throw new Error('expected levels');
    expect(c.levels).toHaveLength(5);
    expect(c).toMatchObject({ other: true, missing: true, missingToken: 'NA', rareLevels: 3 });
    // Real rows decode to the same levels, missing cells, and "(other)" for the 3 rare ones: the rates are kept exactly.
    const back = decodeRows(spec, encodeRows(spec, ds), 1).rows.map((r) => r[0]);
    const count = (v: string[], x: string) => v.filter((y) => y === x).length;
    for (let i = 0; i < 5; i++) expect(count(back, `Comment ${i}`)).toBe(count(ds.cells[0], `Comment ${i}`));
    expect(count(back, 'NA')).toBe(count(ds.cells[0], 'NA'));
    expect(count(back, OTHER_TOKEN)).toBe(ds.cells[0].filter((x) => /Comment [5-7]/.test(x)).length);
  });

  it('takes k from the options: 4 keeps a value seen 4 times, 1 keeps every value', async () => {
    const ds = await cities({ Tokyo: 40, Osaka: 30, Kobe: 4, ...SINGLES }, 'c.csv');
    const four = buildEncoding(ds, undefined, { rareMin: 4 });
    expect(four.rareMin).toBe(4);
    expect(four.columns[0]).toMatchObject({ levels: ['Tokyo', 'Osaka', 'Kobe'], rareLevels: 6 });
    const off = buildEncoding(ds, undefined, { rareMin: 1 });
    expect(off.columns[0]).toMatchObject({ rareLevels: 0, rareRows: 0 });
    expect(JSON.stringify(off)).toMatch(/Uniq-5/);
    // Counted in the training rows only: with the first 70 rows (Tokyo, Osaka) nothing is rare.
    const first = buildEncoding(
      ds,
      Int32Array.from({ length: 70 }, (_, i) => i),
    );
    expect(first.columns[0]).toMatchObject({ levels: ['Tokyo', 'Osaka'], rareLevels: 0 });
  });

  it('writes a column whose values are all rare as the token (and missing where it was)', async () => {
    const lines = ['kind,city,qty'];
    for (let i = 0; i < 40; i++) lines.push(`K${i % 10},${i % 5 === 0 ? '' : `S${i % 12}`},${i % 7}`);
    const path = join(dir, 'd.csv');
    writeFileSync(path, lines.join('\n'));
    const ds = applyColumnOverrides(await importCsv(path), [
      { index: 0, type: 'categorical', include: true },
      { index: 1, type: 'categorical', include: true },
    ]);
    const spec = buildEncoding(ds);
    expect(spec.columns[0]).toMatchObject({ kind: 'constant', value: OTHER_TOKEN, rareLevels: 10, rareRows: 40 });
    expect(spec.columns[1]).toMatchObject({ kind: 'levels', levels: [OTHER_TOKEN], missing: true, rareLevels: 12 });
    const rows = decodeRows(spec, encodeRows(spec, ds), 1).rows;
    rows.forEach((r, i) => expect(r.slice(0, 2)).toEqual([OTHER_TOKEN, i % 5 === 0 ? '' : OTHER_TOKEN]));
    expect(JSON.stringify(spec)).not.toMatch(/"K\d|"S\d/);
  });

  it('keeps yes/no columns whole: their two values are no secret', async () => {
    const lines = ['member,qty'];
    for (let i = 0; i < 60; i++) lines.push(`${i < 3 ? 'yes' : i % 9 === 0 ? '' : 'no'},${i % 7}`);
    const path = join(dir, 'e.csv');
    writeFileSync(path, lines.join('\n'));
    const spec = buildEncoding(await importCsv(path));
    expect(spec.columns[0]).toMatchObject({ kind: 'levels', levels: ['no', 'yes'], rareLevels: 0 });
  });

  it('decodes a spec written before the protection as it did: "other" draws its remembered levels', () => {
    const spec = parseEncodingSpec({
      format: 'layerwise-encoding',
      version: 1,
      header: ['city'],
      columns: [
        {
          kind: 'levels',
          column: 0,
          name: 'city',
          type: 'categorical',
          levels: ['Tokyo'],
          other: true,
          otherLevels: ['Once'],
          otherCounts: [1],
          missing: false,
        },
      ],
    });
    expect(spec.rareMin).toBeUndefined();
    const data = { groups: encodingGroups(spec), rows: 2, bits: 2, data: Uint8Array.from([1, 0, 0, 1]) };
    expect(decodeRows(spec, data, 1).rows).toEqual([['Tokyo'], ['Once']]);
  });
});
