/** The Subset screen: segment columns, coverage ticks, the spec sent on Apply, "all rows" in one click, and the passes over a file larger than memory. */
import { describe, expect, it } from 'vitest';
import type { SubsetSpec } from '../../../shared/domain/data.js';
import { datasetInfo, segmentTable, subsetInfo } from '../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../test/fake.js';
import { AppError } from '../../../shared/domain/errors.js';
import { wireEvents } from '../events.js';
import { useAppStore } from '../stores/app.js';
import { useDataStore } from '../stores/data.js';
import { coverageIndices } from '../stores/subset.js';
import SubsetView from './SubsetView.vue';

const checked = (w: ReturnType<typeof mountWith>, i: number) =>
  (w.get(`[data-testid="segment-keep-${i}"]`).element as HTMLInputElement).checked;

async function mountSubset() {
  const backend = fakeBackend({
    'subset.segments': () => segmentTable(),
    'subset.apply': (input) => subsetInfo(input.spec as SubsetSpec),
  });
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
    const options = w
      .get('[data-testid="segment-column"]')
      .findAll('option')
      .map((o) => o.text());
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

/** A reply the test releases when it wants. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('SubsetView with a file larger than memory', () => {
  async function mountLarge() {
    const pending: ReturnType<typeof deferred<unknown>>[] = [];
    const backend = fakeBackend({
      'subset.segments': () => {
        const d = deferred<unknown>();
        pending.push(d);
        return d.promise;
      },
      'data.cancelImport': () => ({ cancelled: true }),
    });
    const w = mountWith(SubsetView);
    wireEvents(backend.client);
    useDataStore().info = { ...datasetInfo(), rows: 100, fileRows: 1_000_000, sampledOnImport: true };
    await settle();
    return { backend, w, pending };
  }

  it('shows the count over the whole file with progress and cancel, then says the table covers the whole file', async () => {
    const { backend, w, pending } = await mountLarge();
    await w.get('[data-testid="segment-column"]').setValue(['0']);
    await settle();
    backend.emit({ type: 'import.progress', phase: 'count', bytesRead: 50, totalBytes: 200, rows: 1000 });
    await settle();
    const progress = w.get('[data-testid="subset-progress"]');
    expect(progress.text()).toContain('Counting the segments over the whole file');
    expect(progress.text()).toContain('25 %');
    expect((w.get('[data-testid="apply-subset"]').element as HTMLButtonElement).disabled).toBe(true);
    await w.get('[data-testid="cancel-subset"]').trigger('click');
    await settle();
    expect(backend.inputsOf('data.cancelImport')).toHaveLength(1);
    pending[0].reject(new AppError('cancelled'));
    await settle();
    expect(w.find('[data-testid="subset-progress"]').exists()).toBe(false);
    expect(useAppStore().error).toContain('Cancelled');

    useAppStore().dismiss();
    await w.get('[data-testid="segment-column"]').setValue(['2']);
    await settle();
    pending[1].resolve({ ...segmentTable(), columns: [2], total: 1_000_000, wholeFile: true });
    await settle();
    expect(w.get('[data-testid="segments-whole-file"]').text()).toContain('all 1,000,000 rows of the file');
    expect(w.find('[data-testid="subset-progress"]').exists()).toBe(false);
  });

  it('drops the count a newer choice of columns replaced, without an error', async () => {
    const { w, pending } = await mountLarge();
    await w.get('[data-testid="segment-column"]').setValue(['0']);
    await settle();
    await w.get('[data-testid="segment-column"]').setValue(['2']);
    await settle();
    pending[0].reject(new AppError('cancelled'));
    await settle();
    expect(useAppStore().error).toBeNull();
    expect(w.find('[data-testid="subset-progress"]').exists()).toBe(true);
    pending[1].resolve({ ...segmentTable(), columns: [2], wholeFile: true });
    await settle();
    expect(w.find('[data-testid="segment-table"]').exists()).toBe(true);
  });

  it('says how the subset was drawn from the whole file', async () => {
    const { backend, w, pending } = await mountLarge();
    backend.handlers['subset.apply'] = (input) => ({
      ...subsetInfo(input.spec as SubsetSpec),
      fromFile: { fileRows: 1_000_000, matchingRows: 600_000, stratified: true },
    });
    await w.get('[data-testid="segment-column"]').setValue(['0']);
    await settle();
    pending[0].resolve({ ...segmentTable(), wholeFile: true });
    await settle();
    await w.get('[data-testid="apply-subset"]').trigger('click');
    await settle();
    expect(w.get('[data-testid="subset-from-file"]').text()).toBe(
      'Drawn from the whole file, stratified by segment: 80 of the 600,000 rows in the chosen segments (1,000,000 rows in the file). Representativeness and the rows outside are measured on the random sample kept at import.',
    );
  });
});
