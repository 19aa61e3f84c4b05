/** The subset form: which columns can define segments, the coverage accepted only between 0 and 100, the choice sent to the store. */
import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../../../shared/domain/data.js';
import { datasetInfo, segmentTable } from '../../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../../test/fake.js';
import { useSubsetStore } from '../../stores/subset.js';
import SubsetForm from './SubsetForm.vue';

function columns(): ColumnProfile[] {
  const [region, amount, member] = datasetInfo().columns;
  return [
    region,
    amount,
    member,
    { ...amount, index: 3, name: 'stores', type: 'integer', distinct: 30 },
    { ...amount, index: 4, name: 'units', type: 'integer', distinct: 31 },
    { ...region, index: 5, name: 'note', type: 'text' },
  ];
}

describe('SubsetForm', () => {
  it('offers categories, yes/no and whole numbers with at most 30 values', () => {
    fakeBackend();
    const w = mountWith(SubsetForm, { props: { columns: columns() } });
    const options = w.get('[data-testid="segment-column"]').findAll('option');
    expect(options.map((o) => o.text())).toEqual(['region (3)', 'member (2)', 'stores (30)']);
  });

  it('sends the chosen columns and applies a coverage between 0 and 100 only', async () => {
    const backend = fakeBackend({
      'subset.segments': (input) => ({ ...segmentTable(), columns: input.columns as number[] }),
    });
    const w = mountWith(SubsetForm, { props: { columns: columns() } });
    const subset = useSubsetStore();
    await w.get('[data-testid="segment-column"]').setValue(['0', '3']);
    await settle();
    expect(backend.inputsOf('subset.segments')).toEqual([{ columns: [0, 3] }]);
    expect(subset.keep).toEqual([0, 1]);
    const coverage = w.get('[data-testid="coverage-input"]');
    for (const bad of ['0', '101', '-5', '']) await coverage.setValue(bad);
    expect([subset.coverage, subset.keep]).toEqual([80, [0, 1]]);
    await coverage.setValue('40');
    expect([subset.coverage, subset.keep]).toEqual([40, [0]]);
  });

  it('cannot apply while the file is being read', async () => {
    fakeBackend();
    const w = mountWith(SubsetForm, { props: { columns: columns() } });
    useSubsetStore().reading = 'count';
    await w.vm.$nextTick();
    expect(w.get('[data-testid="apply-subset"]').attributes('disabled')).toBeDefined();
    expect(w.get('[data-testid="subset-all"]').attributes('disabled')).toBeDefined();
  });
});
