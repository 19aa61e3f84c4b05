/**
 * The results: each layer's bounds as estimates, the model's log-likelihood once done, the
 * rows outside the subset, fine-tuning's before and after, and an explanation of each figure.
 */
import { describe, expect, it } from 'vitest';
import { layerResult, summary } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import TrainResults from './TrainResults.vue';

describe('TrainResults', () => {
  it('lists the layers; the log-likelihood only with a summary', async () => {
    const w = mountWith(TrainResults, { props: { layers: [layerResult(0), layerResult(1)], summary: null } });
    const rows = w.findAll('[data-testid="layer-results"] tbody tr');
    expect(rows.map((r) => r.find('th').text())).toEqual(['Layer 1', 'Layer 2']);
    expect(rows[1].text()).toContain('-12.500 nats');
    expect(rows[1].text()).toContain('± 0.020');
    expect(rows[1].text()).toContain('1.5 s');
    expect(w.find('[data-testid="loglik"]').exists()).toBe(false);
    await w.setProps({ summary: summary() });
    // Only the figures a run has (no validation or test rows here).
    expect(w.get('[data-testid="loglik"]').findAll('li')).toHaveLength(1);
    expect(w.get('[data-testid="loglik"]').text()).toContain('Training rows: -12.900 nats');
    expect(w.find('[data-testid="outside-coverage"]').exists()).toBe(false);
  });

  it('gives the share of outside rows the model knows, rounded, and their log-likelihood when there is one', () => {
    const outside = { rows: 3, represented: 2, logLikelihood: null };
    const w = mountWith(TrainResults, { props: { layers: [layerResult(0)], summary: { ...summary(), outside } } });
    const text = w.get('[data-testid="outside-coverage"]').text();
    expect(text).toBe('3 rows lie outside the subset; 67 % of them hold only values this model knows.');
  });

  it('puts fine-tuning first, with the log-likelihood before and after', () => {
    const fineTune = { before: { value: -13, exact: true, se: null }, after: { value: -12.4, exact: true, se: null } };
    const w = mountWith(TrainResults, { props: { layers: [layerResult(0)], summary: { ...summary(), fineTune } } });
    expect(w.get('[data-testid="finetune-result"]').text()).toBe(
      'Fine-tuning took the log-likelihood on training rows from -13.000 nats (-18.76 bits) exact to -12.400 nats (-17.89 bits) exact.',
    );
  });

  it('explains each figure behind a "?" that shows its text', async () => {
    const w = mountWith(TrainResults, { props: { layers: [layerResult(0)], summary: summary() } });
    const tip = w.get('button[aria-controls="result-help-bound-valid"]');
    expect(tip.attributes('aria-label')).toBe('What is “BLM bound (validation)”?');
    expect(tip.attributes('aria-expanded')).toBe('false');
    expect(w.get('#result-help-bound-valid').attributes('hidden')).toBeDefined();
    await tip.trigger('click');
    expect(tip.attributes('aria-expanded')).toBe('true');
    expect(w.get('#result-help-bound-valid').attributes('hidden')).toBeUndefined();
    expect(w.get('#result-help-bound-valid').text()).toContain('validation rows the layer never trained on');
    expect(w.text()).toContain('nats per row');
    expect(w.text()).toContain('“exact”');
  });

  it('says in words how much less likely unseen rows and rows outside the subset are', () => {
    const ll = { value: -10, exact: true, se: null };
    const s = { ...summary(), logLikelihood: { train: ll, valid: null, test: { ...ll, value: -10.7 } } };
    const outside = { rows: 5, represented: 5, logLikelihood: { ...ll, value: -10.75 } };
    const w = mountWith(TrainResults, { props: { layers: [layerResult(0)], summary: { ...s, outside } } });
    const lines = w.findAll('[data-testid="loglik-words"] p').map((p) => p.text());
    expect(lines[0]).toContain('rows it never saw (test rows) 2.0 times less likely than the rows it trained on');
    expect(lines[1]).toContain('about as likely as rows of the subset the model never saw');
    expect(lines).toHaveLength(2); // exact figures: no word on estimates
  });
});
