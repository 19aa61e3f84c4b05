/** How the privacy panel writes its figures: shares as percentages, distances with three decimals, the parameters of each check's sentence. */
import type { PrivacyCheck } from '../../../../shared/domain/privacy.js';

export const pct = (x: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(x);

export const dist = (x: number, locale: string): string =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(x);

const plain = (x: number, locale: string): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(x);

/** The placeholders of a check's sentence (`privacy.checkText.<id>`). */
export function checkParams(c: PrivacyCheck, locale: string): Record<string, string> {
  const ref = c.reference ?? 0;
  switch (c.id) {
    case 'exactCopies':
      return {
        value: pct(c.value, locale),
        reference: pct(ref, locale),
        good: pct(c.good, locale),
        caution: pct(c.caution ?? 0, locale),
      };
    case 'closerShare':
      return { value: pct(c.value, locale), good: pct(c.good, locale), caution: pct(c.caution ?? 0, locale) };
    case 'dcr':
      return { value: dist(c.value, locale), reference: dist(ref, locale), good: plain(c.good, locale) };
    case 'nndr':
      return { value: plain(c.value, locale), reference: plain(ref, locale), good: plain(c.good, locale) };
    case 'identifiers':
      return { value: plain(c.value, locale) };
  }
}
