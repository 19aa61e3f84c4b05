/**
 * A file larger than the app's memory budget (the suite runs it with 16 MB): the import keeps
 * a random sample and says so, the Subset step counts the segments over the whole file, and
 * the subset of the chosen segments is drawn from the whole file, stratified by segment.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eTempDir } from './env.js';
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

test('an analyst opens a file larger than memory: segments are counted over all its rows and the subset is drawn from it', async ({
  studio,
}) => {
  const dir = e2eTempDir('data-');
  const file = join(dir, 'orders-large.csv');
  writeFileSync(file, orders());
  await studio.openCsv(file);
  expect(await studio.importSummary()).toMatch(/of 120,000 rows \(a random sample/);

  // Segment by channel and keep the channels covering 85 % of the rows (store, web, phone).
  expect(await studio.segmentColumns()).toContainEqual({ name: 'channel', distinct: 4 });
  await studio.chooseSegments(['channel'], { coverage: 85 });
  expect(await studio.segmentsCountedOver()).toContain('all 120,000 rows of the file');
  // Exact counts over the file, not estimates from the sample: 60 % of 120,000 is 72,000.
  const segments = await studio.segmentTable();
  expect(segments).toContainEqual(expect.objectContaining({ segment: 'store', count: '72,000' }));
  expect(segments).toContainEqual(expect.objectContaining({ segment: 'web', count: '30,000' }));

  await studio.applySubset({ sampleRows: 5000 });
  const result = await studio.subsetResult();
  expect(result.fromFile).toMatch(
    /stratified by segment: 5,000 of the 102,000 rows in the chosen segments \(120,000 rows in the file\)/,
  );
  expect(result.kept).toContain('5,000 rows kept');
});
