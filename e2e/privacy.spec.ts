/**
 * Privacy evidence, as an analyst checks it before sharing rows: train quickly on the sample,
 * check the generated rows' privacy (a verdict in words, each check with its threshold, the
 * distance chart), turn on dropping rows too close to a real one, and export: the CSV holds
 * exactly as many rows as the app says it kept.
 */
import { expect, test } from './fixtures.js';
import { readCsv } from './csv.js';
import { SAMPLE_CSV } from './env.js';

test('an analyst checks the privacy of generated rows and exports them without the rows too close to a real one', async ({
  studio,
}) => {
  const sample = readCsv(SAMPLE_CSV);
  await studio.openSample();
  await studio.goToStep('train');
  await studio.train({ epochs: 2 });
  await studio.waitForTrainingDone({ timeout: 180_000 });

  // The privacy check of the rows generated for the step's seed.
  await studio.goToStep('samples');
  const privacy = studio.privacy();
  await privacy.check();
  const verdict = await privacy.verdict();
  expect(['good', 'caution', 'concern']).toContain(verdict.level);
  expect(verdict.text).toMatch(/Fine|Look closer|Concern/);
  const checks = await privacy.checks();
  expect(checks.map((c) => c.id)).toEqual(['exactCopies', 'closerShare', 'dcr', 'nndr', 'identifiers']);
  // Each check states its threshold.
  expect(checks.find((c) => c.id === 'closerShare')?.text).toContain('Fine up to 55%');
  expect(checks.find((c) => c.id === 'identifiers')?.text).toContain('0 generated identifiers equal a real one');
  const chart = await privacy.chart();
  expect(chart.drawn).toBe(true);
  expect(chart.tableRows).toBe(20);
  // The panel with its figures is accessible, in English and Japanese.
  for (const locale of ['ja', 'en'] as const) {
    await studio.switchLanguage(locale);
    expect(await studio.accessibilityViolations(), locale).toEqual([]);
  }
  expect((await privacy.verdict()).text).toMatch(/Fine|Look closer|Concern/);

  // Dropping rows too close: the preview says how many it dropped, and shows the others.
  await privacy.dropTooClose(true);
  await studio.generate(300);
  const preview = await privacy.previewDropped();
  expect(preview).not.toBeNull();
  expect(preview!.total).toBe(300);
  // The table pages the rows it kept: its range says how many.
  expect(await studio.samplesTable.range()).toContain(`of ${300 - preview!.dropped}`);
  const firstPage = (await studio.samplesTable.shownRows()).rows;

  // The export drops them too, and the file holds the rows the app says it kept.
  const exported = readCsv(await studio.exportSamples(1000));
  const said = await privacy.exportDropped();
  expect(said).not.toBeNull();
  expect(said!.total).toBe(1000);
  expect(said!.dropped).toBeGreaterThan(0);
  expect(said!.dropped + said!.written).toBe(1000);
  expect(exported.header).toEqual(sample.header);
  expect(exported.rows).toHaveLength(said!.written);
  // The preview is still the start of the export for the same seed.
  expect(exported.rows.slice(0, firstPage.length)).toEqual(firstPage);
});
