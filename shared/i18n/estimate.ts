/**
 * How every figure of the method is written, in the UI, the CLI and the report alike: nats per
 * row, the same in bits, and whether it is exact or an estimate (± its standard error); and
 * which of the two UI languages an OS locale tag means.
 */
import type { Estimate } from '../domain/model.js';
import type { Locale } from './format.js';

const WORDS: Record<Locale, { nats: string; bits: string; exact: string; estimate: string }> = {
  en: { nats: 'nats', bits: 'bits', exact: 'exact', estimate: 'estimate' },
  ja: { nats: 'ナット', bits: 'ビット', exact: '厳密', estimate: '推定' },
};

/** The UI language for an OS or browser locale tag: Japanese for `ja*`, English otherwise. */
export function localeOf(tag: string): Locale {
  return tag.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** A number with a fixed count of decimals, grouped as the locale writes it. */
export function formatNumber(value: number, digits = 3, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** The parts of an estimate, formatted: nats, bits, exact or not, standard error. */
export function estimateParts(
  e: Estimate | null,
  locale = 'en',
): { nats: string; bits: string; exact: boolean; se: string | null } | null {
  if (!e) return null;
  return {
    nats: formatNumber(e.value, 3, locale),
    bits: formatNumber(e.value / Math.LN2, 2, locale),
    exact: e.exact,
    se: e.se === null ? null : formatNumber(e.se, 3, locale),
  };
}

/** "−12.345 nats (−17.81 bits) exact" or "−12.345 nats (−17.81 bits) ± 0.020" (an estimate); "—" for none. */
export function formatEstimate(e: Estimate | null, locale: Locale = 'en'): string {
  const p = estimateParts(e, locale);
  if (!p) return '—';
  const w = WORDS[locale];
  const how = p.exact ? w.exact : p.se === null ? w.estimate : `± ${p.se}`;
  return `${p.nats} ${w.nats} (${p.bits} ${w.bits}) ${how}`;
}
