/** Column Shapes, Column Pair Trends and the overall score against SDMetrics' QualityReport and small hand-computed cases. */
import { describe, expect, it } from 'vitest';
import { pairScore, pearson, contingencySimilarity, cramersV, binEdges, digitize } from './pairs.js';
import { ksComplement, tvComplement, missingRate } from './shapes.js';
import { qualityReport } from './quality.js';
import { readTable, schemaOf, type Column } from './table.js';
import { csvTable, REAL_CSV, SDMETRICS, SMALL_COLUMNS, SYNTH_CSV } from './test/sdmetrics-small.js';

const f = (v: number[]) => Float64Array.from(v);
const i32 = (v: number[]) => Int32Array.from(v);

describe('Column Shapes metrics', () => {
  it('KSComplement is 1 − the largest gap between the empirical CDFs, missing values dropped', () => {
    // CDFs at 1,2,3,4: real 1/3,2/3,1,1; synthetic 0,1/2,1/2,1 → largest gap 1/2 (at 3).
    expect(ksComplement(f([1, 2, 3, NaN]), f([2, 4]))).toBeCloseTo(0.5, 12);
    expect(ksComplement(f([5, 5, 6]), f([5, 5, 6]))).toBe(1);
    expect(ksComplement(f([1, 2]), f([3, 4]))).toBe(0);
    expect(ksComplement(f([NaN]), f([1]))).toBeNull();
  });

  it('TVComplement is 1 − half the L1 distance of the level shares, synthetic-only levels regularised by 1e-6', () => {
    // real a,a,b (2/3, 1/3); synthetic a,b,b,c (1/4, 1/2, 1/4): ½(5/12 + 1/6 + 1/4) = 5/12.
    expect(tvComplement(i32([0, 0, 1, -1]), i32([0, 1, 1, 2]))).toBeCloseTo(1 - 5 / 12, 6);
    expect(tvComplement(i32([0, 1]), i32([1, 0]))).toBe(1);
    expect(tvComplement(i32([-1]), i32([0]))).toBeNull();
  });

  it('the missing-value rate counts missing cells', () => {
    const c: Column = { kind: 'number', name: 'x', date: false, values: f([1, NaN, NaN, 4]) };
    expect(missingRate(c)).toBe(0.5);
  });
});

describe('Column Pair Trends metrics', () => {
  it('Pearson r on rows where both are present; undefined for a constant', () => {
    expect(pearson(f([1, 2, 3, NaN]), f([2, 4, 6, 1]))).toBeCloseTo(1, 12);
    expect(pearson(f([1, 2, 3]), f([3, 2, 1]))).toBeCloseTo(-1, 12);
    expect(pearson(f([1, 1, 1]), f([1, 2, 3]))).toBeNull();
  });

  it('CorrelationSimilarity is 1 − |r_real − r_synthetic| / 2, counted when |r_real| > 0.5', () => {
    const num = (v: number[]): Column => ({ kind: 'number', name: 'x', date: false, values: f(v) });
    const p = pairScore(num([1, 2, 3]), num([1, 2, 3]), num([1, 2, 3]), num([3, 2, 1]));
    expect(p).toMatchObject({ metric: 'CorrelationSimilarity', counted: true });
    expect(p.score).toBeCloseTo(0, 12);
    const weak = pairScore(num([1, 2, 3, 4]), num([1, 3, 2, 1]), num([1, 2, 3, 4]), num([1, 2, 3, 4]));
    expect(weak.counted).toBe(false);
  });

  it('ContingencySimilarity is 1 − the total variation distance of the joint shares, missing as a value', () => {
    // real (0,0),(0,1),(1,1),(−1,1): ¼ each; synthetic (0,0),(0,0),(1,1),(1,1): ½, ½.
    // |¼−½| + ¼ + |¼−½| + ¼ = 1 → 1 − ½ = ½.
    expect(contingencySimilarity(i32([0, 0, 1, -1]), i32([0, 1, 1, 1]), i32([0, 0, 1, 1]), i32([0, 0, 1, 1]))).toBe(
      0.5,
    );
  });

  it("Cramér's V: 1 for a perfect association, 0 for independence, null with one value", () => {
    expect(cramersV(i32([0, 0, 1, 1]), i32([1, 1, 0, 0]))).toBeCloseTo(1, 12);
    expect(cramersV(i32([0, 0, 1, 1]), i32([0, 1, 0, 1]))).toBeCloseTo(0, 12);
    expect(cramersV(i32([0, 0]), i32([0, 1]))).toBeNull();
  });

  it("numbers are binned as numpy's histogram_bin_edges and digitize (missing with the maximum)", () => {
    const e = binEdges(f([1, 2, 3, 10]));
    expect(e[0]).toBe(1);
    expect(e[5]).toBeCloseTo(5.5, 12);
    expect(e[10]).toBe(10);
    expect(Array.from(digitize(f([1, 10, NaN, 5.5, 0]), e))).toEqual([1, 11, 11, 6, 0]);
  });
});

describe("QualityReport's figures on a small table", () => {
  const schema = schemaOf(SMALL_COLUMNS, ['']);
  const real = readTable(schema, csvTable(REAL_CSV));
  const synth = readTable(schema, csvTable(SYNTH_CSV));
  const q = qualityReport(real, synth);

  it('reproduces the overall score and its two parts within 0.01 (in fact 1e-5)', () => {
    expect(Math.abs((q.overall ?? 0) - SDMETRICS.overall)).toBeLessThan(1e-5);
    expect(Math.abs((q.shapes ?? 0) - SDMETRICS.shapes)).toBeLessThan(1e-5);
    expect(Math.abs((q.pairTrends ?? 0) - SDMETRICS.pairTrends)).toBeLessThan(1e-5);
  });

  it('reproduces every column and every counted pair', () => {
    SMALL_COLUMNS.forEach((c, j) =>
      expect(q.columns[j]).toBeCloseTo(SDMETRICS.columns[c.name as keyof typeof SDMETRICS.columns], 5),
    );
    q.pairs.forEach((p, k) => {
      const expected = SDMETRICS.pairs[k];
      expect(p.counted).toBe(expected !== null);
      if (expected !== null) expect(p.score).toBeCloseTo(expected, 5);
    });
    expect(q.pairs[0].real).toBeCloseTo(SDMETRICS.realCorrelationAB, 5);
    expect(q.pairs[0].synthetic).toBeCloseTo(SDMETRICS.syntheticCorrelationAB, 5);
    expect(q.pairs[1].real).toBeCloseTo(SDMETRICS.realAssociation.ac, 5);
    expect(q.pairs[7].real).toBeCloseTo(SDMETRICS.realAssociation.cd, 5);
  });
});
