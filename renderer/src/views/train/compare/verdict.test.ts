/**
 * The verdict AERIes against stacked RBMs: the best of each kind on validation rows, among
 * models trained on the same rows and columns; "about as well" within two standard errors;
 * said plainly when the two cannot be compared (other rows, no validation rows); nothing when
 * the project lacks one of the two kinds.
 */
import { describe, expect, it } from 'vitest';
import { est, exact, lineage, modelOf } from './test-models.js';
import { familyOf, verdictOf } from '../../../../../shared/domain/compare-verdict.js';

describe('the verdict', () => {
  it('says which kind reaches more on validation rows, by how much', () => {
    const a = modelOf('Model 1', 'aeries', { valid: exact(-12.1) });
    const r = modelOf('Model 2', 'rbm', { valid: exact(-12.5) });
    const v = verdictOf([a, r], 'Model 1');
    expect(v).toMatchObject({ kind: 'aeries', aeries: 'Model 1', rbm: 'Model 2', several: false });
    expect(v && 'nats' in v ? v.nats : NaN).toBeCloseTo(0.4, 10);
    const reverse = verdictOf([modelOf('A', 'aeries', { valid: exact(-13) }), r], null);
    expect(reverse).toMatchObject({ kind: 'rbm', aeries: 'A', rbm: 'Model 2' });
    expect(reverse && 'nats' in reverse ? reverse.nats : NaN).toBeCloseTo(0.5, 10);
  });

  it('calls a difference within two standard errors no clear difference', () => {
    const a = modelOf('A', 'aeries', { valid: est(-12.1, 0.2) });
    const r = modelOf('R', 'rbm', { valid: est(-12.3, 0.1) });
    expect(verdictOf([a, r], null)).toMatchObject({ kind: 'close' });
    const far = modelOf('R', 'rbm', { valid: est(-13, 0.1) });
    expect(verdictOf([a, far], null)).toMatchObject({ kind: 'aeries' });
  });

  it('compares the best of each kind, not the first', () => {
    const models = [
      modelOf('A1', 'aeries', { valid: exact(-14) }),
      modelOf('R1', 'rbm', { valid: exact(-12.2) }),
      modelOf('A2', 'aeries', { valid: exact(-12) }),
    ];
    expect(verdictOf(models, null)).toMatchObject({ kind: 'aeries', aeries: 'A2', rbm: 'R1', several: true });
  });

  it('refuses to compare models trained on other rows, and says why', () => {
    const a = modelOf('A', 'aeries', { valid: exact(-12) });
    const r = modelOf('R', 'rbm', { valid: exact(-13) }, { lineage: lineage(2) });
    expect(verdictOf([a, r], null)).toMatchObject({ kind: 'differentData', aeries: 'A', rbm: 'R' });
    // A model whose rows are unknown (opened from an old file) is not claimed to match.
    expect(verdictOf([a, { ...r, lineage: null }], null)).toMatchObject({ kind: 'differentData' });
  });

  it('pairs the models trained on the rows of the model in use', () => {
    const other = lineage(2);
    const models = [
      modelOf('A1', 'aeries', { valid: exact(-12) }),
      modelOf('R1', 'rbm', { valid: exact(-13) }),
      modelOf('A2', 'aeries', { valid: exact(-15) }, { lineage: other }),
      modelOf('R2', 'rbm', { valid: exact(-14) }, { lineage: other }),
    ];
    expect(verdictOf(models, 'A1')).toMatchObject({ kind: 'aeries', aeries: 'A1', rbm: 'R1' });
    expect(verdictOf(models, 'R2')).toMatchObject({ kind: 'rbm', aeries: 'A2', rbm: 'R2' });
  });

  it('says which model has no validation rows', () => {
    const a = modelOf('A', 'aeries', { valid: exact(-12) });
    const r = modelOf('R', 'rbm', { valid: null });
    expect(verdictOf([a, r], null)).toMatchObject({ kind: 'noValid', missing: 'R' });
  });

  it('has nothing to say without both kinds; mixed models are neither', () => {
    const a = modelOf('A', 'aeries');
    const mixed = modelOf('M', 'rbm');
    mixed.config.layers[0].method = 'aeries';
    expect(familyOf(mixed)).toBeNull();
    expect(familyOf(modelOf('B', 'blm-exact'))).toBeNull();
    expect(verdictOf([a], 'A')).toBeNull();
    expect(verdictOf([a, mixed], 'A')).toBeNull();
    expect(verdictOf([], null)).toBeNull();
  });
});
