/**
 * Formats translatable errors outside Vue (CLI, logs, reports) from the same catalogs the
 * renderer uses. Messages use `{name}` placeholders, as vue-i18n does.
 */
import { toErrorPayload } from '../domain/errors.js';
import { appErrors } from './errors/app.js';
import { dataErrors } from './errors/data.js';
import { engineErrors } from './errors/engine.js';
import { evalErrors } from './errors/eval.js';
import { projectErrors } from './errors/project.js';

export type Locale = 'en' | 'ja';

/** All error messages by locale, keyed by error code. */
export const errorMessages: Record<Locale, Record<string, string>> = {
  en: { ...appErrors.en, ...dataErrors.en, ...engineErrors.en, ...evalErrors.en, ...projectErrors.en },
  ja: { ...appErrors.ja, ...dataErrors.ja, ...engineErrors.ja, ...evalErrors.ja, ...projectErrors.ja },
};

export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function formatError(err: unknown, locale: Locale): string {
  const { code, params } = toErrorPayload(err);
  const template = errorMessages[locale][code] ?? errorMessages.en[code] ?? errorMessages[locale].internal;
  return interpolate(template, { message: code, ...params });
}
