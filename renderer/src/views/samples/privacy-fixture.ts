/** A privacy evidence for the component tests (figures chosen to read easily, not computed). */
import type { PrivacyEvidence } from '../../../../shared/domain/privacy.js';

export function evidenceFixture(over: Partial<PrivacyEvidence> = {}): PrivacyEvidence {
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
