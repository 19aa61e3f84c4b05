/** The subset's result: rows kept and outside, the split, representativeness (in words for every row), and how it was drawn when it came from the whole file. */
import { describe, expect, it } from 'vitest';
import type { SubsetSpec } from '../../../../shared/domain/data.js';
import { subsetInfo } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import SubsetSummary from './SubsetSummary.vue';

const spec: SubsetSpec = { segments: null, sample: null, seed: 1, split: { train: 0.8, valid: 0.1, test: 0.1 } };

describe('SubsetSummary', () => {
  it('gives the rows kept and the split, and no draw note for a subset of the rows in memory', () => {
    const w = mountWith(SubsetSummary, { props: { info: subsetInfo(spec) } });
    expect(w.text()).toContain('80 rows kept, 20 outside');
    expect(w.text()).toContain('Train 64 · validation 8 · test 8');
    expect(w.text()).toContain('member: 0.210 (differs)');
    expect(w.find('[data-testid="subset-from-file"]').exists()).toBe(false);
  });

  it('says in words that a subset of every row represents the data exactly, with no chart of zeros', () => {
    const info = { ...subsetInfo(spec), rows: 100, outside: 0 };
    const w = mountWith(SubsetSummary, { props: { info } });
    expect(w.get('[data-testid="subset-every-row"]').text()).toBe(
      'The subset is every row, so it represents the data exactly: there are no other rows to compare it with.',
    );
    expect(w.text()).not.toContain('How representative the subset is');
  });

  it('keeps the chart for every row of a file larger than memory (a sample of it was kept at import)', () => {
    const info = { ...subsetInfo(spec), rows: 100, outside: 0 };
    const w = mountWith(SubsetSummary, { props: { info, sampled: true } });
    expect(w.find('[data-testid="subset-every-row"]').exists()).toBe(false);
    expect(w.text()).toContain('How representative the subset is');
  });

  it('says whether the draw from the whole file was random or stratified', async () => {
    const fromFile = { fileRows: 1_000_000, matchingRows: 600_000, stratified: false };
    const w = mountWith(SubsetSummary, { props: { info: { ...subsetInfo(spec), fromFile } } });
    expect(w.get('[data-testid="subset-from-file"]').text()).toMatch(
      /^Drawn at random from the whole file: 80 of the 600,000 rows in the chosen segments \(1,000,000 rows in the file\)\./,
    );
    await w.setProps({ info: { ...subsetInfo(spec), fromFile: { ...fromFile, stratified: true } } });
    expect(w.get('[data-testid="subset-from-file"]').text()).toMatch(
      /^Drawn from the whole file, stratified by segment/,
    );
  });
});
