/** One way to write a figure: nats and bits, exact or ± its standard error, in both languages. */
import { describe, expect, it } from 'vitest';
import { formatEstimate, localeOf } from './estimate.js';

describe('formatEstimate', () => {
  it('writes an exact figure in nats and bits', () => {
    expect(formatEstimate({ value: -Math.LN2 * 10, exact: true, se: null })).toBe('-6.931 nats (-10.00 bits) exact');
  });
  it('writes an estimate with its standard error, in Japanese too', () => {
    expect(formatEstimate({ value: -1.5, exact: false, se: 0.0123 })).toBe('-1.500 nats (-2.16 bits) ± 0.012');
    expect(formatEstimate({ value: -1.5, exact: false, se: 0.0123 }, 'ja')).toBe(
      '-1.500 ナット (-2.16 ビット) ± 0.012',
    );
    expect(formatEstimate({ value: -1.5, exact: true, se: null }, 'ja')).toContain('厳密');
  });
  it('writes a dash for a figure that does not exist', () => {
    expect(formatEstimate(null)).toBe('—');
  });
});

describe('localeOf', () => {
  it('follows the OS tag: Japanese for ja*, English otherwise', () => {
    expect(localeOf('ja-JP')).toBe('ja');
    expect(localeOf('JA')).toBe('ja');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf('de-DE')).toBe('en');
  });
});
