/** Quality and privacy evidence for tests of the Samples panels and the report (figures chosen to read easily, not computed). */
import type { PrivacyEvidence } from '../domain/privacy.js';
import type { QualityEvidence, ReferencedScore } from '../domain/quality.js';
const s = (model: number, ceiling: number, floor: number, level: ReferencedScore['level']): ReferencedScore => ({
  model,
  ceiling,
  floor,
  position: ceiling - floor >= 0.02 ? (model - floor) / (ceiling - floor) : null,
  level,
});

export function qualityResult(): QualityEvidence {
  const columns = ['revenue', 'order_date', 'region'];
  return {
    overall: s(0.8914, 0.9663, 0.8403, 'partial'),
    shapes: s(0.9464, 0.9774, 0.976, 'floor'),
    pairs: s(0.8364, 0.9551, 0.7046, 'good'),
    columns: [
      {
        column: 'revenue',
        metric: 'KSComplement',
        score: s(0.9, 0.97, 0.975, 'floor'),
        missing: { real: 0, synthetic: 0.01 },
        chart: { kind: 'histogram', edges: [0, 50, 100], date: false, real: [0.6, 0.4], synthetic: [0.7, 0.3] },
      },
      {
        column: 'order_date',
        metric: 'KSComplement',
        score: s(0.96, 0.97, 0.975, 'ceiling'),
        missing: { real: 0, synthetic: 0 },
        chart: {
          kind: 'histogram',
          edges: [1704067200000, 1719792000000, 1735689600000],
          date: true,
          real: [0.5, 0.5],
          synthetic: [0.45, 0.55],
        },
      },
      {
        column: 'region',
        metric: 'TVComplement',
        score: s(0.97, 0.98, 0.98, 'ceiling'),
        missing: { real: 0, synthetic: 0 },
        chart: {
          kind: 'frequencies',
          labels: ['Kanto', 'Kansai'],
          otherLabel: '…',
          real: [0.5, 0.3, 0.2],
          synthetic: [0.45, 0.35, 0.2],
        },
      },
    ],
    pairTrends: [],
    associations: {
      columns,
      kind: [
        [null, 'pearson', 'cramer'],
        ['pearson', null, 'cramer'],
        ['cramer', 'cramer', null],
      ],
      real: [
        [null, 0.1, 0.5],
        [0.1, null, 0.05],
        [0.5, 0.05, null],
      ],
      synthetic: [
        [null, -0.2, 0.3],
        [-0.2, null, 0.04],
        [0.3, 0.04, null],
      ],
      difference: [
        [null, -0.3, -0.2],
        [-0.3, null, -0.01],
        [-0.2, -0.01, null],
      ],
    },
    propensity: {
      model: { pmse: 0.0251, expected: 0.0036, ratio: 6.98 },
      ceiling: { pmse: 0.0063, expected: 0.0036, ratio: 1.76 },
      floor: { pmse: 0.035, expected: 0.0036, ratio: 9.75 },
      rows: 800,
      parameters: 47,
    },
    tstr: {
      target: 'region',
      task: 'classification',
      metric: 'accuracy',
      synthetic: { score: 0.4, macroF1: 0.3 },
      real: { score: 0.5, macroF1: 0.4 },
      floor: { score: 0.3, macroF1: 0.2 },
      baseline: { score: 0.35, macroF1: 0.1 },
      fitRows: 800,
      testRows: 800,
    },
    rows: { train: 6400, holdout: 800, compared: 800, pairs: 6400 },
    holdoutKind: 'test',
    seed: 1,
    thresholds: { correlation: 0.5, association: 0.3 },
    skipped: [{ column: 'order_id', reason: 'identifier' }],
    seconds: 2.1,
  };
}

export function privacyResult(over: Partial<PrivacyEvidence> = {}): PrivacyEvidence {
  const q = (p50: number) => ({ p5: p50 / 4, p25: p50 / 2, p50, p75: p50 * 1.5, p95: p50 * 2 });
  return {
    columns: ['region', 'amount'],
    sample: {
      synthetic: { used: 2000, of: 2000 },
      training: { used: 20000, of: 64000 },
      holdout: { used: 800, of: 800 },
    },
    exactCopies: { synthetic: { count: 4, rows: 2000, rate: 0.002 }, holdout: { count: 2, rows: 800, rate: 0.0025 } },
    dcr: {
      synthetic: q(0.04),
      holdout: q(0.036),
      chart: { edges: [0, 0.05, 0.1], synthetic: [0.75, 0.25], holdout: [0.8, 0.2] },
    },
    closerToTraining: { share: 0.58, rows: 2000, referenceRows: 800 },
    nndr: { synthetic: q(0.8), holdout: q(0.79) },
    replaced: {
      identifiers: [{ name: 'order_id', realValues: 8000, generatedValues: 2000, equalToReal: 0 }],
      rareMin: 5,
      rareValues: [{ name: 'store', values: 3, rows: 7 }],
    },
    filter: { threshold: 0.0103, basis: 'holdoutP5' },
    verdict: {
      level: 'caution',
      checks: [
        { id: 'exactCopies', level: 'good', value: 0.002, reference: 0.0025, good: 0.01, caution: 0.05 },
        { id: 'closerShare', level: 'caution', value: 0.58, reference: 0.5, good: 0.55, caution: 0.6 },
        { id: 'identifiers', level: 'good', value: 0, reference: null, good: 0, caution: null },
      ],
    },
    ...over,
  };
}
