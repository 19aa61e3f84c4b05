/** The method's datasets: seeded, well-formed, and deep-synthetic's ceiling is finite and below -H(D). */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors.js';
import { exactLogLikelihood, empiricalEntropy } from '../../engine/index.js';
import { deepSynthetic } from './deep-synthetic.js';
import { digits8x8 } from './digits.js';
import { splitRows } from './splits.js';

describe('datasets', () => {
  it('deep-synthetic is seeded and its true model scores far above a uniform model', () => {
    const a = deepSynthetic({ seed: 4, rows: 500 });
    const b = deepSynthetic({ seed: 4, rows: 500 });
    expect(a.data.bits).toBe(32);
    expect(Buffer.from(a.data.data).equals(Buffer.from(b.data.data))).toBe(true);
    const ll = exactLogLikelihood(a.model, a.data);
    expect(ll).toBeGreaterThan(-32 * Math.LN2 * 0.75);
    // no model beats the empirical distribution on its own rows
    expect(ll).toBeLessThan(-empiricalEntropy(a.data));
  });

  it('digits8x8 loads 1797 rows of 64 bits with labels 0-9; splits are disjoint and seeded', () => {
    const { data, labels } = digits8x8();
    expect(data.rows).toBe(1797);
    expect(data.bits).toBe(64);
    expect(Math.max(...labels)).toBe(9);
    const mean = data.data.reduce((s, v) => s + v, 0) / data.data.length;
    expect(mean).toBeGreaterThan(0.2);
    expect(mean).toBeLessThan(0.5);
    const s = splitRows(data, 1);
    const all = new Set([...s.indices.train, ...s.indices.valid, ...s.indices.test]);
    expect(all.size).toBe(1797);
    expect(splitRows(data, 1).indices.test).toEqual(s.indices.test);
  });

  it('a missing file is a clear AppError', () => {
    expect(() => digits8x8('/nonexistent/datasets/digits8x8.csv')).toThrow(AppError);
  });
});
