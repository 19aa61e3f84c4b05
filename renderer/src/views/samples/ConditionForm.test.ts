/** The condition form: the columns the model can fix are offered with their values; the conditions go with "Generate" and the export; what the model said is shown. */
import { describe, expect, it } from 'vitest';
import { useSamplesStore } from '../../stores/samples.js';
import { rows } from '../../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../../test/fake.js';
import SamplesView from '../SamplesView.vue';

describe('ConditionForm', () => {
  it('generates only rows where region = South, and says how likely the model finds them', async () => {
    const backend = fakeBackend({
      'samples.columns': () => [
        { column: 'region', values: ['North', 'South'] },
        { column: 'member', values: ['no', 'yes'] },
      ],
      'samples.generate': (input) => {
        const where = input.where as { column: string; value: string }[];
        const table = rows(['region', 'amount'], Number(input.rows), 'gen');
        const value = where[0]?.value;
        if (value) table.rows = table.rows.map((r) => [value, r[1]]);
        return {
          generated: table,
          real: rows(['region', 'amount'], 2, 'real'),
          notes: { omitted: [], stale: null, grouped: null },
          condition: where.length ? { probability: 0.25, ess: 812.4, candidates: 4096 } : null,
        };
      },
    });
    const w = mountWith(SamplesView);
    await settle();
    expect(w.findAll('[data-testid="condition"]')).toHaveLength(0);
    await w.get('[data-testid="condition-add"]').trigger('click');
    const column = w.get('[data-testid="condition-column"]');
    expect(column.findAll('option').map((o) => o.text())).toEqual(['region', 'member']);
    await w.get('[data-testid="condition-value"]').setValue('South');
    await w.get('[data-testid="generate-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('samples.generate')).toEqual([
      { rows: 50, seed: 1, where: [{ column: 'region', value: 'South' }] },
    ]);
    const cells = w.findAll('[data-testid="generated-table"] tbody tr').map((tr) => tr.findAll('td')[1].text());
    expect(new Set(cells)).toEqual(new Set(['South']));
    expect(w.get('[data-testid="condition-report"]').text()).toBe(
      'Only rows where region = South. The model gives them a probability of about 1 in 4 rows (effective sample 812).',
    );
    // A second condition takes the column not used yet; removing both generates freely again.
    await w.get('[data-testid="condition-add"]').trigger('click');
    expect(useSamplesStore().where).toEqual([
      { column: 'region', value: 'South' },
      { column: 'member', value: 'no' },
    ]);
    expect(w.get('[data-testid="condition-add"]').attributes('disabled')).toBeDefined();
    await w.findAll('[data-testid="condition-remove"]')[1].trigger('click');
    await w.findAll('[data-testid="condition-remove"]')[0].trigger('click');
    await w.get('[data-testid="generate-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('samples.generate')[1]).toMatchObject({ where: [] });
    expect(w.find('[data-testid="condition-report"]').exists()).toBe(false);
  });

  it('says so when the model has no column to fix', async () => {
    fakeBackend({ 'samples.columns': () => [] });
    const w = mountWith(SamplesView);
    await settle();
    expect(w.get('[data-testid="condition-form"]').text()).toContain('This model has no column of categories to fix.');
    expect(w.find('[data-testid="condition-add"]').exists()).toBe(false);
  });
});
