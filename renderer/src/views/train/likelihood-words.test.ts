/** The log-likelihood in words: ratios of probabilities per row, "about as likely" within 1.2, estimates flagged. */
import { describe, expect, it } from 'vitest';
import type { TrainSummary } from '../../../../shared/domain/model.js';
import { summary } from '../../test/fixtures.js';
import { likelihoodWords, ratioText } from './likelihood-words.js';

const exact = (value: number) => ({ value, exact: true, se: null });

function withLl(ll: Partial<TrainSummary['logLikelihood']>, outside: number | null = null): TrainSummary {
  const s = summary();
  return {
    ...s,
    logLikelihood: { ...s.logLikelihood, train: exact(-10), ...ll },
    outside: outside === null ? null : { rows: 10, represented: 10, logLikelihood: exact(outside) },
  };
}

describe('likelihoodWords', () => {
  it('gives e^(train − test) as how many times less likely the unseen rows are', () => {
    const w = likelihoodWords(withLl({ valid: exact(-10.5), test: exact(-11) }));
    expect(w.unseen?.rows).toBe('test'); // test rows first, when there are any
    expect(w.unseen?.kind).toBe('less');
    expect(w.unseen?.ratio).toBeCloseTo(Math.E, 12);
    expect(w.unseen?.estimated).toBe(false);
    expect(w.outside).toBeNull();
  });

  it('says "about as likely" below a ratio of 1.2, also when the held-out rows score higher', () => {
    expect(likelihoodWords(withLl({ valid: exact(-10.1) })).unseen).toMatchObject({ rows: 'valid', kind: 'same' });
    expect(likelihoodWords(withLl({ valid: exact(-9.5) })).unseen?.kind).toBe('same');
    expect(likelihoodWords(withLl({ valid: exact(-10.2) })).unseen?.kind).toBe('less'); // e^0.2 = 1.22
  });

  it('compares rows outside the subset with the held-out rows, or with training rows without any', () => {
    expect(likelihoodWords(withLl({ test: exact(-11) }, -13)).outside?.ratio).toBeCloseTo(Math.exp(2), 12);
    expect(likelihoodWords(withLl({}, -13)).outside?.ratio).toBeCloseTo(Math.exp(3), 12);
  });

  it('flags a comparison of estimates', () => {
    const w = likelihoodWords(withLl({ test: { value: -11, exact: false, se: 0.1 } }));
    expect(w.unseen?.estimated).toBe(true);
  });

  it('words ratios with two significant figures', () => {
    expect(ratioText(1.648, 'en')).toBe('1.6');
    expect(ratioText(12.2, 'en')).toBe('12');
    expect(ratioText(3412, 'en')).toBe('3,400');
    expect(ratioText(Infinity, 'en')).toBe('∞');
  });
});
