/**
 * Layer by layer, as an analyst goes about it: load the sample, open "Customise", ask for a
 * suggested size and adopt it, train layer 1 and see its bound, add a layer, finish with the
 * top prior (a model of the project, with the headroom view: the bound so far per layer and
 * the log-likelihood reached), then fine-tune it as a step of its own and read the
 * log-likelihood before and after. Epochs are kept at 1 and the
 * subset at 400 rows, so the story runs in well under a minute.
 */
import { expect, test } from './fixtures.js';

test('an analyst suggests a size, trains layer by layer, finishes, fine-tunes and reads the headroom', async ({
  studio,
}) => {
  await studio.openSample();
  // A sample of the rows, so each stage takes seconds.
  await studio.goToStep('subset');
  await studio.applySubset({ sampleRows: 400 });
  const layers = studio.layerByLayer();
  await layers.open();
  await layers.setAllEpochs(1);
  await layers.setLayer({ epochs: 1 });

  // Suggest a size (the smallest sizes first, for 3 seconds): a ranking and a suggestion with its reason; adopted for layer 1.
  const ranking = await layers.suggestSize({ seconds: 3 });
  expect(ranking.units.length).toBeGreaterThan(0);
  expect(ranking.recommended).toMatch(/^Suggested: \d+ units/);
  const suggested = Number(/Suggested: (\d+) units/.exec(ranking.recommended)![1]);
  expect(ranking.units).toContain(suggested);
  expect(await layers.adoptSuggestion()).toBe(`Layer 1 will have ${suggested} units.`);
  expect(await layers.layerUnits()).toBe(suggested);

  // Layer 1: its bound so far is shown; then a second layer on top.
  await layers.trainFirstLayer();
  let stack = await layers.stackLayers();
  expect(stack.rows).toHaveLength(1);
  expect(stack.rows[0][0]).toBe(String(suggested));
  expect(stack.rows[0][2]).toMatch(/-\d/);
  await layers.setLayer({ units: 4, epochs: 1 });
  await layers.addLayer();
  stack = await layers.stackLayers();
  expect(stack.rows.map((r) => r[0])).toEqual([String(suggested), '4']);
  // What layer 2 added: 0 or below.
  expect(Number(stack.rows[1][3].replace('−', '-'))).toBeLessThanOrEqual(0);
  let headroom = await layers.headroom();
  expect(headroom).toMatchObject({ layers: 2, complete: false });

  // Finish with the top prior: an ordinary model of the project, with the log-likelihood it reached.
  const model = await layers.finish();
  expect(model).toMatch(/^Model \d+$/);
  headroom = await layers.headroom();
  expect(headroom).toMatchObject({ layers: 2, complete: true, source: `The finished model “${model}”.` });
  expect(headroom.table.rows.map((r) => r[0])).toEqual(['1', '2', 'Log-likelihood reached']);
  // The finished model's results are shown like any model's.
  expect(await studio.layerResults()).toHaveLength(2);

  // Fine-tuning, its own step: a new model, the log-likelihood before and after.
  const tuned = await layers.fineTune(1);
  expect(tuned).toBe(`${model}, fine-tuned`);
  const figures = await layers.fineTuneFigures();
  expect(figures.before).toMatch(/^Log-likelihood before: -\d/);
  expect(figures.after).toMatch(/^Log-likelihood after: -\d/);

  // The panel as it now stands (layers, ranking, headroom, fine-tuning) passes axe-core, in English and Japanese.
  for (const locale of ['en', 'ja'] as const) {
    await studio.switchLanguage(locale);
    expect(await studio.accessibilityViolations(), locale).toEqual([]);
  }
});
