/**
 * Formats translatable errors outside Vue (CLI, logs, reports) from the same catalogs the
 * renderer uses. Messages use `{name}` placeholders, as vue-i18n does.
 */
import { toErrorPayload } from '../domain/errors.js';
import { appErrors } from './errors/app.js';
import { dataErrors } from './errors/data.js';
import { engineErrors } from './errors/engine.js';
import { evalErrors } from './errors/eval.js';
import { hostErrors } from './errors/host.js';
import { modelTerms } from './errors/model.js';
import { projectErrors } from './errors/project.js';
import { samplesErrors } from './errors/samples.js';
import { qualityErrors } from './errors/quality.js';
import { layersErrors } from './errors/layers.js';
import { privacyErrors } from './errors/privacy.js';
import { terms, trainErrors } from './errors/train.js';

export type Locale = 'en' | 'ja';

/** All error messages by locale, keyed by error code. */
export const errorMessages: Record<Locale, Record<string, string>> = {
  en: {
    ...appErrors.en,
    ...dataErrors.en,
    ...engineErrors.en,
    ...evalErrors.en,
    ...trainErrors.en,
    ...hostErrors.en,
    ...projectErrors.en,
    ...samplesErrors.en,
    ...qualityErrors.en,
    ...layersErrors.en,
    ...privacyErrors.en,
  },
  ja: {
    ...appErrors.ja,
    ...dataErrors.ja,
    ...engineErrors.ja,
    ...evalErrors.ja,
    ...trainErrors.ja,
    ...hostErrors.ja,
    ...projectErrors.ja,
    ...samplesErrors.ja,
    ...qualityErrors.ja,
    ...layersErrors.ja,
    ...privacyErrors.ja,
  },
};

/** Names and reasons messages refer to (`@key` parameters), by locale. */
export const errorTerms: Record<Locale, Record<string, string>> = {
  en: { ...terms.en, ...modelTerms.en },
  ja: { ...terms.ja, ...modelTerms.ja },
};

export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function formatError(err: unknown, locale: Locale): string {
  const { code, params } = toErrorPayload(err);
  const template = errorMessages[locale][code] ?? errorMessages.en[code] ?? errorMessages[locale].internal;
  return interpolate(template, { message: code, ...translateTerms(params, locale) });
}

/** Parameters whose value is `@key` of a known term become that term in `locale`, filled in with the other parameters. */
export function translateTerms(
  params: Record<string, string | number>,
  locale: Locale,
): Record<string, string | number> {
  const out = { ...params };
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string' || !value.startsWith('@')) continue;
    const term = errorTerms[locale][value.slice(1)] ?? errorTerms.en[value.slice(1)];
    if (term !== undefined) out[name] = interpolate(term, params);
  }
  return out;
}
