/** The Samples screen: the requested count and seed are sent; generated and real rows are shown side by side. */
import { describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/index.js';
import { useProjectStore } from '../stores/project.js';
import { projectModel, projectState, rows } from '../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../test/fake.js';
import SamplesView from './SamplesView.vue';

describe('SamplesView', () => {
  it('generates the default 50 rows and shows both tables', async () => {
    const header = ['region', 'amount'];
    const backend = fakeBackend({
      'samples.generate': (input) => ({
        generated: rows(header, Number(input.rows), 'gen'),
        real: rows(header, 5, 'real'),
        notes: { omitted: [], stale: null, grouped: null },
      }),
    });
    const w = mountWith(SamplesView);
    expect((w.get('[data-testid="sample-count"]').element as HTMLInputElement).value).toBe('50');
    await w.get('[data-testid="generate-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('samples.generate')).toEqual([{ rows: 50, seed: 1, where: [] }]);
    const generated = w.get('[data-testid="generated-table"]');
    expect(generated.findAll('tbody tr')).toHaveLength(50);
    expect(generated.findAll('thead th').map((h) => h.text())).toEqual(['#', 'region', 'amount']);
    await w.get('[data-testid="rows-tab-real"]').trigger('click');
    expect(w.get('[data-testid="real-table"]').findAll('tbody tr')).toHaveLength(5);
    expect(w.get('[data-testid="real-table"]').text()).toContain('real-amount-4');

    await w.get('[data-testid="sample-count"]').setValue('7');
    await w.get('[data-testid="sample-seed"]').setValue('42');
    await w.get('[data-testid="generate-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('samples.generate')[1]).toEqual({ rows: 7, seed: 42, where: [] });
    expect(w.get('[data-testid="generated-table"]').findAll('tbody tr')).toHaveLength(7);
    expect(w.find('[data-testid="generation-notes"]').exists()).toBe(false);
  });

  it('says the rows are generated as the out-of-date model was trained, without the column left out, and what “(other)” stands for', async () => {
    fakeBackend({
      'samples.generate': () => ({
        generated: rows(['region'], 3, 'gen'),
        real: rows(['region'], 3, 'real'),
        notes: {
          omitted: ['customer_age'],
          stale: {
            changes: [
              { what: 'columns', columns: [{ name: 'customer_age', change: 'leftOut', was: 'integer', now: null }] },
              { what: 'subset', wasRows: 8000, nowRows: 1200 },
            ],
          },
          grouped: {
            below: 5,
            columns: [
              { name: 'neighborhood', values: 1033 },
              { name: 'store', values: 1 },
            ],
          },
        },
      }),
    });
    const w = mountWith(SamplesView);
    useProjectStore().overview = projectState({ models: [projectModel('m1')], selected: 'm1' });
    await w.get('[data-testid="generate-samples"]').trigger('click');
    await settle();
    const notes = w.get('[data-testid="generation-notes"]').text();
    expect(notes).toContain(
      'Generated as Model 1 was trained: before you left out customer_age and changed the subset (8,000 rows → 1,200 rows).',
    );
    expect(notes).toContain('Left out of these rows, as you chose: customer_age.');
    expect(w.get('[data-testid="grouped-values"]').text()).toBe(
      '“(other)” stands for the values seen fewer than 5 times in the training rows, grouped so that none can single out a real record: neighborhood (1,033 values), store (1 value).',
    );
    await w.get('[data-testid="sample-count"]').setValue('3');
    setLocale('ja', false);
    await settle();
    expect(w.get('[data-testid="generation-notes"]').text()).toContain('customer_age の除外');
    expect(w.get('[data-testid="grouped-values"]').text()).toContain(
      '学習行に 5 回未満しか現れなかった値をまとめたものです (実在の記録を特定できないようにするため): neighborhood (1,033 種類の値)、store (1 種類の値)。',
    );
  });
});
