/** Number and estimate formatting for the UI, by locale. */
import { formatNumber } from '../../shared/i18n/estimate.js';

export { estimateParts, formatEstimate } from '../../shared/i18n/estimate.js';

export const fmt = formatNumber;

export function fmtInt(value: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** Writes n of a unit (seconds, minutes, hours) in the UI's language, e.g. (5, 'm') -> '5 min'. */
export type DurationUnit = (n: number, unit: 's' | 'm' | 'h') => string;

const EN_UNIT: DurationUnit = (n, unit) => `${n} ${unit === 'm' ? 'min' : unit}`;

export function fmtDuration(seconds: number, unit: DurationUnit = EN_UNIT): string {
  const s = Math.round(seconds);
  if (s < 60) return unit(s, 's');
  const m = Math.floor(s / 60);
  return m < 60 ? `${unit(m, 'm')} ${unit(s % 60, 's')}` : `${unit(Math.floor(m / 60), 'h')} ${unit(m % 60, 'm')}`;
}
