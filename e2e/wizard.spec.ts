/**
 * The whole wizard on the sample data, as an analyst walks it: open, preview, override a
 * column type, choose a segment-based subset, train (the chart updates live), look at
 * generated rows, export them, and check the exported file. Screenshots go to docs/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { readCsv } from './csv.js';
import { SAMPLE_CSV, SCREENSHOTS } from './env.js';
import type { Studio } from './pages/studio.js';

/**
 * Screenshots for the README, only when asked (LAYERWISE_SCREENSHOTS=1) and only in the
 * browser, so a test run leaves the tree clean.
 */
function readmeScreenshots(studio: Studio, target: 'web' | 'electron'): (name: string) => Promise<void> {
  if (target !== 'web' || !process.env.LAYERWISE_SCREENSHOTS) return async () => {};
  mkdirSync(SCREENSHOTS, { recursive: true });
  return (name) => studio.screenshot(join(SCREENSHOTS, `${name}.png`));
}

test('an analyst loads the sample, trains on its main segments and exports 1,000 generated rows and the model', async ({
  studio,
  target,
}) => {
  const screenshot = readmeScreenshots(studio, target);
  const sample = readCsv(SAMPLE_CSV);

  // Data: the first screen offers both ways in.
  expect((await studio.welcomeActions()).openCsv).not.toBe('');
  await screenshot('1-welcome');
  await studio.openSample();
  expect((await studio.preview()).header).toContain(sample.header[1]);
  await expect.poll(() => studio.backend()).toMatch(/wasm|cpu|tensorflow/);

  // Every column of the file is listed; the analyst tries another type for the first used one, then goes back.
  const columns = await studio.columns();
  expect(columns).toHaveLength(sample.header.length);
  const first = columns.find((c) => c.included);
  expect(first).toBeDefined();
  await studio.setColumnType(first!.name, 'categorical');
  await studio.setColumnType(first!.name, first!.type);
  await screenshot('2-data');

  // Subset: segment by a categorical column and keep the most frequent segments (80 %).
  await studio.goToStep('subset');
  const segmentColumns = await studio.segmentColumns();
  expect(segmentColumns.length).toBeGreaterThan(0);
  await studio.chooseSegments([segmentColumns[0].name], { coverage: 80 });
  expect((await studio.segmentTable()).length).toBeGreaterThan(0);
  await studio.applySubset();
  expect((await studio.subsetResult()).kept).not.toBe('');
  await screenshot('3-subset');

  // Train: a short run; the chart gains points while it runs.
  await studio.goToStep('train');
  await studio.train({ epochs: 4 });
  await expect.poll(() => studio.chartPoints(), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
  await studio.waitForTrainingDone({ timeout: 180_000 });
  expect((await studio.trainingStatus()).state).toBe('done');
  const layers = await studio.layerResults();
  expect(layers.length).toBeGreaterThan(0);
  expect(layers.map((l) => Object.values(l).join(' ')).join(' ')).toMatch(/\d/);
  await screenshot('4-train');

  // Samples: 30 generated rows beside real rows.
  await studio.goToStep('samples');
  await studio.generate(30, 1);
  const preview = await studio.generatedRows();
  expect(preview).toHaveLength(30);
  expect((await studio.realRows()).length).toBeGreaterThan(0);
  await screenshot('5-samples');

  // Export: 1,000 generated rows as CSV, with the sample's columns in order.
  await studio.goToStep('export');
  const exported = readCsv(await studio.exportSamples(1000));
  expect(exported.header).toEqual(sample.header);
  expect(exported.rows).toHaveLength(1000);
  for (const row of exported.rows.slice(0, 50)) expect(row).toHaveLength(sample.header.length);
  await screenshot('6-export');

  // The model file is a Layerwise model.
  const model = await studio.exportModel();
  expect(readFileSync(model).byteLength).toBeGreaterThan(1000);

  // The model file opens on its own and generates the very same rows for the same seed.
  await studio.openProject(model);
  await studio.generate(30, 1);
  expect(await studio.generatedRows()).toEqual(preview);
});
