/** The bench's own figures: Pearson's r over rows where both values are numbers, quantiles and tail shares. */
import { describe, expect, it } from 'vitest';
import { pearson, quantile, shareAbove } from './columns.js';

const f = (...v: number[]) => Float64Array.from(v);

describe('fidelity bench figures', () => {
  it('computes r over the rows where both values are numbers', () => {
    expect(pearson(f(1, 2, 3, 4), f(2, 4, 6, 8))).toBeCloseTo(1, 12);
    expect(pearson(f(1, 2, 3, 4), f(8, 6, 4, 2))).toBeCloseTo(-1, 12);
    // The missing pair is skipped, not read as 0.
    expect(pearson(f(1, 2, NaN, 3, 4), f(2, 4, 100, 6, 8))).toBeCloseTo(1, 12);
    expect(pearson(f(1, 1, 1), f(1, 2, 3))).toBeNaN();
    expect(pearson(f(1, 2), f(1, 2))).toBeNaN();
  });

  it('interpolates quantiles and counts the share strictly above a limit', () => {
    const v = f(...Array.from({ length: 101 }, (_, i) => i), NaN);
    expect(quantile(v, 0.99)).toBeCloseTo(99, 12);
    expect(quantile(f(0, 10), 0.25)).toBeCloseTo(2.5, 12);
    expect(shareAbove(v, 99)).toBeCloseTo(1 / 101, 12);
    expect(shareAbove(f(NaN), 0)).toBeNaN();
  });
});
