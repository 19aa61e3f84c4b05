/**
 * A file larger than the app's memory budget (the suite runs it with 16 MB): the import keeps
 * a random sample and says so, the Subset step counts the segments over the whole file, and
 * the subset of the chosen segments is drawn from the whole file, stratified by segment.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';

const ROWS = 120_000;
const CHANNELS = ['store', 'web', 'phone', 'catalogue'];

/** Channel shares 60 / 25 / 12 / 3 %, exactly (by row number). */
function orders(): string {
  const lines = ['order_id,channel,amount,member'];
  for (let i = 0; i < ROWS; i++) {
    const u = i % 100;
    const channel = CHANNELS[u < 60 ? 0 : u < 85 ? 1 : u < 97 ? 2 : 3];
    lines.push(
      `A-${String(i).padStart(7, '0')},${channel},${(10 + ((i * 37) % 900) / 10).toFixed(2)},${i % 3 === 0 ? 'yes' : 'no'}`,
    );
  }
  return lines.join('\n') + '\n';
}

test('counts segments over the whole file and draws the subset from it', async ({ studio }) => {
  const dir = mkdtempSync(join(tmpdir(), 'layerwise-e2e-large-'));
  const file = join(dir, 'orders-large.csv');
  writeFileSync(file, orders());
  await studio.openCsv(file);
  await expect(studio.page.getByText(/of 120,000 rows \(a random sample/)).toBeVisible();

  await studio.goto('subset');
  await studio.id('segment-column').selectOption({ label: 'channel (4)' });
  await expect(studio.id('segments-whole-file')).toContainText('all 120,000 rows of the file');
  // Exact counts over the file, not estimates from the sample: 60 % of 120,000 is 72,000.
  await expect(studio.id('segment-table')).toContainText('72,000');
  await expect(studio.id('segment-table')).toContainText('30,000');
  await studio.id('coverage-input').fill('85');
  await studio.id('coverage-input').press('Enter');
  await studio.id('sample-rows-input').fill('5000');
  await studio.id('apply-subset').click();
  await expect(studio.id('subset-from-file')).toHaveText(
    /stratified by segment: 5,000 of the 102,000 rows in the chosen segments \(120,000 rows in the file\)/,
  );
  await expect(studio.id('subset-summary')).toContainText('5,000 rows kept');
});
