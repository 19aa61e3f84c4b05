/**
 * The privacy evidence on a hand-computed case (test/privacy-fixture.ts; distances are the mean
 * of |Δamount| / 10 and 0/1 for the region). Training T1 (0,N) T2 (10,S); held-out H1 (0,N)
 * H2 (4,S); generated G1 (0,N) G2 (9,S) G3 (3,N) G4 (5,S):
 *   DCR  G: 0, 0.05, 0.15, 0.25   second closest: 1, 0.95, 0.85, 0.75
 *   DCR  H: 0, 0.3                second closest: 1, 0.7
 *   to the held-out rows, G: 0 (tie), 0.25 (training closer), 0.15 (tie), 0.05 (held-out closer)
 */
import { describe, expect, it } from 'vitest';
import { privacyEvidence, tooCloseFilter } from './index.js';
import { CLOSER_DRAWS, disjointDraws } from './privacy.js';
import { encoding, generated, holdout, realIds, training } from './test/privacy-fixture.js';
import { exactCopies, quantiles, binShares, binEdges, closerShare, distanceRatios } from './privacy-stats.js';

const input = {
  encoding,
  generated,
  training,
  holdout,
  realCells: (name: string) => (name === 'id' ? realIds : []),
  fileMissingTokens: ['', 'NA'],
  seed: 1,
};

describe('privacy statistics', () => {
  it('quantiles interpolate between order statistics', () => {
    expect(quantiles([4, 0, 2, 1, 3])).toEqual({ p5: 0.2, p25: 1, p50: 2, p75: 3, p95: 3.8 });
    expect(quantiles([]).p50).toBe(0);
  });
  it('counts exact copies, distance ratios, bin shares and the closer share', () => {
    expect(exactCopies([0, 0.1, 0])).toEqual({ count: 2, rows: 3, rate: 2 / 3 });
    const ratios = distanceRatios({ first: Float64Array.of(0.1, 0, 0), second: Float64Array.of(0.2, 0, 0.5) });
    expect(Array.from(ratios)).toEqual([0.5, 1, 0]);
    expect(binShares([0, 0.05, 0.1], [0, 0.05, 0.1])).toEqual([1 / 3, 2 / 3]);
    expect(binEdges([[0.2]], 4)).toEqual([0, 0.05, 0.1, 0.15000000000000002, 0.2]);
    expect(closerShare([0.1, 0.2, 0.3], [0.2, 0.2, 0.1])).toBe(0.5);
  });
});

describe('privacy evidence', () => {
  it('gives the figures of the hand-computed case', async () => {
    const e = await privacyEvidence(input);
    expect(e.columns).toEqual(['amount', 'region']);
    expect(e.sample).toEqual({
      synthetic: { used: 4, of: 4 },
      training: { used: 2, of: 2 },
      holdout: { used: 2, of: 2 },
    });
    expect(e.exactCopies.synthetic).toEqual({ count: 1, rows: 4, rate: 0.25 });
    expect(e.exactCopies.holdout).toEqual({ count: 1, rows: 2, rate: 0.5 });
    expect(e.dcr.synthetic.p50).toBeCloseTo(0.1, 12);
    expect(e.dcr.synthetic.p5).toBeCloseTo(0.0075, 12);
    expect(e.dcr.holdout?.p5).toBeCloseTo(0.015, 12);
    expect(e.dcr.holdout?.p50).toBeCloseTo(0.15, 12);
    expect(e.closerToTraining).toEqual({ share: 0.5, rows: 4, referenceRows: 2, draws: 1 });
    expect(e.nndr.synthetic.p95).toBeCloseTo(0.25 / 0.75 - 0.15 * (0.25 / 0.75 - 0.15 / 0.85), 12);
    expect(e.nndr.holdout?.p50).toBeCloseTo(0.3 / 0.7 / 2, 12);
    expect(e.filter).toEqual({ threshold: e.dcr.holdout?.p5, basis: 'holdoutP5' });
    expect(e.dcr.chart.synthetic.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(e.dcr.chart.edges.at(-1)).toBeCloseTo(0.3, 12);
  });

  it('compares numbers and dates of the current encoding (quantile codes) by value, as it does version-1 bins', async () => {
    const amount = { kind: 'quantiles', column: 1, name: 'amount', type: 'numeric', format: {}, bins: 2 } as const;
    const quantileCoded: typeof encoding = {
      ...encoding,
      version: 3,
      columns: encoding.columns.map((c) =>
        c.name === 'amount'
          ? { ...amount, fineBits: 0, knots: [0, 5, 10], step: 1, missing: true, missingToken: '' }
          : c,
      ),
    };
    const e = await privacyEvidence({ ...input, encoding: quantileCoded });
    expect(e.columns).toEqual(['amount', 'region']);
    expect(e.dcr.synthetic.p50).toBeCloseTo(0.1, 12);
    expect(e.closerToTraining).toEqual({ share: 0.5, rows: 4, referenceRows: 2, draws: 1 });
  });

  it('averages the closer-share over disjoint draws of the training rows when held-out rows are few', async () => {
    // Four training rows, two held-out: two disjoint draws of two, the first the one a single draw picks.
    const twice = { ...training, rows: [...training.rows, ['T005', '0', 'N'], ['T006', '10', 'S']] };
    const draws = disjointDraws(twice, 2, CLOSER_DRAWS, input.seed + 3);
    expect(draws.map((d) => d.rows.length)).toEqual([2, 2]);
    expect(new Set(draws.flatMap((d) => d.rows.map((r) => r[0]))).size).toBe(4);
    const e = await privacyEvidence({ ...input, training: twice });
    expect(e.closerToTraining).toMatchObject({ draws: 2, referenceRows: 2, rows: 4 });
    // The mean of the share against each draw alone (each then the whole training set).
    const each = await Promise.all(draws.map((d) => privacyEvidence({ ...input, training: d })));
    const mean = each.reduce((sum, x) => sum + (x.closerToTraining?.share ?? NaN), 0) / 2;
    expect(e.closerToTraining?.share).toBeCloseTo(mean, 12);
    const three = await privacyEvidence({ ...input, training: { ...twice, rows: twice.rows.slice(0, 3) } });
    expect(three.closerToTraining?.draws).toBe(1);
  });

  it('reports what the encoding replaced, and generated identifiers equal to real ones', async () => {
    const e = await privacyEvidence(input);
    expect(e.replaced).toEqual({
      identifiers: [{ name: 'id', realValues: 4, generatedValues: 4, equalToReal: 0 }],
      rareMin: 5,
      rareValues: [{ name: 'region', values: 2, rows: 3 }],
    });
    const leaky = { ...generated, rows: generated.rows.map((r, i) => (i === 1 ? ['T002', ...r.slice(1)] : r)) };
    const bad = await privacyEvidence({ ...input, generated: leaky });
    expect(bad.replaced.identifiers[0].equalToReal).toBe(1);
    expect(bad.verdict.checks.find((c) => c.id === 'identifiers')?.level).toBe('concern');
    expect(bad.verdict.level).toBe('concern');
  });

  it('judges each check by its stated threshold', async () => {
    const e = await privacyEvidence(input);
    const level = Object.fromEntries(e.verdict.checks.map((c) => [c.id, c.level]));
    // copies 25 % ≤ 50 % + 1 pp; share 0.5 ≤ 0.55; DCR p5 0.0075 < 0.9 × 0.015; NNDR p5 0.0079 < 0.9 × 0.0214
    expect(level).toEqual({
      exactCopies: 'good',
      closerShare: 'good',
      dcr: 'caution',
      nndr: 'caution',
      identifiers: 'good',
    });
    expect(e.verdict.level).toBe('caution');
  });

  it('flags generated rows that copy training rows more often than held-out rows do', async () => {
    const copies = { ...generated, rows: [training.rows[0], training.rows[1], training.rows[0], generated.rows[3]] };
    const e = await privacyEvidence({ ...input, generated: copies });
    const check = e.verdict.checks.find((c) => c.id === 'exactCopies');
    expect(check).toMatchObject({ level: 'concern', value: 0.75, reference: 0.5, good: 0.01, caution: 0.05 });
    // (0,N) ties with H1 twice (0.5 each), (10,S) is closer to T2 (1), (5,S) to H2 (0)
    expect(e.closerToTraining?.share).toBe(0.5);
  });

  it('leaves out the checks that need held-out rows when there are none, and drops only exact copies then', async () => {
    const e = await privacyEvidence({ ...input, holdout: null });
    expect(e.verdict.checks.map((c) => c.id)).toEqual(['identifiers']);
    expect(e.closerToTraining).toBeNull();
    expect(e.filter).toEqual({ threshold: 0, basis: 'exactOnly' });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(privacyEvidence(input, { signal: controller.signal })).rejects.toThrow('cancelled');
  });
});

describe('dropping generated rows too close to a real one', () => {
  it('drops the rows at distance ≤ the threshold from a training row and counts them', () => {
    const filter = tooCloseFilter(encoding, generated.header, training, [''], 0.015);
    expect(filter.keep(generated.rows).map((r) => r[0])).toEqual(['T101', 'T102', 'T103']);
    expect(filter.dropped).toBe(1);
    const wide = tooCloseFilter(encoding, generated.header, training, [''], 0.2);
    expect(wide.keep(generated.rows.slice(0, 2)).map((r) => r[0])).toEqual([]);
    expect(wide.keep(generated.rows.slice(2)).map((r) => r[0])).toEqual(['T103']);
    expect(wide.dropped).toBe(3);
  });

  it('compares only the columns present in the generated rows', () => {
    const noRegion = { header: ['id', 'amount'], rows: generated.rows.map((r) => r.slice(0, 2)) };
    const filter = tooCloseFilter(encoding, noRegion.header, training, [''], 0.05);
    // amount alone: 0 → 0, 9 → 0.1, 3 → 0.3, 5 → 0.5
    expect(filter.keep(noRegion.rows).map((r) => r[1])).toEqual(['9', '3', '5']);
  });
});
