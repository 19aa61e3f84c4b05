/**
 * Projects that never lie or lose work, as an analyst meets them: another file leaves no trace
 * of the first model; a column left out after training marks the model out of date and never
 * reaches the exported file; a saved project survives a reload and a restart of the web host,
 * with its model, figures and chart; a reload during training finds the running job.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, hostState, test, webOnly } from './fixtures.js';
import { readCsv } from './csv.js';
import { e2eTempDir, SAMPLE_CSV } from './env.js';
import { startHost } from './host.js';

/** A small table that is not the sample: penguins measured on three islands. */
function penguinsFile(): string {
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
  const path = join(e2eTempDir('data-'), 'penguins.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
const PENGUINS_HEADER = ['species', 'island', 'bill_length_mm', 'body_mass_g', 'sex'];

test('an analyst who loads another file after training finds nothing of the first model', async ({ studio }) => {
  const sample = readCsv(SAMPLE_CSV);
  await studio.openSample();
  await studio.train({ epochs: 2 });
  await studio.waitForTrainingDone();
  expect(await studio.models()).toEqual([{ name: 'Model 1', outOfDate: false, shown: true }]);

  // Loading penguins.csv: the app asks to save the sample's project first; the analyst does not.
  await studio.openCsv(penguinsFile(), { whenAskedToSave: 'discard' });
  expect(studio.wasAskedToSave()).toBe(true);
  expect(await studio.projectName()).toBe('penguins');
  expect(await studio.importSummary()).toContain('penguins.csv');
  expect(await studio.models()).toEqual([]);
  expect(await studio.canOpenStep('samples')).toBe(false);
  expect(await studio.canOpenStep('export')).toBe(false);
  await studio.goToStep('train');
  expect(await studio.hasLayerResults()).toBe(false);
  expect(await studio.chartPoints()).toBe(0);
  expect((await studio.trainingStatus()).state).toBe('idle');

  // Its own model exports penguins, under the file's real name.
  await studio.train({ epochs: 2 });
  await studio.waitForTrainingDone();
  const exported = await studio.exportSamples(50);
  expect(exported.split('/').pop()).toBe('penguins-synthetic.csv');
  const csv = readCsv(exported);
  expect(csv.header).toEqual(PENGUINS_HEADER);
  expect(csv.header).not.toContain(sample.header[1]);
  expect(csv.rows).toHaveLength(50);
});

test('a column left out after training marks the model out of date and is not in the exported file', async ({
  studio,
}) => {
  const sample = readCsv(SAMPLE_CSV);
  await studio.openSample({ whenAskedToSave: 'discard' });
  await studio.train({ epochs: 2 });
  await studio.waitForTrainingDone();

  await studio.leaveOutColumn('customer_age');
  expect(await studio.models()).toEqual([{ name: 'Model 1', outOfDate: true, shown: true }]);
  for (const step of ['train', 'samples', 'export'] as const)
    expect(await studio.staleNotice(step)).toContain('Model 1 was trained before you left out customer_age.');

  const exported = readCsv(await studio.exportSamples(300));
  expect(exported.header).toEqual(sample.header.filter((h) => h !== 'customer_age'));
  expect(exported.rows).toHaveLength(300);
  expect(await studio.exportNotes()).toContain('Left out of these rows, as you chose: customer_age.');

  // The preview is the start of the export with the same seed (1).
  await studio.generate(20, 1);
  expect(await studio.generatedRows()).toEqual(exported.rows.slice(0, 20));
  expect(await studio.samplesNotes()).toContain('Generated as Model 1 was trained: before you left out customer_age.');
});

test('a saved project comes back after a reload and after the web host restarts, with its model, figures and chart', async ({
  studio,
  target,
}) => {
  webOnly(target);
  const penguins = penguinsFile();
  await studio.openCsv(penguins, { whenAskedToSave: 'discard' });
  await studio.train({ epochs: 3 });
  await studio.waitForTrainingDone();
  const layers = await studio.layerResults();
  const points = await studio.chartPoints();
  expect(points).toBeGreaterThan(0);
  expect(await studio.projectStatus()).toBe('not saved');
  const saved = await studio.saveProject();
  expect(saved.split('/').pop()).toBe('penguins.lwproj');
  expect(await studio.projectStatus()).toBe('saved');

  // A reload finds the same project.
  await studio.reload();
  expect(await studio.projectName()).toBe('penguins');
  expect(await studio.layerResults()).toEqual(layers);
  expect(await studio.chartPoints()).toBe(points);

  // Another web host (the first one's uploads are gone with it): the project file opens there.
  const second = await startHost(hostState().dataDir);
  try {
    await studio.visit(second.url);
    await studio.openProject(saved);
    expect(await studio.projectName()).toBe('penguins');
    expect(await studio.models()).toEqual([{ name: 'Model 1', outOfDate: false, shown: true }]);
    expect(await studio.dataNotice()).toContain('The data of this project, “penguins.csv”, is not loaded');
    expect(await studio.layerResults()).toEqual(layers);
    expect(await studio.chartPoints()).toBe(points);
    // Without its data the model still generates rows; with the data located, the data is back.
    await studio.generate(10);
    expect(await studio.generatedRows()).toHaveLength(10);
    await studio.locateData(penguins);
    expect(await studio.dataNotice()).toBeNull();
    expect(await studio.importSummary()).toContain('penguins.csv');
  } finally {
    await second.stop();
  }
});

test('a reload during training finds the running job and its chart so far', async ({ studio, target }) => {
  webOnly(target);
  await studio.openSample({ whenAskedToSave: 'discard' });
  await studio.train({ epochs: 60 });
  await expect.poll(() => studio.chartPoints(), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);

  await studio.reload();
  await studio.goToStep('train');
  expect((await studio.trainingStatus()).state).toBe('running');
  const after = await studio.chartPoints();
  expect(after).toBeGreaterThanOrEqual(2);
  await expect.poll(() => studio.chartPoints(), { timeout: 120_000 }).toBeGreaterThan(after);
  await studio.cancelTraining();
  expect((await studio.trainingStatus()).state).toBe('cancelled');
});
