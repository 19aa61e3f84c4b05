/** What a run will do, said before it starts: rows trained on and held back, the model, about how long. */
import { describe, expect, it } from 'vitest';
import { trainConfig } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import { roundEstimate } from './estimate.js';
import RunSetup from './RunSetup.vue';

const mountSetup = (rows: { train: number; valid: number; test: number }, extra: Record<string, unknown> = {}) =>
  mountWith(RunSetup, {
    props: { config: trainConfig(), bits: 40, rows, estimate: null, estimating: false, ...extra },
  });

describe('RunSetup', () => {
  it("states the subset's held-back rows, and warns when that is a large share of a small table", () => {
    const w = mountSetup({ train: 120, valid: 15, test: 15 });
    expect(w.get('[data-testid="rows-held-back"]').text()).toBe(
      'Training on 120 rows; 15 for validation and 15 for test are held back to check the model. That is a large share of a small table: once you are happy with the model, refit it on every row.',
    );
    const big = mountSetup({ train: 6400, valid: 800, test: 800 });
    expect(big.get('[data-testid="rows-held-back"]').text()).not.toContain('small table');
  });

  it('counts the validation share the engine takes from the training rows when the subset has none', () => {
    const w = mountSetup({ train: 1000, valid: 0, test: 0 });
    expect(w.get('[data-testid="rows-held-back"]').text()).toBe(
      'Training on 900 rows; 100 for validation and 0 for test are held back to check the model.',
    );
    const none = mountSetup(
      { train: 1000, valid: 0, test: 0 },
      { config: { ...trainConfig(), validationFraction: 0 } },
    );
    expect(none.get('[data-testid="rows-held-back"]').text()).toBe(
      'Training on all 1,000 rows: none are held back, so every figure is on training rows only.',
    );
  });

  it('names the model and gives the estimate rounded as an estimate is said', async () => {
    const w = mountSetup({ train: 900, valid: 100, test: 100 }, { estimating: true });
    expect(w.text()).toContain('16 → 8 units, AERIes (rich inference), 10 epochs per layer (40 bits per row');
    expect(w.get('[data-testid="time-estimate"]').text()).toBe('Estimating how long it takes…');
    await w.setProps({ estimate: 12, estimating: false });
    expect(w.get('[data-testid="time-estimate"]').text()).toBe('Takes about 15 s on this computer.');
    await w.setProps({ estimate: 119 });
    expect(w.get('[data-testid="time-estimate"]').text()).toBe('Takes about 2 min on this computer.');
    expect([roundEstimate(1), roundEstimate(61), roundEstimate(125), roundEstimate(1000)]).toEqual([5, 60, 130, 1020]);
  });
});
