/**
 * The Data and Subset steps with a file of the user's own: a Shift-JIS (CP932) sales ledger
 * exported from Excel, with ￥ amounts and 2024/01/05 dates. The wizard detects the text
 * encoding and column types, takes a type override, and builds a segment-based subset.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eTempDir } from './env.js';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures.js';

function ledger(): string {
  const stores = ['東京本店', '大阪支店', '名古屋支店', '福岡支店'];
  const items = ['りんご', 'みかん', 'ぶどう'];
  const lines = ['日付,店舗,商品,数量,金額,会員'];
  for (let i = 0; i < 400; i++) {
    const store = stores[i % 7 < 4 ? 0 : (i % 3) + 1];
    const qty = 1 + ((i * 7) % 9);
    const yen = (qty * 1280).toLocaleString('en-US');
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`2024/01/${day},${store},${items[i % 3]},${qty},"￥${yen}",${i % 3 === 0 ? 'はい' : 'いいえ'}`);
  }
  return lines.join('\r\n') + '\r\n';
}

test('a shop manager opens a Shift-JIS ledger from Excel, makes quantity a category and keeps the stores covering 60 % of rows', async ({
  studio,
}) => {
  const dir = e2eTempDir('data-');
  const file = join(dir, '売上台帳.csv');
  writeFileSync(file, iconv.encode(ledger(), 'cp932'));
  await studio.openCsv(file);

  // The import found the encoding, the Japanese text, the dates, the ￥ amounts and the yes/no column.
  expect(await studio.encoding()).toBe('shift_jis');
  expect((await studio.preview()).rows.flat()).toContain('東京本店');
  const types = Object.fromEntries((await studio.columns()).map((c) => [c.name, c.type]));
  expect(types['日付']).toBe('date');
  expect(types['金額']).toMatch(/numeric|integer/);
  expect(types['会員']).toBe('boolean');

  // The manager decides quantity is a category (1 to 9 items).
  await studio.setColumnType('数量', 'categorical');

  await studio.chooseSegments(['店舗'], { coverage: 60 });
  expect((await studio.segmentTable()).map((s) => s.segment)).toContain('東京本店');
  await studio.applySubset();
  // 東京本店 alone holds 4 of every 7 rows (57 %), so 60 % coverage needs a second store.
  expect((await studio.subsetResult()).kept).toMatch(/\d/);
});
