/** The Samples screen: the requested count and seed are sent; generated and real rows are shown side by side. */
import { describe, expect, it } from 'vitest';
import { rows } from '../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../test/fake.js';
import SamplesView from './SamplesView.vue';

describe('SamplesView', () => {
  it('generates the default 50 rows and shows both tables', async () => {
    const header = ['region', 'amount'];
    const backend = fakeBackend({
      'samples.generate': (input) => ({
        generated: rows(header, Number(input.rows), 'gen'),
        real: rows(header, 5, 'real'),
      }),
    });
    const w = mountWith(SamplesView);
    expect((w.get('[data-testid="sample-count"]').element as HTMLInputElement).value).toBe('50');
    await w.get('[data-testid="generate-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('samples.generate')).toEqual([{ rows: 50, seed: 1 }]);
    const generated = w.get('[data-testid="generated-table"]');
    expect(generated.findAll('tbody tr')).toHaveLength(50);
    expect(generated.findAll('thead th').map((h) => h.text())).toEqual(['#', 'region', 'amount']);
    expect(w.get('[data-testid="real-table"]').findAll('tbody tr')).toHaveLength(5);
    expect(w.get('[data-testid="real-table"]').text()).toContain('real-amount-4');

    await w.get('[data-testid="sample-count"]').setValue('7');
    await w.get('[data-testid="sample-seed"]').setValue('42');
    await w.get('[data-testid="generate-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('samples.generate')[1]).toEqual({ rows: 7, seed: 42 });
    expect(w.get('[data-testid="generated-table"]').findAll('tbody tr')).toHaveLength(7);
  });
});
