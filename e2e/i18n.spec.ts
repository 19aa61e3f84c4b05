/** The Japanese UI renders: switching the language translates the heading and the buttons. */
import { expect, test } from './fixtures.js';
import { ui as en } from '../shared/i18n/ui/en.js';
import { ui as ja } from '../shared/i18n/ui/ja.js';

test('a user switches the studio to Japanese, opens the sample, and switches back to English', async ({ studio }) => {
  await studio.switchLanguage('ja');
  expect((await studio.welcomeActions()).trySample).toBe(ja.home.trySample);
  expect(await studio.pageTitle()).not.toBe(en.steps.data.title);

  await studio.openSample();
  expect(await studio.pageTitle()).toBe(ja.steps.data.title);

  await studio.switchLanguage('en');
  expect(await studio.pageTitle()).toBe(en.steps.data.title);
});
