/**
 * Accessibility: axe-core finds no violation of impact serious or critical on any step of
 * the wizard, in English and in Japanese: Data with the sample loaded, Subset applied, Train
 * before and after a short run, the help panel open, Samples with generated rows, Export.
 */
import { expect, test } from './fixtures.js';
import type { Studio, Violation } from './pages/studio.js';

/** Checks the page in both languages, naming where it is when something is found. */
async function expectAccessible(studio: Studio, where: string): Promise<void> {
  for (const locale of ['en', 'ja'] as const) {
    await studio.switchLanguage(locale);
    const found: Violation[] = await studio.accessibilityViolations();
    expect.soft(found, `${where} (${locale}): ${JSON.stringify(found, null, 1)}`).toEqual([]);
  }
  await studio.switchLanguage('en');
}

test('every step of the wizard passes axe-core with no serious or critical violation, in English and Japanese', async ({
  studio,
}) => {
  await expectAccessible(studio, 'the welcome screen');

  await studio.openSample();
  await expectAccessible(studio, 'the Data step with the sample');

  await studio.goToStep('subset');
  const [first] = await studio.segmentColumns();
  await studio.chooseSegments([first.name], { coverage: 80 });
  await studio.applySubset();
  await expectAccessible(studio, 'the Subset step with a subset applied');

  await studio.goToStep('train');
  await studio.waitForTrainingSetup();
  await expectAccessible(studio, 'the Train step before training');

  await studio.openHelp();
  expect(await studio.helpText()).toMatch(/BLM/);
  await expectAccessible(studio, 'the help panel');
  await studio.closeHelp();

  await studio.train({ epochs: 2 });
  await studio.waitForTrainingDone();
  await expectAccessible(studio, 'the Train step after training');

  await studio.generate(20);
  await expectAccessible(studio, 'the Samples step with generated rows');

  await studio.goToStep('export');
  await expectAccessible(studio, 'the Export step');
});
