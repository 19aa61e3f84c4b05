/** The streaming record splitter gives papaparse's records whatever the chunk boundaries. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvSplitter } from './csv-parse.js';

function split(text: string, delimiter: string, chunk: number): { fields: string[]; line: number }[] {
  const out: { fields: string[]; line: number }[] = [];
  const s: CsvSplitter = new CsvSplitter(delimiter, '"', (count, line) => {
    const f = s.fields();
    expect(f.length).toBe(count);
    out.push({ fields: f, line });
  });
  for (let i = 0; i < text.length; i += chunk) s.write(text.slice(i, i + chunk));
  s.end();
  return out;
}

const TRICKY = [
  'id,name,note,amount',
  '1,"Smith, John","said ""hi""",12.5',
  '2,plain,"two\nlines",3',
  '',
  '3,"",",,,",4',
  ',,,',
  '4,"x""y",tail,"5"',
  '5,last,"multi\r\nline\r\nthree",6',
  '6,no newline at end,z,7',
].join('\n');

describe('CsvSplitter', () => {
  for (const chunk of [1, 2, 3, 5, 7, 64, 10_000]) {
    it(`matches papaparse with chunks of ${chunk} characters`, () => {
      const expected = Papa.parse<string[]>(TRICKY, { delimiter: ',', skipEmptyLines: 'greedy' }).data;
      expect(split(TRICKY, ',', chunk).map((r) => r.fields)).toEqual(expected);
    });
  }

  it('reports the physical line each record starts on, counting embedded newlines', () => {
    expect(split(TRICKY, ',', 4).map((r) => r.line)).toEqual([1, 2, 3, 6, 8, 9, 12]);
  });

  it('counts the blank lines it skips, with examples, at any chunk size — not the empty lines at the end', () => {
    for (const chunk of [1, 3, 64, 10_000]) {
      const s = new CsvSplitter(',', '"', () => undefined);
      const text = `${TRICKY}\r\n \t, ,\n"",""\nlast,1,2,3\n\n\r\n`;
      for (let i = 0; i < text.length; i += chunk) s.write(text.slice(i, i + chunk));
      s.end();
      expect(s.blank).toEqual({
        count: 4,
        examples: [
          { line: 5, text: '' },
          { line: 7, text: ',,,' },
          { line: 13, text: ' \t, ,' },
          { line: 14, text: ',' },
        ],
      });
    }
  });

  it('handles CRLF line ends, other delimiters and a record without a final newline', () => {
    const text = 'a;b\r\n1;"x;y"\r\n2;z';
    expect(split(text, ';', 3).map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', 'x;y'],
      ['2', 'z'],
    ]);
    expect(split('a\tb\n1\t2\n', '\t', 2).map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('counts fields of lines it is not asked to split', () => {
    const counts: number[] = [];
    const s = new CsvSplitter('|', '"', (count) => counts.push(count));
    s.write('a|b|c\n1|2\n1|2|3|4\n');
    s.end();
    expect(counts).toEqual([3, 2, 4]);
  });

  it('skips records whose quoted fields are all blank, and keeps one holding only a quote', () => {
    const text = ['a,b', '"",""', '" ",\u3000', '"""",x', '"\u00a0", '].join('\n');
    const expected = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: 'greedy' }).data.filter((r) =>
      r.some((f) => f.trim() !== ''),
    );
    for (const chunk of [2, 3, 100]) expect(split(text, ',', chunk).map((r) => r.fields)).toEqual(expected);
    expect(expected).toEqual([
      ['a', 'b'],
      ['"', 'x'],
    ]);
  });

  it('gives any one field of a record, quoted or not, without splitting the others', () => {
    for (const chunk of [1, 3, 64]) {
      const picked: string[][] = [];
      const s: CsvSplitter = new CsvSplitter(',', '"', (count) =>
        picked.push(Array.from({ length: count + 1 }, (_, j) => s.field(j))),
      );
      for (let i = 0; i < TRICKY.length; i += chunk) s.write(TRICKY.slice(i, i + chunk));
      s.end();
      const expected = Papa.parse<string[]>(TRICKY, { delimiter: ',', skipEmptyLines: 'greedy' }).data;
      expect(picked).toEqual(expected.map((r) => [...r, '']));
    }
  });

  it('gives the same fields whatever order they are asked for in', () => {
    const expected = Papa.parse<string[]>(TRICKY, { delimiter: ',', skipEmptyLines: 'greedy' }).data;
    const order = [2, 0, 3, 1, 1, 5, 0];
    const picked: string[][] = [];
    const s: CsvSplitter = new CsvSplitter(',', '"', () => picked.push(order.map((j) => s.field(j))));
    s.write(TRICKY);
    s.end();
    expect(picked).toEqual(expected.map((r) => order.map((j) => r[j] ?? '')));
  });
});
