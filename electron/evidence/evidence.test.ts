/** Propensity, "train on synthetic, test on real", references and the whole evidence on seeded tables. */
import { describe, expect, it } from 'vitest';
import { XY_COLUMNS, xyTable } from './test/xy-table.js';
import { qualityEvidence } from './evaluate.js';
import { propensity } from './propensity.js';
import { level, referenced } from './references.js';
import type { Column } from './table.js';
import { classScores, r2, tstrScore } from './tstr.js';

const num = (v: number[]): Column => ({ kind: 'number', name: 'x', date: false, values: Float64Array.from(v) });
const cat = (v: number[]): Column => ({ kind: 'category', name: 'c', codes: Int32Array.from(v) });

describe('propensity (pMSE)', () => {
  it('is 0 for identical rows, with the null expectation (k − 1)(1 − c)² c / N', () => {
    const t = [num([1, 2, 3, 4]), cat([0, 1, 0, 1])];
    const p = propensity(t, t);
    expect(p.pmse).toBeCloseTo(0, 8);
    // k = intercept + x + one dummy = 3, c = ½, N = 8: 2 · ¼ · ½ / 8.
    expect(p.parameters).toBe(3);
    expect(p.expected).toBeCloseTo((2 * 0.25 * 0.5) / 8, 12);
  });

  it('nears c(1 − c) = ¼ when a column tells the tables apart', () => {
    const a = [cat(Array.from({ length: 50 }, () => 0))];
    const b = [cat(Array.from({ length: 50 }, () => 1))];
    expect(propensity(a, b).pmse).toBeGreaterThan(0.24);
  });
});

describe('train on synthetic, test on real', () => {
  it('accuracy and macro-F1 by hand', () => {
    // truth 0,0,1,1; predicted 0,1,1,1: accuracy ¾; F1(0) = 2/3, F1(1) = 4/5.
    const s = classScores(Int32Array.from([0, 0, 1, 1]), Int32Array.from([0, 1, 1, 1]));
    expect(s.score).toBe(0.75);
    expect(s.macroF1).toBeCloseTo((2 / 3 + 4 / 5) / 2, 12);
    expect(r2(Float64Array.from([1, 2, 3]), Float64Array.from([1, 2, 3]))).toBe(1);
    expect(r2(Float64Array.from([1, 2, 3]), Float64Array.from([2, 2, 2]))).toBe(0);
  });

  it('learns a class and a number that the other columns decide', () => {
    const xs = Array.from({ length: 200 }, (_, i) => i / 200);
    const t = [num(xs), num(xs.map((x) => 3 * x + 1)), cat(xs.map((x) => (x > 0.5 ? 1 : 0)))];
    expect(tstrScore(t, t, 2).score).toBeGreaterThan(0.95);
    expect(tstrScore(t, t, 1).score).toBeGreaterThan(0.99);
  });
});

describe('references and verdict', () => {
  it('places the model between floor and ceiling', () => {
    expect(referenced(0.8, 0.9, 0.5).position).toBeCloseTo(0.75, 12);
    expect(level(0.89, 0.9, 0.5)).toBe('ceiling');
    expect(level(0.75, 0.9, 0.5)).toBe('good');
    expect(level(0.6, 0.9, 0.5)).toBe('partial');
    expect(level(0.4, 0.9, 0.5)).toBe('floor');
    expect(level(0.95, 0.96, 0.955)).toBe('ceiling');
    expect(referenced(0.95, 0.96, 0.955).position).toBeNull();
    expect(level(0.9, null, 0.5)).toBe('unknown');
  });
});

describe('quality evidence', () => {
  const train = xyTable(2000, 1);
  const holdout = xyTable(400, 2);
  const input = { columns: XY_COLUMNS, missing: [''], train, holdout, holdoutKind: 'test' as const, seed: 3 };

  it('a model that keeps the relations scores near the ceiling; one that keeps only the columns, near the floor', async () => {
    const good = await qualityEvidence({ ...input, synthetic: xyTable(1000, 4) });
    const flat = await qualityEvidence({ ...input, synthetic: xyTable(1000, 5, false) });
    expect(good.rows).toMatchObject({ train: 2000, holdout: 400, compared: 400 });
    expect(good.pairs.ceiling).toBeGreaterThan(0.9);
    expect((good.pairs.floor ?? 1) + 0.1).toBeLessThan(good.pairs.ceiling ?? 0);
    expect(['ceiling', 'good']).toContain(good.pairs.level);
    expect(flat.pairs.level).toBe('floor');
    expect(good.tstr).toMatchObject({ target: 'g', task: 'classification', metric: 'accuracy' });
    expect(good.tstr?.synthetic.score).toBeGreaterThan(0.9);
    expect(flat.tstr?.synthetic.score).toBeLessThan((good.tstr?.synthetic.score ?? 0) - 0.2);
    expect(flat.propensity.model.ratio).toBeGreaterThan(good.propensity.model.ratio ?? Infinity);
  });

  it('gives chart data and association matrices, and is a plain serialisable object', async () => {
    const q = await qualityEvidence({ ...input, synthetic: xyTable(1000, 4), target: 'y' });
    expect(q.columns.map((c) => c.chart.kind)).toEqual(['histogram', 'histogram', 'frequencies']);
    const h = q.columns[0].chart;
    if (h.kind === 'histogram') expect(h.real.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(q.associations.kind[0][1]).toBe('pearson');
    expect(q.associations.kind[0][2]).toBe('cramer');
    expect(q.associations.real[0][1]).toBeGreaterThan(0.9);
    expect(q.tstr).toMatchObject({ target: 'y', metric: 'r2' });
    expect(JSON.parse(JSON.stringify(q))).toEqual(q);
  });

  it('stops with `cancelled` when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      qualityEvidence({ ...input, synthetic: xyTable(100, 4), signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});
