/**
 * Decimal commas and thousands separators: a comma is a thousands separator only before
 * groups of exactly three digits after a first group that does not start with 0; a column is
 * read the way that leaves none of its values unreadable; a column that reads either way
 * (`1,234` only) follows the user's choice, the file's other columns, then its delimiter, and
 * is reported. Each variant is typed with the right range.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CsvOptionsOverride } from '../../shared/domain/data.js';
import { applyColumnOverrides, importCsv } from './index.js';
import { bodyReading, detectSeparators, parseNumber } from './numbers.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-decimal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** Imports a file of the given lines (BOM first when asked) and returns its columns and problems. */
async function load(lines: string[], opts: { bom?: boolean; overrides?: CsvOptionsOverride } = {}) {
  const path = join(dir, `f${files++}.csv`);
  writeFileSync(path, `${opts.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`);
  const ds = await importCsv(path, { overrides: opts.overrides });
  const col = (name: string) => ds.info.columns.find((c) => c.name === name)!;
  const codes = ds.info.problems.map((p) => p.code);
  return { ds, col, codes, problem: (code: string) => ds.info.problems.find((p) => p.code === code) };
}

describe('number bodies', () => {
  it.each([
    ['0,383', null, ''],
    ['12,75', null, ''],
    ['1,234', ',', ''],
    ['1,234,567', ',', null],
    ['1,23,456', null, null],
    ['01,234', null, ''],
    ['1.234,56', null, '.'],
    ['1 234,56', null, ' '],
    ["1'234.56", "'", null],
    [',5', null, ''],
    ['.5', '', null],
  ] as const)('%s reads with a decimal point as %j and with a decimal comma as %j', (body, point, comma) => {
    expect(bodyReading(body, '.')).toBe(point);
    expect(bodyReading(body, ',')).toBe(comma);
  });

  it('never reads 0,383 as 383, nor an inconsistent grouping as a number', () => {
    expect(parseNumber('0,383', '.')).toBeNaN();
    expect(parseNumber('0,383', ',')).toBeCloseTo(0.383, 12);
    expect(parseNumber('1,23,456', '.')).toBeNaN();
    expect(parseNumber('1.2.3', ',')).toBeNaN();
    expect(parseNumber('1,234.5', ',')).toBeNaN();
    expect(parseNumber('-1.234,56', ',')).toBeCloseTo(-1234.56, 9);
  });

  it('lets the values decide, and the hint only when every value reads both ways', () => {
    expect(detectSeparators(['0,383', '0,087', '1,234'])).toMatchObject({ decimalMark: ',', decided: true });
    expect(detectSeparators(['1,234', '12,345,678'])).toMatchObject({ decimalMark: '.', thousands: ',' });
    expect(detectSeparators(['1,234', '5,678'], ',')).toMatchObject({
      decimalMark: ',',
      thousands: '',
      ambiguous: true,
      example: '1,234',
    });
    expect(detectSeparators(['1,234', '5,678'])).toMatchObject({ decimalMark: '.', thousands: ',', ambiguous: true });
    expect(detectSeparators(['12', '345'], ',')).toMatchObject({ ambiguous: false, decided: false });
  });
});

describe('decimal commas in a file', () => {
  it('reads the issue example — a semicolon file with a BOM and 0,383-like values — as fractions, without a notice', async () => {
    const lines = ['id;share;city'];
    for (let i = 0; i < 60; i++)
      lines.push(`${i};0,${String((i * 37) % 400).padStart(3, '0')};${['Lyon', 'Nice'][i % 2]}`);
    const { col, codes } = await load(lines, { bom: true });
    expect(col('share')).toMatchObject({ type: 'numeric', format: { number: { decimalMark: ',', decimals: 3 } } });
    expect(col('share').min).toBe(0);
    expect(col('share').max).toBeCloseTo(Math.max(...Array.from({ length: 60 }, (_, i) => (i * 37) % 400)) / 1000, 12);
    expect(codes).not.toContain('problems.ambiguousDecimal');
    expect(codes).not.toContain('problems.unparsedValues');
  });

  it('types every position of a decimal comma with the right range', async () => {
    const lines = ['half;price;delta;amount;spaced;short;plain'];
    for (let i = 0; i < 40; i++)
      lines.push(
        [
          `${i % 2},5`,
          `${12 + (i % 3)},75`,
          `-3,${(i % 9) + 1}`,
          `1.${String(234 + i).padStart(3, '0')},56`,
          `1 ${String(234 + i).padStart(3, '0')},56`,
          `,${(i % 9) + 1}`,
          `${i}`,
        ].join(';'),
      );
    const { col, codes } = await load(lines);
    const ranges = ['half', 'price', 'delta', 'amount', 'spaced', 'short'].map((n) => [
      n,
      col(n).type,
      col(n).format.number?.decimalMark,
      col(n).min,
      col(n).max,
    ]);
    expect(ranges).toEqual([
      ['half', 'numeric', ',', 0.5, 1.5],
      ['price', 'numeric', ',', 12.75, 14.75],
      ['delta', 'numeric', ',', -3.9, -3.1],
      ['amount', 'numeric', ',', 1234.56, 1273.56],
      ['spaced', 'numeric', ',', 1234.56, 1273.56],
      ['short', 'numeric', ',', 0.1, 0.9],
    ]);
    expect(col('amount').format.number?.thousands).toBe('.');
    expect(col('spaced').format.number?.thousands).toBe(' ');
    expect(codes).not.toContain('problems.ambiguousDecimal');
    expect(codes).not.toContain('problems.unparsedValues');
  });

  it("reads 1'234.56 and 1,234,567 with a decimal point", async () => {
    const lines = ['swiss,big'];
    for (let i = 0; i < 30; i++) lines.push(`1'${String(234 + i).padStart(3, '0')}.56,"1,${234 + i},567"`);
    const { col, codes } = await load(lines);
    expect(col('swiss')).toMatchObject({ type: 'numeric', min: 1234.56, max: 1263.56 });
    expect(col('swiss').format.number).toMatchObject({ decimalMark: '.', thousands: "'" });
    expect(col('big')).toMatchObject({ type: 'integer', min: 1234567, max: 1263567 });
    expect(codes).not.toContain('problems.ambiguousDecimal');
  });
});

describe('numbers that read either way', () => {
  const amounts = (delimiter: string, extra?: (i: number) => string) => {
    const lines = [`amount${delimiter}shop${extra ? `${delimiter}other` : ''}`];
    for (let i = 0; i < 30; i++)
      lines.push(
        [
          `"${1 + (i % 9)},${String(100 + i * 7).padStart(3, '0')}"`,
          ['A', 'B'][i % 2],
          ...(extra ? [extra(i)] : []),
        ].join(delimiter),
      );
    return lines;
  };

  it('in a semicolon file: a decimal comma, with a notice naming the column and the reading', async () => {
    const { col, problem } = await load(amounts(';'));
    expect(col('amount')).toMatchObject({ type: 'numeric', min: 1.1, format: { number: { decimalMark: ',' } } });
    expect(problem('problems.ambiguousDecimal')).toMatchObject({
      severity: 'warning',
      params: { columns: 'amount', example: '1,100', value: '1.1', mark: ',' },
    });
  });

  it('in a comma file: a thousands separator, with the notice', async () => {
    const { col, problem } = await load(amounts(','));
    expect(col('amount')).toMatchObject({ type: 'integer', min: 1100, format: { number: { thousands: ',' } } });
    expect(problem('problems.ambiguousDecimal')?.params).toMatchObject({ value: '1100', mark: '.' });
  });

  it("follows the file's other columns before its delimiter", async () => {
    const { col, problem } = await load(amounts(';', (i) => `${i}.25`));
    expect(col('other').format.number?.decimalMark).toBe('.');
    expect(col('amount')).toMatchObject({ type: 'integer', min: 1100 });
    expect(problem('problems.ambiguousDecimal')?.params).toMatchObject({ columns: 'amount', value: '1100' });
  });

  it('follows the decimal mark the user chose, without a notice', async () => {
    const { col, codes } = await load(amounts(';'), { overrides: { decimalMark: '.' } });
    expect(col('amount')).toMatchObject({ type: 'integer', min: 1100 });
    expect(codes).not.toContain('problems.ambiguousDecimal');
  });

  it('reads a column the user turns into numbers the way the file suggests', async () => {
    const lines = ['amount;shop'];
    for (let i = 0; i < 30; i++) lines.push(`${i % 5 === 0 ? 'unknown' : `${1 + (i % 9)},250`};${['A', 'B'][i % 2]}`);
    const { ds, col } = await load(lines);
    expect(col('amount').type).toBe('categorical');
    const changed = applyColumnOverrides(ds, [{ index: 0, type: 'numeric' }]);
    expect(changed.info.columns[0]).toMatchObject({
      type: 'numeric',
      min: 1.25,
      format: { number: { decimalMark: ',' } },
    });
  });

  it('reads yen amounts with thousands separators in any file', async () => {
    const lines = ['price;shop'];
    for (let i = 0; i < 30; i++)
      lines.push(`￥${1 + (i % 9)},${String(100 + i).padStart(3, '0')};${['A', 'B'][i % 2]}`);
    const { col, codes } = await load(lines);
    expect(col('price')).toMatchObject({ type: 'numeric', min: 1100, format: { number: { currency: '￥' } } });
    expect(codes).not.toContain('problems.ambiguousDecimal');
  });
});
