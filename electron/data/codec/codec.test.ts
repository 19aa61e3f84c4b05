/**
 * Encoding rows to groups of bits and decoding generated bits back: groups match the spec,
 * real rows survive a round trip to the same levels and (within one position) the same quantile
 * code, decoded values stay inside the column's range with the column's precision, integer-ness and format, missing values have their
 * own level, identifiers are fresh, and the spec is plain JSON that validates.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildEncoding,
  decodeRows,
  encodeRows,
  encodeTable,
  encodingBits,
  encodingGroups,
  importCsv,
  parseEncodingSpec,
  datasetRows,
} from '../index.js';
import { DEFAULT_MISSING_TOKENS } from '../../../shared/domain/data.js';
import { groupBits } from '../../base/encoded-rows.js';
import { groupSize } from './spec.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-enc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function ledger() {
  const lines = ['伝票番号,日付,店舗,数量,金額,割引,会員,年齢'];
  for (let i = 0; i < 400; i++) {
    const qty = 1 + (i % 5);
    const age = i % 17 === 0 ? '' : String(20 + ((i * 7) % 50));
    lines.push(
      `INV-${String(1000 + i).padStart(5, '0')},2024/${String(1 + (i % 12)).padStart(2, '0')}/${String(1 + (i % 28)).padStart(2, '0')},${['東京', '大阪', '福岡'][i % 3]},${qty},"￥${(qty * 1280 + (i % 9) * 10).toLocaleString('en-US')}",${(i % 4) * 5}%,${i % 2 ? 'はい' : 'いいえ'},${age}`,
    );
  }
  const path = join(dir, `${files++}-ledger.csv`);
  writeFileSync(path, iconv.encode(lines.join('\r\n'), 'cp932'));
  return importCsv(path);
}

describe('encoding', () => {
  it('turns each used column into a group and keeps every column on the way back', async () => {
    const ds = await ledger();
    const spec = buildEncoding(ds);
    const groups = encodingGroups(spec);
    const data = encodeRows(spec, ds);
    expect(data.bits).toBe(groupBits(groups));
    expect(data.rows).toBe(400);
    // Exactly one bit on per softmax group, for every row.
    let at = 0;
    for (const g of groups) {
      const size = g.kind === 'bernoulli' ? 1 : g.size;
      if (size > 1)
        for (let r = 0; r < data.rows; r++)
          expect(data.data.subarray(r * data.bits + at, r * data.bits + at + size).reduce((a, b) => a + b, 0)).toBe(1);
      at += size;
    }
    const decoded = decodeRows(spec, data, 1);
    expect(decoded.header).toEqual(ds.info.columns.map((c) => c.name));
    expect(decoded.rows).toHaveLength(400);
    expect(decoded.rows[0]).toHaveLength(8);
  });

  it('decodes real rows back to the same categories and into the same bins, formatted like the file', async () => {
    const ds = await ledger();
    const spec = buildEncoding(ds);
    const data = encodeRows(spec, ds);
    const decoded = decodeRows(spec, data, 7);
    const real = datasetRows(ds, 0, 400).rows;
    const col = (name: string) => ds.info.columns.findIndex((c) => c.name === name);
    for (let r = 0; r < 400; r++) {
      expect(decoded.rows[r][col('店舗')]).toBe(real[r][col('店舗')]);
      expect(decoded.rows[r][col('会員')]).toBe(real[r][col('会員')]);
      expect(decoded.rows[r][col('数量')]).toBe(real[r][col('数量')]);
      expect(decoded.rows[r][col('割引')]).toBe(real[r][col('割引')]);
      expect(decoded.rows[r][col('金額')]).toMatch(/^￥\d{1,3}(,\d{3})*$/);
      expect(decoded.rows[r][col('日付')]).toMatch(/^2024\/\d{2}\/\d{2}$/);
      expect(decoded.rows[r][col('年齢')] === '').toBe(real[r][col('年齢')] === '');
    }
    // Re-encoding the decoded rows gives the same bits, but for a quantile code's position, one step at most.
    const again = encodeTable(spec, decoded);
    expect(spec.columns[col('金額')].kind).toBe('quantiles');
    let start = 0;
    for (const c of spec.columns) {
      for (let r = 0; r < 400; r++) {
        const at = r * data.bits + start;
        if (c.kind !== 'quantiles') {
          for (let j = 0; j < groupSize(c); j++) expect(again.data[at + j]).toBe(data.data[at + j]);
          continue;
        }
        const coarse = c.bins - (c.coarse === 'thermometer' ? 1 : 0);
        const slots = coarse + (c.missing ? 1 : 0);
        const position = (bits: Uint8Array) => {
          const head = bits.subarray(at, at + coarse);
          const slot = c.coarse === 'thermometer' ? head.reduce((a, b) => a + b, 0) : head.indexOf(1);
          let low = 0;
          for (let b = 0; b < c.fineBits; b++) low = low * 2 + bits[at + slots + b];
          return slot * 2 ** c.fineBits + low;
        };
        expect(Math.abs(position(again.data) - position(data.data))).toBeLessThanOrEqual(1);
      }
      start += groupSize(c);
    }
  });

  it('gives identifiers fresh values in their own pattern, never a real one', async () => {
    const ds = await ledger();
    const spec = buildEncoding(ds);
    const decoded = decodeRows(spec, encodeRows(spec, ds), 3);
    const real = new Set(ds.cells[0]);
    for (const row of decoded.rows) {
      expect(row[0]).toMatch(/^INV-\d{5,}$/);
      expect(real.has(row[0])).toBe(false);
    }
  });

  it('is plain JSON that validates, and refuses a damaged spec', async () => {
    const ds = await ledger();
    const spec = buildEncoding(ds);
    const copy = parseEncodingSpec(JSON.parse(JSON.stringify(spec)));
    expect(copy).toEqual(spec);
    expect(() => parseEncodingSpec({ format: 'layerwise-encoding', version: 1 })).toThrow(/badEncodingSpec/);
  });

  it('keeps integer-ness and the number of decimals when drawing inside a bin', async () => {
    const lines = ['price,count'];
    for (let i = 0; i < 500; i++) lines.push(`${(1 + i * 0.37).toFixed(2)},${(i * 13) % 97}`);
    const path = join(dir, `${files++}-p.csv`);
    writeFileSync(path, lines.join('\n'));
    const ds = await importCsv(path);
    const spec = buildEncoding(ds);
    const decoded = decodeRows(spec, encodeRows(spec, ds), 11);
    const code = spec.columns[0];
    if (code.kind !== 'quantiles') throw new Error('expected a quantile code');
    for (const row of decoded.rows) {
      expect(row[0]).toMatch(/^\d+\.\d{2}$/);
      expect(row[1]).toMatch(/^\d+$/);
      const v = Number(row[0]);
      expect(v).toBeGreaterThanOrEqual(code.knots[0]);
      expect(v).toBeLessThanOrEqual(code.knots[code.knots.length - 1]);
    }
  });

  it('takes a bin count per column when asked', async () => {
    const lines = ['price,count'];
    for (let i = 0; i < 500; i++) lines.push(`${(1 + i * 0.37).toFixed(2)},${(i * 13) % 97}`);
    const path = join(dir, `${files++}-p.csv`);
    writeFileSync(path, lines.join('\n'));
    const ds = await importCsv(path);
    const spec = buildEncoding(ds, undefined, { bins: { 0: 30, 1: 4 }, fineBits: { 0: 0, 1: 2 }, coarse: 'softmax' });
    const [price, count] = spec.columns;
    expect(price).toMatchObject({ kind: 'quantiles', bins: 30, fineBits: 0 });
    expect(count).toMatchObject({ kind: 'quantiles', bins: 4, fineBits: 2 });
    const b = { kind: 'bernoulli' };
    expect(encodingGroups(spec)).toEqual([{ kind: 'softmax', size: 30 }, { kind: 'softmax', size: 4 }, b, b]);
    expect(encodingBits(spec)).toBe(36);
  });

  it('writes missing values the way the column did (NA stays NA, empty stays empty)', async () => {
    const lines = ['age,city,score'];
    for (let i = 0; i < 300; i++)
      lines.push(
        `${i % 10 === 0 ? 'NA' : 20 + (i % 50)},${i % 7 === 0 ? '' : ['Osaka', 'Kobe', 'Nara'][i % 3]},${i % 11 === 0 ? 'N/A' : (i % 5) + 1}`,
      );
    const path = join(dir, `${files++}-m.csv`);
    writeFileSync(path, lines.join('\n'));
    const ds = await importCsv(path);
    const spec = buildEncoding(ds);
    const decoded = decodeRows(spec, encodeRows(spec, ds), 3);
    for (let r = 0; r < 300; r++) {
      expect(decoded.rows[r][0] === 'NA').toBe(r % 10 === 0);
      expect(decoded.rows[r][1] === '').toBe(r % 7 === 0);
      expect(decoded.rows[r][2] === 'N/A').toBe(r % 11 === 0);
    }
    expect(parseEncodingSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });

  it("reads a table with the import's missing tokens by default (n/a included)", async () => {
    const lines = ['city,size'];
    for (let i = 0; i < 200; i++)
      lines.push(`${i % 9 === 0 ? 'n/a' : ['Osaka', 'Kobe', 'Nara'][i % 3]},${(i * 7) % 40}`);
    const path = join(dir, `${files++}-na.csv`);
    writeFileSync(path, lines.join('\n'));
    const ds = await importCsv(path);
    const spec = buildEncoding(ds);
    const city = spec.columns[0];
    expect(city.kind === 'levels' && city.missing && city.missingToken).toBe('n/a');
    // Every default token is missing to encodeTable: the city's "missing" bit (after its 3 levels), never a level.
    const table = { header: ['city', 'size'], rows: DEFAULT_MISSING_TOKENS.map((t) => [t, '3']) };
    const encoded = encodeTable(spec, table);
    for (let r = 0; r < table.rows.length; r++)
      expect(Array.from(encoded.data.subarray(r * encoded.bits, r * encoded.bits + 4))).toEqual([0, 0, 0, 1]);
    // So decoded rows, which write missing cities as n/a, encode back to the same bits.
    const data = encodeRows(spec, ds);
    const again = encodeTable(spec, decodeRows(spec, data, 5));
    for (let r = 0; r < 200; r++)
      expect(again.data.subarray(r * data.bits, r * data.bits + 4)).toEqual(
        data.data.subarray(r * data.bits, r * data.bits + 4),
      );
  });
});
