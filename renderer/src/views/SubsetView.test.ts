/** The Subset screen: segment columns, coverage ticks, the spec sent on Apply, "all rows" in one click. */
import { describe, expect, it } from 'vitest';
import type { SubsetSpec } from '../../../shared/domain/data.js';
import { datasetInfo, segmentTable, subsetInfo } from '../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../test/fake.js';
import { useDataStore } from '../stores/data.js';
import { coverageIndices } from '../stores/subset.js';
import SubsetView from './SubsetView.vue';

const checked = (w: ReturnType<typeof mountWith>, i: number) => (w.get(`[data-testid="segment-keep-${i}"]`).element as HTMLInputElement).checked;

async function mountSubset() {
  const backend = fakeBackend({ 'subset.segments': () => segmentTable(), 'subset.apply': (input) => subsetInfo(input.spec as SubsetSpec) });
  const w = mountWith(SubsetView);
  useDataStore().info = datasetInfo();
  await settle();
  return { backend, w };
}

describe('coverageIndices', () => {
  it('keeps the most frequent segments until the target is reached', () => {
    expect(coverageIndices(segmentTable(), 0.8)).toEqual([0, 1]);
    expect(coverageIndices(segmentTable(), 0.5)).toEqual([0]);
    expect(coverageIndices(segmentTable(), 0.81)).toEqual([0, 1, 2]);
    expect(coverageIndices(segmentTable(), 0.01)).toEqual([0]);
  });
});

describe('SubsetView', () => {
  it('offers categorical and boolean columns, not numeric ones', async () => {
    const { w } = await mountSubset();
    const options = w.get('[data-testid="segment-column"]').findAll('option').map((o) => o.text());
    expect(options).toEqual(['region (3)', 'member (2)']);
  });

  it('loads the frequency table, ticks segments by coverage, and sends the spec', async () => {
    const { backend, w } = await mountSubset();
    await w.get('[data-testid="segment-column"]').setValue(['0']);
    await settle();
    expect(backend.inputsOf('subset.segments')).toEqual([{ columns: [0] }]);
    expect(w.get('[data-testid="segment-table"]').findAll('tbody tr')).toHaveLength(3);
    expect([checked(w, 0), checked(w, 1), checked(w, 2)]).toEqual([true, true, false]);

    await w.get('[data-testid="coverage-input"]').setValue('50');
    expect([checked(w, 0), checked(w, 1), checked(w, 2)]).toEqual([true, false, false]);
    await w.get('[data-testid="segment-keep-2"]').setValue(true);
    expect([checked(w, 0), checked(w, 1), checked(w, 2)]).toEqual([true, false, true]);

    await w.get('[data-testid="sample-rows-input"]').setValue('40');
    await w.get('[data-testid="stratified-checkbox"]').setValue(false);
    await w.get('[data-testid="apply-subset"]').trigger('click');
    await settle();
    const [{ spec }] = backend.inputsOf('subset.apply') as { spec: SubsetSpec }[];
    expect(spec.segments).toEqual({ columns: [0], keep: [['East'], ['North']] });
    expect(spec.sample).toEqual({ rows: 40, stratified: false });
    expect(spec.split.train + spec.split.valid + spec.split.test).toBeCloseTo(1, 12);
    const summary = w.get('[data-testid="subset-summary"]').text();
    expect(summary).toContain('80 rows kept, 20 outside');
    expect(summary).toContain('Train 64 · validation 8 · test 8');
    expect(summary).toContain('member');
  });

  it('uses all rows in one click', async () => {
    const { backend, w } = await mountSubset();
    await w.get('[data-testid="segment-column"]').setValue(['0']);
    await settle();
    await w.get('[data-testid="subset-all"]').trigger('click');
    await settle();
    const [{ spec }] = backend.inputsOf('subset.apply') as { spec: SubsetSpec }[];
    expect(spec.segments).toBeNull();
    expect(spec.sample).toBeNull();
    expect(w.find('[data-testid="subset-summary"]').exists()).toBe(true);
  });
});
