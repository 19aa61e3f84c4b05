/** The compiled formatters used by decoding write exactly what the general ones write. */
import { describe, expect, it } from 'vitest';
import type { NumberFormat } from '../../../shared/domain/data.js';
import { createRng } from '../../base/random.js';
import { dateFormatter, formatDate } from '../dates.js';
import { formatNumber, numberFormatter } from '../numbers.js';

const PLAIN: NumberFormat = {
  decimals: 2,
  decimalMark: '.',
  thousands: '',
  currency: '',
  currencyPosition: 'prefix',
  percent: false,
  parensNegative: false,
  fullWidth: false,
};

describe('compiled formatters', () => {
  const rng = createRng(7);
  const values = Array.from({ length: 500 }, () => (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 7)).concat([
    0, -0, -0.001, 0.004, 1234567.891,
  ]);
  const styles: NumberFormat[] = [
    PLAIN,
    { ...PLAIN, decimals: 0 },
    { ...PLAIN, decimalMark: ',', decimals: 3 },
    { ...PLAIN, thousands: ',', currency: '￥', decimals: 0 },
    { ...PLAIN, decimalMark: ',', thousands: '.', currency: '€', currencyPosition: 'suffix' },
    { ...PLAIN, percent: true, decimals: 1, parensNegative: true },
    { ...PLAIN, fullWidth: true },
  ];
  it('numbers', () => {
    for (const f of styles) {
      const fast = numberFormatter(f);
      for (const v of values) expect(fast(v)).toBe(formatNumber(v, f));
    }
  });
  it('dates', () => {
    for (const p of ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY年M月D日', 'DD.MM.YYYY', 'YYYY-MM-DD HH:mm:ss', 'M/D/YYYY H:mm']) {
      const fast = dateFormatter(p);
      for (let k = 0; k < 200; k++) {
        const ms = Math.floor(rng.next() * 4e12);
        expect(fast(ms)).toBe(formatDate(ms, p));
      }
    }
    expect(dateFormatter('YYYY年M月D日')(Date.UTC(2024, 0, 5))).toBe('2024年1月5日');
  });
});
