/**
 * The whole wizard on the sample data, as an analyst walks it: open, preview, override a
 * column type, choose a segment-based subset, train (the chart updates live), look at
 * generated rows, export them, and check the exported file. Screenshots go to docs/.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures.js';
import { readCsv } from './csv.js';
import { SAMPLE_CSV, SCREENSHOTS } from './env.js';

test('walks the whole wizard on the sample data and exports generated rows', async ({ studio, target }) => {
  // Screenshots for the README only when asked (LAYERWISE_SCREENSHOTS=1), so a test run leaves the tree clean.
  const shots = target === 'web' && process.env.LAYERWISE_SCREENSHOTS ? SCREENSHOTS : null;
  if (shots) mkdirSync(shots, { recursive: true });
  const page = studio.page;
  const sample = readCsv(SAMPLE_CSV);

  // Data: the first screen offers both ways in.
  await expect(studio.id('open-csv')).toBeVisible();
  if (shots) await studio.screenshot('1-welcome', shots);
  await studio.trySample();
  await expect(studio.id('preview-table')).toContainText(sample.header[1]);
  await expect(studio.id('backend-name')).toHaveText(/wasm|cpu|tensorflow/);

  // Override the type of a numeric column (delivery days or similar) to categorical and back.
  const typeSelects = page.locator('[data-testid^="column-type-"]');
  expect(await typeSelects.count()).toBe(sample.header.length);
  const firstIncluded = page.locator('[data-testid^="column-include-"]:checked').first();
  const includedId = (await firstIncluded.getAttribute('data-testid')) ?? '';
  const index = Number(includedId.replace('column-include-', ''));
  const original = await studio.id(`column-type-${index}`).inputValue();
  await studio.setColumnType(index, 'categorical');
  await studio.setColumnType(index, original);
  if (shots) await studio.screenshot('2-data', shots);

  // Subset: segment by a categorical column and keep the most frequent segments (80 %).
  await studio.goto('subset');
  const segmentSelect = studio.id('segment-column');
  const options = await segmentSelect.locator('option').all();
  expect(options.length).toBeGreaterThan(0);
  await segmentSelect.selectOption([(await options[0].getAttribute('value')) ?? '']);
  await expect(studio.id('segment-table')).toBeVisible();
  await studio.id('coverage-input').fill('80');
  await studio.id('coverage-input').press('Enter');
  await studio.id('apply-subset').click();
  await expect(studio.id('subset-summary')).toBeVisible();
  if (shots) await studio.screenshot('3-subset', shots);

  // Train: a short run; the chart gains points while it runs.
  await studio.goto('train');
  await studio.id('epochs-input').fill('4');
  await studio.id('epochs-input').press('Tab');
  await studio.id('start-training').click();
  const chart = studio.id('training-chart');
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 120_000 })
    .toBeGreaterThanOrEqual(2);
  await expect(studio.id('training-status')).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await expect(studio.id('layer-results')).toContainText(/\d/);
  if (shots) await studio.screenshot('4-train', shots);

  // Samples: at least 20 generated rows beside real rows.
  await studio.goto('samples');
  await studio.id('sample-count').fill('30');
  await studio.id('generate-samples').click();
  const generatedRows = studio.id('generated-table').locator('tbody tr');
  await expect(generatedRows).toHaveCount(30);
  await expect(studio.id('real-table').locator('tbody tr').first()).toBeVisible();
  if (shots) await studio.screenshot('5-samples', shots);

  // Export: 1,000 generated rows as CSV, with the sample's columns in order.
  await studio.goto('export');
  await studio.id('export-rows').fill('1000');
  const saved = await studio.saveVia('export-samples', 'generated.csv');
  const exported = readCsv(saved);
  expect(exported.header).toEqual(sample.header);
  expect(exported.rows).toHaveLength(1000);
  for (const row of exported.rows.slice(0, 50)) expect(row).toHaveLength(sample.header.length);
  if (shots) await studio.screenshot('6-export', shots);

  // The model file is a Layerwise model.
  const model = await studio.saveVia('export-model', 'model.lwm');
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(model).byteLength).toBeGreaterThan(1000);
});
