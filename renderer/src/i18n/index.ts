/**
 * vue-i18n for the UI (English and Japanese), the locale following the OS unless the user
 * chose one, and translation of errors and import problems from the shared catalogs (whose
 * keys contain dots, so they are formatted here rather than looked up as vue-i18n paths).
 */
import { createI18n } from 'vue-i18n';
import { ui as en } from '../../../shared/i18n/ui/en.js';
import { ui as ja } from '../../../shared/i18n/ui/ja.js';
import { errorMessages, formatError, interpolate, type Locale } from '../../../shared/i18n/format.js';
import type { ImportProblem } from '../../../shared/domain/data.js';

const STORAGE_KEY = 'layerwise-locale';

export const i18n = createI18n({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en, ja },
});

export { localeOf as localeFromOs } from '../../../shared/i18n/estimate.js';

export function savedLocale(): Locale | null {
  const v = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return v === 'en' || v === 'ja' ? v : null;
}

export function setLocale(locale: Locale, remember = true): void {
  i18n.global.locale.value = locale;
  if (remember && typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  return i18n.global.locale.value === 'ja' ? 'ja' : 'en';
}

export function errorText(err: unknown): string {
  return formatError(err, currentLocale());
}

export function problemText(p: ImportProblem): string {
  const template = errorMessages[currentLocale()][p.code] ?? errorMessages.en[p.code] ?? p.code;
  return interpolate(template, p.params);
}
