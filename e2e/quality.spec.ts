/**
 * Quality evidence in the Samples step: an analyst trains quickly on the sample, generates rows,
 * checks their quality and sees the overall score with its two parts next to their floor and
 * ceiling, the verdict in words, the propensity and "train on synthetic, test on real" lines,
 * three association heatmaps and a chart per column; then the same in Japanese.
 */
import { expect, test } from './fixtures.js';

test('an analyst checks the quality of generated rows against held-out real rows and columns drawn apart', async ({
  studio,
}) => {
  await studio.openSample();
  await studio.goToStep('train');
  await studio.train({ epochs: 2 });
  await studio.waitForTrainingDone({ timeout: 180_000 });

  await studio.generate(100, 3);
  expect(await studio.quality.visible()).toBe(true);
  await studio.quality.check();

  const scores = await studio.quality.scores();
  expect(scores.overall).toMatch(/^\d{1,3}\.\d %$/);
  expect(scores.verdict.length).toBeGreaterThan(40);
  expect(scores.table.header).toEqual([
    'Score',
    'Columns drawn apart (floor)',
    'Generated rows',
    'Held-out real rows (ceiling)',
  ]);
  // Each part has its floor, its score and its ceiling, all percentages.
  expect(scores.table.rows).toHaveLength(3);
  for (const row of scores.table.rows) for (const cell of row) expect(cell).toMatch(/^\d{1,3}\.\d %$/);

  const checks = await studio.quality.checks();
  expect(checks.propensity).toContain('pMSE');
  expect(checks.tstr).toMatch(/predicting “returned”/);

  const charts = await studio.quality.columnCharts();
  expect(charts.columns).toContain('region');
  expect(charts.columns).toContain('revenue');
  expect(charts.canvases).toBe(charts.columns.length);
  const n = charts.columns.length;
  const maps = await studio.quality.heatmaps();
  expect(maps.map((m) => m.title)).toEqual(['Real rows', 'Generated rows', 'Difference (generated − real)']);
  for (const m of maps) expect(m.labelledCells).toBe(n * (n - 1));

  // The panel with its results reads for everyone: no serious or critical axe violation, in both languages.
  expect(await studio.accessibilityViolations()).toEqual([]);
  await studio.switchLanguage('ja');
  expect((await studio.quality.scores()).table.header[0]).toBe('スコア');
  expect(await studio.accessibilityViolations()).toEqual([]);
});
