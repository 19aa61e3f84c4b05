/**
 * The Data and Subset steps with a file of the user's own: a Shift-JIS (CP932) sales ledger
 * exported from Excel, with ￥ amounts and 2024/01/05 dates. The wizard detects the text
 * encoding and column types, takes a type override, and builds a segment-based subset.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

test('imports a CP932 ledger, overrides a type and keeps the main segments', async ({ studio }) => {
  const dir = mkdtempSync(join(tmpdir(), 'layerwise-e2e-'));
  const file = join(dir, '売上台帳.csv');
  writeFileSync(file, iconv.encode(ledger(), 'cp932'));
  await studio.openCsv(file);

  await expect(studio.id('opt-encoding')).toHaveValue('shift_jis');
  await expect(studio.id('preview-table')).toContainText('東京本店');
  await expect(studio.id('column-type-0')).toHaveValue('date');
  await expect(studio.id('column-type-4')).toHaveValue(/numeric|integer/);
  await expect(studio.id('column-type-5')).toHaveValue('boolean');

  // The analyst decides quantity is a category (1 to 9 items).
  await studio.setColumnType(3, 'categorical');

  await studio.goto('subset');
  await studio.id('segment-column').selectOption(['1']);
  const table = studio.id('segment-table');
  await expect(table).toContainText('東京本店');
  await studio.id('coverage-input').fill('60');
  await studio.id('coverage-input').press('Enter');
  await studio.id('apply-subset').click();
  const summary = studio.id('subset-summary');
  await expect(summary).toBeVisible();
  // 東京本店 alone holds 4 of every 7 rows (57 %), so 60 % coverage needs a second store.
  await expect(summary).toContainText(/\d/);
});
