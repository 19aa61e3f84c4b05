/**
 * Column types and formats a person would choose: number styles (thousands separators,
 * decimal commas, currencies, percentages, full-width digits, negatives in parentheses),
 * dates (ISO, 2024/01/05, 05.01.2024, 2024年1月5日, ambiguous day/month), yes/no tokens, and
 * real tables from the vega-datasets package.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { booleanPair } from './booleans.js';
import { detectDatePattern, formatDate, parseDate } from './dates.js';
import { importCsv } from './index.js';
import { analyzeColumn } from './infer.js';
import { formatNumber, parseNumber } from './numbers.js';
import { VEGA_DATA as vega, vegaCsv } from './test/vega.js';

const MISSING = new Set(['', 'NA', 'null']);
const dir = mkdtempSync(join(tmpdir(), 'lw-infer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('numbers', () => {
  it.each([
    ['1,234.5', '.', 1234.5],
    ['1.234,5', ',', 1234.5],
    ['￥1,280', '.', 1280],
    ['¥ 12,000', '.', 12000],
    ['$3.99', '.', 3.99],
    ['-€3,50', ',', -3.5],
    ['(1,200)', '.', -1200],
    ['１２３，４', ',', 123.4],
    ['12%', '.', 12],
    ['1 234,56', ',', 1234.56],
    ['3200円', '.', 3200],
    ['abc', '.', NaN],
    ['12-3', '.', NaN],
  ] as const)('reads %s', (text, mark, expected) => {
    const v = parseNumber(text, mark);
    if (Number.isNaN(expected)) expect(v).toBeNaN();
    else expect(v).toBeCloseTo(expected, 9);
  });

  it('writes numbers back in the column style', () => {
    const base = {
      decimals: 0,
      decimalMark: '.',
      thousands: ',',
      currency: '￥',
      currencyPosition: 'prefix',
      percent: false,
      parensNegative: false,
      fullWidth: false,
    } as const;
    expect(formatNumber(1280, base)).toBe('￥1,280');
    expect(formatNumber(-1200, { ...base, currency: '', parensNegative: true })).toBe('(1,200)');
    expect(formatNumber(1234.5, { ...base, currency: '', decimals: 2, decimalMark: ',', thousands: '.' })).toBe(
      '1.234,50',
    );
    expect(formatNumber(12.5, { ...base, currency: '', decimals: 1, percent: true })).toBe('12.5%');
  });

  it('infers the number style of a column', () => {
    const a = analyzeColumn(['￥1,280', '￥12,800', '￥980', '', '￥2,560'], MISSING, null);
    expect(a.type).toBe('numeric');
    expect(a.missing).toBe(1);
    expect(a.format.number).toMatchObject({ currency: '￥', thousands: ',', decimals: 0 });
    const b = analyzeColumn(['1,5', '2,25', '10,75', '3,5'], MISSING, null);
    expect(b.format.number).toMatchObject({ decimalMark: ',', decimals: 2 });
    expect(analyzeColumn(['3', '5', '7', '3'], MISSING, null).type).toBe('integer');
  });
});

describe('dates', () => {
  it.each([
    ['2024-01-05', 'YYYY-MM-DD'],
    ['2024/01/05', 'YYYY/MM/DD'],
    ['05.01.2024', 'DD.MM.YYYY'],
    ['2024年1月5日', 'YYYY年M月D日'],
    ['2024-01-05T10:30:00', 'YYYY-MM-DDTHH:mm:ss'],
  ])('reads %s as 5 January 2024 and writes it back', (text, pattern) => {
    const { pattern: found } = detectDatePattern([text, text], null);
    expect(found?.pattern).toBe(pattern);
    const ms = parseDate(text, pattern);
    expect(new Date(ms).getUTCDate()).toBe(5);
    expect(new Date(ms).getUTCMonth()).toBe(0);
    expect(formatDate(ms, pattern)).toBe(text);
  });

  it('rejects impossible dates and asks when day and month could swap', () => {
    expect(parseDate('2024-02-30', 'YYYY-MM-DD')).toBeNaN();
    const ambiguous = detectDatePattern(['05/01/2024', '07/03/2024', '11/12/2024'], null);
    expect(ambiguous.ambiguous).toBe(true);
    const monthFirst = detectDatePattern(['05/01/2024', '07/03/2024'], false);
    expect(monthFirst.pattern?.pattern).toBe('MM/DD/YYYY');
    expect(monthFirst.ambiguous).toBe(false);
    const clear = detectDatePattern(['25/01/2024', '07/03/2024'], null);
    expect(clear.ambiguous).toBe(false);
    expect(clear.pattern?.pattern).toBe('DD/MM/YYYY');
  });
});

describe('yes / no columns', () => {
  it.each([
    [['yes', 'no', 'yes'], 'yes', 'no'],
    [['はい', 'いいえ'], 'はい', 'いいえ'],
    [['○', '×'], '○', '×'],
    [['TRUE', 'FALSE'], 'TRUE', 'FALSE'],
    [['1', '0', '1'], '1', '0'],
  ])('recognises %j', (values, t, f) => {
    expect(booleanPair(new Set(values))).toEqual({ trueToken: t, falseToken: f });
    expect(analyzeColumn(values, MISSING, null).type).toBe('boolean');
  });

  it('does not take other pairs for booleans', () => {
    expect(booleanPair(new Set(['red', 'blue']))).toBeNull();
  });
});

describe('vega-datasets tables import with the types a person would choose', () => {
  it('seattle-weather.csv', async () => {
    const { info } = await importCsv(join(vega, 'seattle-weather.csv'));
    const types = Object.fromEntries(info.columns.map((c) => [c.name, c.type]));
    expect(types).toEqual({
      date: 'date',
      precipitation: 'numeric',
      temp_max: 'numeric',
      temp_min: 'numeric',
      wind: 'numeric',
      weather: 'categorical',
    });
  });

  it('cars.json', async () => {
    const { info } = await importCsv(vegaCsv('cars.json', dir));
    const types = Object.fromEntries(info.columns.map((c) => [c.name, c.type]));
    expect(types.Name).toBe('text');
    expect(types.Miles_per_Gallon).toBe('numeric');
    expect(types.Cylinders).toBe('integer');
    expect(types.Horsepower).toBe('integer');
    expect(types.Year).toBe('date');
    expect(types.Origin).toBe('categorical');
    expect(info.columns.find((c) => c.name === 'Miles_per_Gallon')!.missing).toBeGreaterThan(0);
    expect(info.columns.find((c) => c.name === 'Name')!.include).toBe(false);
  });

  it('penguins.json', async () => {
    const { info } = await importCsv(vegaCsv('penguins.json', dir));
    const types = Object.fromEntries(info.columns.map((c) => [c.name, c.type]));
    expect(types).toMatchObject({
      Species: 'categorical',
      Island: 'categorical',
      'Beak Length (mm)': 'numeric',
      'Flipper Length (mm)': 'integer',
      'Body Mass (g)': 'integer',
      Sex: 'categorical',
    });
  });

  it('airports.csv', async () => {
    const { info } = await importCsv(join(vega, 'airports.csv'));
    const types = Object.fromEntries(info.columns.map((c) => [c.name, c.type]));
    expect(types.iata).toBe('identifier');
    expect(types.state).toBe('categorical');
    expect(types.country).toBe('categorical');
    expect(types.latitude).toBe('numeric');
    expect(types.longitude).toBe('numeric');
  });
});
