/**
 * Generated rows in the three character sets of the export: the bytes (BOM or not, CP932's
 * double bytes), read back with iconv-lite and papaparse to the same cells; the delimiter; and
 * a value CP932 cannot write refused with its column, row and character, never replaced.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { RowTable } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import { formatError } from '../../shared/i18n/format.js';
import type { CsvFormat } from '../../shared/domain/samples.js';
import { csvBytes } from './csv-encode.js';

const table: RowTable = {
  header: ['地域', 'product', 'amount'],
  rows: [
    ['東京', 'ﾃﾞｰﾀ;A', '-1,234.5'],
    ['大阪', '=SUM(A1)', '12'],
    ['札幌', 'plain', ''],
  ],
};
const fmt = (f: Partial<CsvFormat>): CsvFormat => ({ encoding: 'utf8', delimiter: ',', formulaGuard: true, ...f });
const parse = (text: string, delimiter: string) => Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
const guarded = [table.header, ...table.rows.map((r) => r.map((c) => (c.startsWith('=') ? `'${c}` : c)))];

describe('csvBytes', () => {
  it('writes UTF-8 without a BOM, CRLF line ends, and reads back to the same cells', () => {
    const bytes = csvBytes(table, fmt({}));
    expect(Array.from(bytes.subarray(0, 3))).toEqual(Array.from(new TextEncoder().encode('地')));
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')).toHaveLength(5);
    expect(parse(text, ',')).toEqual(guarded);
  });

  it('writes UTF-8 with a BOM (EF BB BF) only before the header', () => {
    const bytes = csvBytes(table, fmt({ encoding: 'utf8-bom' }));
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes), ',')).toEqual(guarded);
    const rest = csvBytes(table, fmt({ encoding: 'utf8-bom' }), { header: false, firstRow: 4 });
    expect(Array.from(rest.subarray(0, 3))).toEqual(Array.from(new TextEncoder().encode('東')));
  });

  it('writes CP932 (東 is 93 8C, half-width katakana single bytes) and reads back with iconv-lite', () => {
    const bytes = csvBytes(table, fmt({ encoding: 'cp932', delimiter: ';' }));
    expect(Array.from(bytes.subarray(0, 2))).toEqual([0x92, 0x6e]); // 地
    const tokyo = bytes.indexOf(0x93);
    expect(Array.from(bytes.subarray(tokyo, tokyo + 2))).toEqual([0x93, 0x8c]); // 東
    const text = iconv.decode(Buffer.from(bytes), 'cp932');
    expect(parse(text, ';')).toEqual(guarded);
    // The value holding the delimiter is quoted.
    expect(text).toContain('"ﾃﾞｰﾀ;A"');
  });

  it('uses the delimiter asked for (tab) and writes formulas raw when the guard is off', () => {
    const text = new TextDecoder().decode(csvBytes(table, fmt({ delimiter: '\t', formulaGuard: false })));
    expect(text.split('\r\n')[2]).toBe('大阪\t=SUM(A1)\t12');
    expect(parse(text, '\t')).toEqual([table.header, ...table.rows]);
  });

  it('refuses a value CP932 cannot write, naming its column, row and character, in both languages', () => {
    const bad: RowTable = {
      header: ['name', 'city'],
      rows: [
        ['a', 'b'],
        ['c', 'Kraków 🍣'],
      ],
    };
    let caught: unknown;
    try {
      csvBytes(bad, fmt({ encoding: 'cp932' }), { header: false, firstRow: 10 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('export.cp932Cell');
    expect((caught as AppError).params).toMatchObject({ column: 'city', row: 11, char: 'ó', value: 'Kraków 🍣' });
    expect(formatError(caught, 'en')).toContain('Row 11 of column "city"');
    expect(formatError(caught, 'ja')).toContain('列「city」の 11 行目');
    expect(() => csvBytes({ header: ['€'], rows: [] }, fmt({ encoding: 'cp932' }))).toThrow(
      expect.objectContaining({ code: 'export.cp932Header' }),
    );
    // Both representable in UTF-8.
    expect(new TextDecoder().decode(csvBytes(bad, fmt({})))).toContain('Kraków 🍣');
  });
});
