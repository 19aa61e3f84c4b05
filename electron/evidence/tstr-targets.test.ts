/** "Train on synthetic, test on real" for several named targets: a number by R², a category by accuracy. */
import { describe, expect, it } from 'vitest';
import { XY_COLUMNS, xyTable } from './test/xy-table.js';
import { tstrChecks } from './tstr-targets.js';

const input = { columns: XY_COLUMNS, missing: [''], train: xyTable(1500, 1), holdout: xyTable(400, 2), seed: 3 };

describe('train on synthetic, test on real, for named targets', () => {
  it('scores a number by R² and a category by accuracy, in the order asked, each next to the baseline', () => {
    const [y, g] = tstrChecks({ ...input, synthetic: xyTable(1000, 4), targets: ['y', 'g'] });
    expect(y).toMatchObject({ target: 'y', task: 'regression', metric: 'r2', fitRows: 1000, testRows: 400 });
    expect(g).toMatchObject({ target: 'g', task: 'classification', metric: 'accuracy' });
    // y = 2x + noise(0.1) over x uniform: R² = 1 − 0.01 / (4/12) ≈ 0.97.
    expect(y.real.score).toBeGreaterThan(0.95);
    expect(y.synthetic.score).toBeGreaterThan(0.95);
    // The mean predicts nothing: R² ≤ 0 on held-out rows (up to the two means' difference).
    expect(y.baseline.score).toBeLessThan(0.01);
    expect(g.synthetic.score).toBeGreaterThan(0.9);
    expect(g.baseline.score).toBeLessThan(0.6);
  });

  it('tells rows that lost the relation from rows that keep it', () => {
    // (Not the class: a ridge classifier fitted on noise draws a boundary whose side is chance.)
    const [y] = tstrChecks({ ...input, synthetic: xyTable(1000, 5, false), targets: ['y'] });
    expect(y.real.score).toBeGreaterThan(0.95);
    expect(y.synthetic.score).toBeLessThan(0.3);
    expect(y.floor.score).toBeLessThan(0.3);
  });

  it('skips a name that is not a column and fits on at most the training rows and maxRows', () => {
    const checks = tstrChecks({ ...input, synthetic: xyTable(3000, 4), targets: ['nope', 'x'], maxRows: 800 });
    expect(checks.map((c) => c.target)).toEqual(['x']);
    expect(checks[0]).toMatchObject({ fitRows: 800, testRows: 400 });
    expect(tstrChecks({ ...input, synthetic: xyTable(3000, 4), targets: ['y'] })[0].fitRows).toBe(1500);
  });
});
