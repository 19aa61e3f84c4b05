/** The results: each layer's bounds as estimates, the model's log-likelihood once done, and the rows outside the subset. */
import { describe, expect, it } from 'vitest';
import { layerResult, summary } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import TrainResults from './TrainResults.vue';

describe('TrainResults', () => {
  it('lists the layers; the log-likelihood only with a summary', async () => {
    const w = mountWith(TrainResults, { props: { layers: [layerResult(0), layerResult(1)], summary: null } });
    const rows = w.findAll('[data-testid="layer-results"] tbody tr');
    expect(rows.map((r) => r.find('td').text())).toEqual(['Layer 1', 'Layer 2']);
    expect(rows[1].text()).toContain('-12.500 nats');
    expect(rows[1].text()).toContain('± 0.020');
    expect(rows[1].text()).toContain('1.5 s');
    expect(w.find('[data-testid="loglik"]').exists()).toBe(false);
    await w.setProps({ summary: summary() });
    expect(w.get('[data-testid="loglik"]').findAll('li')[1].text()).toBe('Validation rows: —');
    expect(w.find('[data-testid="outside-coverage"]').exists()).toBe(false);
  });

  it('gives the share of outside rows the model knows, rounded, and their log-likelihood when there is one', () => {
    const outside = { rows: 3, represented: 2, logLikelihood: null };
    const w = mountWith(TrainResults, { props: { layers: [layerResult(0)], summary: { ...summary(), outside } } });
    const text = w.get('[data-testid="outside-coverage"]').text();
    expect(text).toBe('3 rows lie outside the subset; 67 % of them hold only values this model knows.');
  });
});
