/**
 * Numbers in scientific notation (`1e+05`, `2.5E-3`, `-1.2e3`) read as numbers, with the
 * decimals their values have, in a column beside plain numbers, and survive encode → decode.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEncoding, decodeRows, encodeRows, importCsv } from './index.js';
import { decimalsOf, parseNumber } from './numbers.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-sci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scientific notation', () => {
  it('parses mantissa and exponent, with either decimal mark', () => {
    expect(parseNumber('1e+05', '.')).toBe(100000);
    expect(parseNumber('2.5E-3', '.')).toBe(0.0025);
    expect(parseNumber('-1.2e3', '.')).toBe(-1200);
    expect(parseNumber('2,5E-3', ',')).toBe(0.0025);
    expect(parseNumber('e5', '.')).toBeNaN();
    expect(decimalsOf('2.5E-3', '.')).toBe(4);
    expect(decimalsOf('1e+05', '.')).toBe(0);
  });

  it('reads a column mixing 1e+05 and plain numbers as numbers, none missing', async () => {
    const cells = Array.from({ length: 100 }, (_, i) =>
      i % 10 === 0 ? '1e+05' : i % 10 === 1 ? '2.5E-3' : String(i * 10),
    );
    const path = join(dir, 'sci.csv');
    writeFileSync(path, ['amount,shop', ...cells.map((c, i) => `${c},S${i % 3}`)].join('\n'));
    const ds = await importCsv(path);
    expect(ds.info.columns[0]).toMatchObject({ type: 'numeric', missing: 0 });
    expect(ds.info.columns[0].format.number?.decimals).toBe(4);
    expect(ds.info.columns[0].max).toBe(100000);
    const spec = buildEncoding(ds);
    const back = decodeRows(spec, encodeRows(spec, ds), 1).rows.map((r) => Number(r[0]));
    back.forEach((v, i) => {
      expect(Number.isFinite(v)).toBe(true);
      if (i % 10 === 0) expect(v).toBe(100000);
      if (i % 10 === 1) expect(v).toBeLessThan(20);
    });
  });
});
