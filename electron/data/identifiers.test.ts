/**
 * Identifiers by their values: near-unique strings and integers, key-shaped codes (`N44A1`,
 * 190 distinct in 344 rows, as penguins' Individual ID) and zero-padded numbers are taken for
 * identifiers with their evidence; categories that merely look like codes are not, nor are
 * near-unique measures (populations, amounts); generated
 * identifiers never equal a real one, even for ids too long to count exactly.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEncoding, decodeRows, encodeRows, importCsv } from './index.js';
import { analyzeColumn } from './infer.js';
import { VEGA_DATA } from './test/vega.js';

const MISSING = new Set(['', 'NA']);
const dir = mkdtempSync(join(tmpdir(), 'lw-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Penguin-like ids: N1A1, N1A2, N2A1, … each bird seen about twice. */
const penguinIds = (n: number) =>
  Array.from({ length: n }, (_, i) => `N${1 + Math.floor(i / 4)}A${1 + ((i >> 1) % 2)}`);

describe('identifiers by their values', () => {
  it('finds key-shaped values with half of them distinct, and says why', () => {
    const ids = penguinIds(344);
    expect(new Set(ids).size / ids.length).toBeGreaterThanOrEqual(0.5);
    const a = analyzeColumn(ids, MISSING, null);
    expect(a).toMatchObject({ type: 'identifier', excludedReason: 'identifier' });
    expect(a.identifierEvidence).toEqual({ kind: 'keyPattern', example: 'N1A1' });
  });

  it('finds near-unique strings and integers, and zero-padded numbers', () => {
    const names = Array.from({ length: 100 }, (_, i) => `cust-${(i * 7919) % 1000}x`);
    expect(analyzeColumn(names, MISSING, null).identifierEvidence?.kind).toBe('unique');
    const ints = Array.from({ length: 100 }, (_, i) => String(1000 + i * 3));
    expect(analyzeColumn(ints, MISSING, null)).toMatchObject({
      type: 'identifier',
      identifierEvidence: { kind: 'unique' },
    });
    const padded = Array.from({ length: 60 }, (_, i) => String(Math.floor(i / 1.5)).padStart(5, '0'));
    expect(analyzeColumn(padded, MISSING, null)).toMatchObject({
      type: 'identifier',
      identifierEvidence: { kind: 'zeroPadded', example: '00000' },
    });
  });

  it('leaves categories alone: repeated codes, words, and numbers without leading zeros', () => {
    const codes = Array.from({ length: 300 }, (_, i) => `A${i % 12}`);
    expect(analyzeColumn(codes, MISSING, null).type).toBe('categorical');
    const words = Array.from({ length: 300 }, (_, i) => ['Dream', 'Biscoe', 'Torgersen'][i % 3]);
    expect(analyzeColumn(words, MISSING, null).type).toBe('categorical');
    const mass = Array.from({ length: 300 }, (_, i) => String(3000 + ((i * 37) % 250) * 10));
    expect(analyzeColumn(mass, MISSING, null).type).toBe('integer');
  });

  it('leaves near-unique measures alone: populations and amounts over many orders of magnitude', async () => {
    // vega-datasets' gapminder: 682 country-years, every population different, 82,656 to 1.3 billion.
    const records = JSON.parse(readFileSync(join(VEGA_DATA, 'gapminder.json'), 'utf8')) as { pop: number }[];
    const pop = records.map((r) => String(r.pop));
    expect(new Set(pop).size).toBeGreaterThanOrEqual(0.98 * pop.length);
    expect(analyzeColumn(pop, MISSING, null)).toMatchObject({ type: 'integer', identifierEvidence: null });
    // Amounts in yen as Excel writes them without separators: 98 % distinct, 3 to 7 digits.
    const yen = Array.from({ length: 400 }, (_, i) => String(Math.round(500 * 1.021 ** i) + i));
    expect(new Set(yen).size).toBe(400);
    expect(analyzeColumn(yen, MISSING, null).type).toBe('integer');
    // Sparse fixed-width customer numbers stay keys.
    const customers = Array.from({ length: 100 }, (_, i) => String(100000 + ((i * 7919) % 900000)));
    expect(analyzeColumn(customers, MISSING, null).identifierEvidence?.kind).toBe('unique');
  });

  it('generates fresh ids that never equal a real one, in the Data step and the codec', async () => {
    const ids = penguinIds(344);
    const lines = ['Individual ID,mass', ...ids.map((id, i) => `${id},${3000 + ((i * 37) % 250) * 10}`)];
    const path = join(dir, 'p.csv');
    writeFileSync(path, lines.join('\n'));
    const ds = await importCsv(path);
    expect(ds.info.columns[0]).toMatchObject({ type: 'identifier', identifierEvidence: { kind: 'keyPattern' } });
    const spec = buildEncoding(ds);
    const rows = decodeRows(spec, encodeRows(spec, ds), 1).rows;
    const real = new Set(ids);
    for (const r of rows) expect(real.has(r[0])).toBe(false);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });

  it('makes ids too long to count exactly one digit longer than any real one', async () => {
    const lines = [
      'account,qty',
      ...Array.from({ length: 40 }, (_, i) => `AC${String(98765432109876543210n + BigInt(i))},${i % 5}`),
    ];
    const path = join(dir, 'long.csv');
    writeFileSync(path, lines.join('\n'));
    const ds = await importCsv(path);
    const spec = buildEncoding(ds);
    expect(spec.columns[0]).toMatchObject({ kind: 'identifier', prefix: 'AC' });
    const real = new Set(ds.cells[0]);
    for (const r of decodeRows(spec, encodeRows(spec, ds), 2).rows) {
      expect(real.has(r[0])).toBe(false);
      expect(r[0]).toHaveLength(23);
    }
  });
});
