/** Number, duration and estimate formatting. */
import { describe, expect, it } from 'vitest';
import { estimateParts, fmt, fmtDuration } from './format.js';

describe('format', () => {
  it('formats durations with translated units', () => {
    expect(fmtDuration(42.4)).toBe('42 s');
    expect(fmtDuration(125)).toBe('2 min 5 s');
    expect(fmtDuration(3 * 3600 + 7 * 60)).toBe('3 h 7 min');
    expect(fmtDuration(125, (n, u) => `${n} ${{ s: '秒', m: '分', h: '時間' }[u]}`)).toBe('2 分 5 秒');
  });
  it('gives an estimate in nats and bits with its precision', () => {
    expect(estimateParts({ value: -Math.LN2 * 10, exact: true, se: null })).toEqual({
      nats: '-6.931',
      bits: '-10.00',
      exact: true,
      se: null,
    });
    expect(estimateParts({ value: -1, exact: false, se: 0.0123 })?.se).toBe('0.012');
    expect(estimateParts(null)).toBeNull();
    expect(fmt(1234.5, 1, 'en')).toBe('1,234.5');
  });
});
