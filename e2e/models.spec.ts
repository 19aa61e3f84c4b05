/**
 * Several models, compared, as an analyst meets them: an AERIes model and a stacked-RBM model
 * trained on the same data (Customise → method per layer) side by side in the Train step, with
 * their figures labelled exact or estimate, the bound of each layer, the chart of their
 * log-likelihoods and a verdict in one line; another model used for Samples and Export; both
 * models, figures and charts back after a save, a reload and a restart of the web host.
 * (A reload during training finding the running job is project.spec.ts's story.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, hostState, test, webOnly } from './fixtures.js';
import { SCREENSHOTS } from './env.js';
import { startHost } from './host.js';
import type { Studio } from './pages/studio.js';

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lw-e2e-models-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small table of birds measured on three islands (300 rows, seeded). */
function birdsFile(): string {
  const species = ['Adelie', 'Gentoo', 'Chinstrap'];
  const islands = ['Torgersen', 'Biscoe', 'Dream'];
  const lines = ['species,island,bill_length_mm,body_mass_g,sex'];
  for (let i = 0; i < 300; i++) {
    const s = (i * 7) % 3;
    const bill = (35 + s * 5 + (i % 10) / 2).toFixed(1);
    lines.push(
      `${species[s]},${islands[(i * 5) % 3]},${bill},${3000 + s * 700 + (i % 13) * 50},${i % 2 ? 'male' : 'female'}`,
    );
  }
  const path = join(dir, 'birds.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** A log-likelihood as the table writes it: nats per row, exact or an estimate with its standard error. */
const FIGURE = /^-?\d+\.\d{3} (exact|± \d+\.\d{3} estimate|estimate)$/;
const BOUND = /^Layer [12]: -?\d+\.\d{3} (exact|± \d+\.\d{3} estimate|estimate) \((validation|training)\)$/;
const VERDICT =
  /^On your data, (AERIes \(Model 1\) reaches \d+\.\d{3} nats per row more than stacked RBMs \(Model 2\)|stacked RBMs \(Model 2\) reach \d+\.\d{3} nats per row more than AERIes \(Model 1\)|AERIes \(Model 1\) and stacked RBMs \(Model 2\) do about as well) on validation rows/;

/** Opens the birds and trains Model 1 with two AERIes layers, then Model 2 with two RBM layers. */
async function trainBoth(studio: Studio): Promise<void> {
  await studio.openCsv(birdsFile(), { whenAskedToSave: 'discard' });
  await studio.compare.trainWith('aeries', 2, 2);
  await studio.waitForTrainingDone();
  await studio.compare.trainWith('rbm', 2, 2);
  await studio.waitForTrainingDone();
}

test('an analyst trains an AERIes model and a stacked-RBM model and compares them', async ({ studio, target }) => {
  await trainBoth(studio);
  const models = await studio.compare.compared();
  expect(models.map((m) => [m.name, m.methods, m.inUse, m.outOfDate])).toEqual([
    ['Model 1', 'AERIes, AERIes', false, false],
    ['Model 2', 'RBM, RBM', true, false],
  ]);
  for (const m of models) {
    for (const figure of [m.train, m.valid, m.test]) expect(figure).toMatch(FIGURE);
    expect(m.bounds).toHaveLength(2);
    for (const bound of m.bounds) expect(bound).toMatch(BOUND);
    expect(m.sizes).toMatch(/^\d+ bits → \d+ → \d+, top: /);
    expect(m.time).toMatch(/^\d+\.\d s$|^\d+ min \d+ s$/);
  }
  expect(await studio.compare.verdict()).toMatch(VERDICT);

  const chart = await studio.compare.chart();
  expect(chart).toMatchObject({ models: 2, series: 3, drawn: true });
  if (target === 'web' && process.env.LAYERWISE_SCREENSHOTS)
    await studio.compare.screenshot(join(SCREENSHOTS, '4-compare.png'));
  expect(chart.table.header).toEqual(['Model', 'Training rows', 'Validation rows', 'Test rows']);
  expect(chart.table.rows).toEqual(models.map((m) => [m.name, m.train, m.valid, m.test]));

  // The comparison (table, verdict, chart and its table) passes axe-core in both languages.
  for (const locale of ['en', 'ja'] as const) {
    await studio.switchLanguage(locale);
    expect(await studio.accessibilityViolations(), locale).toEqual([]);
  }
  await studio.switchLanguage('en');

  // Model 1 is used for Samples and Export: the project bar shows it, the Train step its layers.
  await studio.compare.use('Model 1');
  expect(await studio.models()).toEqual([
    { name: 'Model 1', outOfDate: false, shown: true },
    { name: 'Model 2', outOfDate: false, shown: false },
  ]);
  expect((await studio.layerResults()).map((r) => [r.layer, r.method])).toEqual([
    ['Layer 1', 'AERIes (rich inference)'],
    ['Layer 2', 'AERIes (rich inference)'],
  ]);
  expect((await studio.compare.compared()).map((m) => m.inUse)).toEqual([true, false]);

  // A column left out after training: both models are marked out of date in the comparison.
  await studio.leaveOutColumn('sex');
  expect((await studio.compare.compared()).map((m) => [m.name, m.outOfDate])).toEqual([
    ['Model 1', true],
    ['Model 2', true],
  ]);
  expect(await studio.compare.staleChanges()).toEqual([
    'Since it was trained, you left out sex.',
    'Since it was trained, you left out sex.',
  ]);
});

test('both models come back with their figures and charts after a save, a reload and a restart of the web host', async ({
  studio,
  target,
}) => {
  webOnly(target);
  await trainBoth(studio);
  const models = await studio.compare.compared();
  const chart = await studio.compare.chart();
  const verdict = await studio.compare.verdict();
  // Two layers of two epochs each, once the last epoch's point is drawn (it can land just after "done").
  const points = 4;
  await expect.poll(() => studio.chartPoints()).toBe(points);
  const saved = await studio.saveProject();
  try {
    expect(saved.split('/').pop()).toBe('birds.lwproj');
    await studio.reload();
    expect(await studio.compare.compared()).toEqual(models);
    expect(await studio.compare.chart()).toEqual(chart);
    expect(await studio.compare.verdict()).toBe(verdict);

    const second = await startHost(hostState().dataDir);
    try {
      await studio.visit(second.url);
      await studio.openProject(saved);
      expect(await studio.models()).toEqual([
        { name: 'Model 1', outOfDate: false, shown: false },
        { name: 'Model 2', outOfDate: false, shown: true },
      ]);
      expect(await studio.compare.compared()).toEqual(models);
      expect(await studio.compare.chart()).toEqual(chart);
      expect(await studio.compare.verdict()).toBe(verdict);
      expect(await studio.chartPoints()).toBe(points);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dirname(saved), { recursive: true, force: true });
  }
});
