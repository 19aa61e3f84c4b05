/**
 * The report a reviewer gets: with the studio in Japanese, an analyst trains a model on the
 * sample and saves the report; opened offline in a fresh browser that refuses every request,
 * it is in Japanese, titled with the data file's real name, with its SVG charts (each with its
 * table) and a page per section when printed. On the web host, "Print / save as PDF" opens the
 * same report in a new tab, sandboxed, ready for the browser's print. After the quality and
 * privacy checks of the Samples step, the report has their sections with their charts.
 */
import { basename } from 'node:path';
import { expect, test } from './fixtures.js';
import { openOffline, readReport } from './pages/report.js';
import type { Studio } from './pages/studio.js';

const JA_HEADINGS = ['データ', 'サブセットと代表性', 'アーキテクチャと設定', '層ごとの上界', '対数尤度', '学習曲線'];

/** The studio in Japanese, a model of the sample trained for two epochs. */
async function trainSampleInJapanese(studio: Studio): Promise<void> {
  await studio.switchLanguage('ja');
  await studio.openSample();
  await studio.goToStep('train');
  await studio.train({ epochs: 2 });
  await studio.waitForTrainingDone({ timeout: 180_000 });
}

test('a reviewer opens the report offline, in Japanese, with its charts and the real file name', async ({
  studio,
  target,
}) => {
  await trainSampleInJapanese(studio);

  const file = await studio.report.save();
  expect(basename(file)).toBe('sample-orders-report.html');
  const report = await openOffline(file);
  expect(report.requests).toEqual([]);
  expect(report.lang).toBe('ja');
  expect(report.title).toBe('Layerwise Studio レポート — sample-orders.csv');
  for (const h of JA_HEADINGS) expect(report.headings).toContain(h);
  expect(report.headings).toContain('バックエンドとバージョン');
  // Column histograms, representativeness, bounds and one curve per layer at least.
  expect(report.charts).toBeGreaterThanOrEqual(4);
  expect(report.chartsWithTable).toBe(report.charts);
  expect(new Set(report.printBreaks)).toEqual(new Set(['page']));

  if (target !== 'web') return;
  const tab = await studio.report.openToPrint();
  const shown = await readReport(tab);
  expect(shown.title).toBe(report.title);
  expect(shown.headings).toEqual(report.headings);
  expect(shown.charts).toBe(report.charts);
  // Sandboxed: the tab cannot script or reach the app (an opaque origin).
  expect(await tab.evaluate(() => window.origin)).toBe('null');
  await tab.close();
});

test('after the quality and privacy checks, the report (in Japanese) has their sections and charts', async ({
  studio,
}) => {
  await trainSampleInJapanese(studio);
  await studio.generate(100, 3);
  await studio.quality.check();
  await studio.privacy().check();

  const report = await openOffline(await studio.report.save());
  expect(report.requests).toEqual([]);
  expect(report.lang).toBe('ja');
  expect(report.headings).toContain('生成した行の品質');
  expect(report.headings).toContain('生成した行のプライバシー');
  // Scores, one overlay per column, three heatmaps; the distance chart.
  expect(report.sectionCharts.quality).toBeGreaterThanOrEqual(6);
  expect(report.sectionCharts.privacy).toBe(1);
  expect(report.chartsWithTable).toBe(report.charts);
});
