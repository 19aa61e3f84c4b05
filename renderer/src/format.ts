/** Number and estimate formatting for the UI, by locale. */
import type { Estimate } from '../../shared/domain/model.js';

export function fmt(value: number, digits = 3, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

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

/** "−12.345 nats (−17.81 bits) exact" or "… ± 0.020". */
export function estimateParts(
  e: Estimate | null,
  locale = 'en',
): { nats: string; bits: string; exact: boolean; se: string | null } | null {
  if (!e) return null;
  return {
    nats: fmt(e.value, 3, locale),
    bits: fmt(e.value / Math.LN2, 2, locale),
    exact: e.exact,
    se: e.se === null ? null : fmt(e.se, 3, locale),
  };
}
