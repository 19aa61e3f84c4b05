/**
 * Importing the files analysts actually have: Excel exports in CP932 with ￥ amounts,
 * European UTF-8-BOM semicolon files with decimal commas, EUC-JP, UTF-16, Windows-1252,
 * multiline quoted fields, ragged rows, duplicate headers, and files that cannot be used.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors.js';
import { importCsv } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Buffer, encoding = 'utf8'): string {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, typeof content === 'string' ? iconv.encode(content, encoding) : content);
  return path;
}

async function failure(path: string): Promise<string> {
  const err = await importCsv(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

function ledger(rows = 60): string {
  const stores = ['東京本店', '大阪支店', '名古屋支店'];
  const lines = ['日付,店舗,商品,数量,金額,会員'];
  for (let i = 0; i < rows; i++) {
    const qty = 1 + (i % 7);
    lines.push(
      `2024/01/${String(1 + (i % 28)).padStart(2, '0')},${stores[i % 3]},りんご${i % 4},${qty},"￥${(qty * 1280).toLocaleString('en-US')}",${i % 3 === 0 ? 'はい' : 'いいえ'}`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

describe('importCsv', () => {
  it('reads a CP932 (Shift-JIS) sales ledger with ￥ amounts and 2024/01/05 dates', async () => {
    const ds = await importCsv(file(ledger(), 'cp932'));
    const { info } = ds;
    expect(info.options.encoding).toBe('shift_jis');
    expect(info.options.delimiter).toBe(',');
    expect(info.options.header).toBe(true);
    expect(info.rows).toBe(60);
    expect(info.columns.map((c) => c.name)).toEqual(['日付', '店舗', '商品', '数量', '金額', '会員']);
    const [date, store, , qty, amount, member] = info.columns;
    expect(date.type).toBe('date');
    expect(date.format.date?.pattern).toBe('YYYY/MM/DD');
    expect(store.type).toBe('categorical');
    expect(qty.type).toBe('integer');
    expect(amount.type).toBe('numeric');
    expect(amount.format.number).toMatchObject({ currency: '￥', thousands: ',', decimals: 0 });
    expect(member.type).toBe('boolean');
    expect(member.format.boolean).toEqual({ trueToken: 'はい', falseToken: 'いいえ' });
    expect(info.preview.rows[0][1]).toBe('東京本店');
  });

  it('reads a UTF-8-BOM semicolon file with decimal commas and dd.mm.yyyy dates', async () => {
    const lines = ['\uFEFFDatum;Region;Umsatz;Anteil'];
    for (let i = 0; i < 40; i++)
      lines.push(
        `${String(1 + (i % 28)).padStart(2, '0')}.03.2024;${i % 2 ? 'Nord' : 'Süd'};${(1000 + i * 37.5).toLocaleString('de-DE', { minimumFractionDigits: 2 })};${(i % 10) * 2},5`,
      );
    const { info } = await importCsv(file(lines.join('\n')));
    expect(info.options.encoding).toBe('utf-8');
    expect(info.options.delimiter).toBe(';');
    expect(info.columns[0].name).toBe('Datum');
    expect(info.columns[0].type).toBe('date');
    expect(info.columns[0].format.date?.pattern).toBe('DD.MM.YYYY');
    expect(info.columns[1].type).toBe('categorical');
    expect(info.columns[2].type).toBe('numeric');
    expect(info.columns[2].format.number).toMatchObject({ decimalMark: ',', thousands: '.', decimals: 2 });
    expect(info.columns[3].format.number?.decimalMark).toBe(',');
    expect(info.columns[2].max).toBeCloseTo(1000 + 39 * 37.5, 6);
  });

  it('keeps quoted fields with embedded newlines, delimiters and doubled quotes', async () => {
    const text = 'id,comment,score\n1,"line one\nline two",3\n2,"he said ""hi"", then left",4\n3,plain,5\n';
    const ds = await importCsv(file(text));
    expect(ds.info.rows).toBe(3);
    expect(ds.cells[1][0]).toBe('line one\nline two');
    expect(ds.cells[1][1]).toBe('he said "hi", then left');
    expect(ds.info.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('reads old Mac files whose lines end with CR alone', async () => {
    const ds = await importCsv(file('region,amount\rKanto,12.5\rKansai,8\r"Tohoku\rnorth",3\r'));
    expect(ds.info.rows).toBe(3);
    expect(ds.cells[0].slice(0, 2)).toEqual(['Kanto', 'Kansai']);
    expect(ds.cells[1]).toEqual(['12.5', '8', '3']);
  });

  it('gives ragged-row examples the physical line number, after multiline fields', async () => {
    const ds = await importCsv(file('a,b,c\n1,"two\nlines",3\n4,5\n'));
    const few = ds.info.problems.find((p) => p.code === 'problems.tooFewFields.padded');
    expect(few?.examples).toEqual([{ line: 4, text: '4,5' }]);
  });

  it('counts ragged rows with examples, and pads or skips them as chosen', async () => {
    const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n13\n';
    const path = file(text);
    const padded = await importCsv(path);
    expect(padded.info.rows).toBe(5);
    const few = padded.info.problems.find((p) => p.code === 'problems.tooFewFields.padded');
    const many = padded.info.problems.find((p) => p.code === 'problems.tooManyFields.padded');
    expect(few?.params.count).toBe(2);
    expect(few?.examples.map((e) => e.line)).toEqual([3, 6]);
    expect(many?.params.count).toBe(1);
    expect(many?.examples[0]).toEqual({ line: 4, text: '6,7,8,9' });
    expect(padded.cells[2][1]).toBe('');
    const skipped = await importCsv(path, { overrides: { raggedRows: 'skip' } });
    expect(skipped.info.rows).toBe(2);
    expect(skipped.info.problems.some((p) => p.code === 'problems.tooFewFields.skipped')).toBe(true);
  });

  it('makes empty and duplicate header names unique and says so', async () => {
    const { info } = await importCsv(file('price,price,,region\n1,2,3,x\n4,5,6,y\n'));
    expect(info.columns.map((c) => c.name)).toEqual(['price', 'price (2)', 'Column 3', 'region']);
    expect(info.columns[1].originalName).toBe('price');
    const notice = info.problems.find((p) => p.code === 'problems.headerRenamed');
    expect(notice?.params.count).toBe(2);
  });

  it.each([
    ['EUC-JP', 'eucjp', 'euc-jp'],
    ['UTF-16 LE with BOM', 'utf16le-bom', 'utf-16le'],
    ['UTF-16 BE with BOM', 'utf16be-bom', 'utf-16be'],
    ['UTF-16 LE without BOM', 'utf16le', 'utf-16le'],
    ['UTF-16 BE without BOM', 'utf16be', 'utf-16be'],
    ['Windows-1252', 'win1252', 'windows-1252'],
  ] as const)('detects %s', async (_label, codec, expected) => {
    const western = codec === 'win1252';
    const rows = western
      ? [
          'produit;prix;catégorie',
          ...Array.from({ length: 30 }, (_, i) => `Crème brûlée ${i % 5};${i + 0.5};${i % 2 ? 'Café' : 'Thé'}`),
        ]
      : [
          '地域,売上,担当',
          ...Array.from({ length: 30 }, (_, i) => `${i % 2 ? '関東' : '関西'},${1000 + i},${i % 3 ? '佐藤' : '鈴木'}`),
        ];
    const text = rows.join('\n') + '\n';
    let bytes: Buffer;
    if (codec === 'utf16le-bom') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    else if (codec === 'utf16be-bom') bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    else bytes = iconv.encode(text, codec);
    const ds = await importCsv(file(bytes));
    expect(ds.info.options.encoding).toBe(expected);
    expect(ds.info.rows).toBe(30);
    expect(ds.cells[western ? 2 : 0][0]).toBe(western ? 'Thé' : '関西');
  });

  it('uses the encoding and delimiter the user chose over the detected ones', async () => {
    // Both ';' and '|' split every line in two: detection prefers ';', the user means '|'.
    const path = file('a;b|c\n1;2|x\n3;4|y\n');
    const detected = await importCsv(path);
    expect(detected.info.options.delimiter).toBe(';');
    const chosen = await importCsv(path, { overrides: { delimiter: '|', encoding: 'windows-1252' } });
    expect(chosen.info.options).toMatchObject({ delimiter: '|', encoding: 'windows-1252' });
    expect(chosen.info.detected.delimiter).toBe(';');
    expect(chosen.info.columns.map((c) => c.name)).toEqual(['a;b', 'c']);
  });

  it('treats the values the user adds as missing, and reads with the quote character chosen', async () => {
    const lines = [
      '店舗,売上,メモ',
      ...Array.from(
        { length: 40 },
        (_, i) => `${['東京', '大阪'][i % 2]},${i % 8 === 3 ? '不明' : 1000 + i * 13},'メモ, ${i}'`,
      ),
    ];
    const path = file(lines.join('\n'));
    const plain = await importCsv(path);
    expect(plain.info.columns[1].missing).toBe(0);
    // With the default double quote the comma inside '…' splits the note: every row is too long.
    expect(plain.info.problems.find((p) => p.code === 'problems.tooManyFields.padded')?.params.count).toBe(40);
    expect(plain.cells[2][0]).toBe("'メモ");
    const chosen = await importCsv(path, { overrides: { missingTokens: ['', '不明'], quote: "'" } });
    expect(chosen.info.columns.map((c) => c.name)).toEqual(['店舗', '売上', 'メモ']);
    expect(chosen.info.columns[1]).toMatchObject({ type: 'integer', missing: 5 });
    expect(chosen.cells[2][0]).toBe('メモ, 0');
  });

  it('reads lines longer than a read chunk, quoted or not', async () => {
    const long = 'x'.repeat(3_000_000);
    const path = file(`id,note,n\n1,${long},5\n2,"${long}\n${long}",6\n3,short,7\n`);
    const ds = await importCsv(path);
    expect(ds.info.rows).toBe(3);
    expect(ds.cells[1].map((c) => c.length)).toEqual([3_000_000, 6_000_001, 5]);
    expect(ds.cells[2]).toEqual(['5', '6', '7']);
  });

  it('refuses files it cannot use with a translatable reason', async () => {
    expect(await failure(file(''))).toBe('data.empty');
    expect(await failure(file('a,b,c\n'))).toBe('data.headerOnly');
    expect(await failure(file('just one column\nvalue\nother\n'))).toBe('data.singleColumn');
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    expect(await failure(file(garbage))).toBe('data.binary');
    expect(await failure(join(dir, 'does-not-exist.csv'))).toBe('data.notFound');
    const folder = join(dir, 'folder.csv');
    mkdirSync(folder);
    expect(await failure(folder)).toBe('data.isDirectory');
  });

  it('keeps constant and empty columns out with a notice', async () => {
    const lines = [
      'region,country,note,amount',
      ...Array.from({ length: 30 }, (_, i) => `${i % 2 ? 'A' : 'B'},JP,,${i * 3}`),
    ];
    const { info } = await importCsv(file(lines.join('\n')));
    const byName = Object.fromEntries(info.columns.map((c) => [c.name, c]));
    expect(byName.country).toMatchObject({ include: false, excludedReason: 'constant' });
    expect(byName.note).toMatchObject({ include: false, excludedReason: 'all-missing' });
    expect(byName.amount.include).toBe(true);
    expect(info.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['problems.excluded.constant', 'problems.excluded.all-missing']),
    );
  });

  it('takes thousands of columns and lets the user pick (the first 200 start included)', async () => {
    const header = Array.from({ length: 2500 }, (_, j) => `c${j}`).join(',');
    const rows = Array.from({ length: 20 }, (_, i) =>
      Array.from({ length: 2500 }, (_, j) => String((i * 31 + j) % 5)).join(','),
    );
    const { info } = await importCsv(file([header, ...rows].join('\n')));
    expect(info.columns).toHaveLength(2500);
    expect(info.columns.filter((c) => c.include)).toHaveLength(200);
    expect(info.columns[2499].excludedReason).toBe('user');
    expect(info.problems.some((p) => p.code === 'problems.tooManyColumns')).toBe(true);
  });

  it('reports progress and stops on cancel', async () => {
    const big = ['x,y', ...Array.from({ length: 200_000 }, (_, i) => `${i},${i % 7}`)].join('\n');
    const path = file(big);
    const seen: number[] = [];
    const controller = new AbortController();
    const pending = importCsv(path, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.bytesRead);
        controller.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen.length).toBeGreaterThan(0);
  });

  it('keeps a seeded random sample of rows when the file exceeds the memory budget', async () => {
    const big = ['x,y', ...Array.from({ length: 20_000 }, (_, i) => `${i},${i % 7}`)].join('\n');
    const path = file(big);
    const a = await importCsv(path, { memoryBudgetBytes: 200_000 });
    const b = await importCsv(path, { memoryBudgetBytes: 200_000 });
    expect(a.info.sampledOnImport).toBe(true);
    expect(a.info.rows).toBeLessThan(20_000);
    expect(a.info.rows).toBeGreaterThan(500);
    expect(a.cells[0]).toEqual(b.cells[0]);
    // Drawn from the whole file, not its head.
    expect(Math.max(...a.cells[0].map(Number))).toBeGreaterThan(15_000);
    expect(a.info.problems.some((p) => p.code === 'problems.sampledOnImport')).toBe(true);
  });
});
