/** The Japanese UI renders: switching the language translates the heading and the buttons. */
import { expect, test } from './fixtures.js';
import { ui as en } from '../shared/i18n/ui/en.js';
import { ui as ja } from '../shared/i18n/ui/ja.js';

test('switches to Japanese and back', async ({ studio }) => {
  await studio.switchLocale('ja');
  await expect(studio.id('try-sample')).toHaveText(ja.home.trySample);
  await expect(studio.title()).not.toHaveText(en.steps.data.title);
  await studio.trySample();
  await expect(studio.title()).toHaveText(ja.steps.data.title);
  await studio.switchLocale('en');
  await expect(studio.title()).toHaveText(en.steps.data.title);
});
