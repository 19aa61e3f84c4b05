/** The Data screen: open the sample, see format, problems, preview and columns, override a column's type. */
import { describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../../shared/domain/data.js';
import { datasetInfo } from '../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../test/fake.js';
import DataView from './DataView.vue';

describe('DataView', () => {
  it('imports the sample and shows columns, preview and translated problems', async () => {
    const backend = fakeBackend({ 'data.import': () => datasetInfo() });
    const w = mountWith(DataView);
    expect(w.find('[data-testid="preview-table"]').exists()).toBe(false);
    await w.get('[data-testid="try-sample"]').trigger('click');
    await settle();
    expect(backend.inputsOf('data.import')).toEqual([{ source: { kind: 'sample' }, newProject: true }]);
    expect(w.get('[data-testid="preview-table"]').text()).toContain('12.50');
    expect((w.get('[data-testid="column-type-1"]').element as HTMLSelectElement).value).toBe('numeric');
    expect(w.get('[data-testid="column-type-1"]').findAll('option')).toHaveLength(8);
    expect((w.get('[data-testid="column-include-2"]').element as HTMLInputElement).checked).toBe(true);
    const problems = w.get('[data-testid="problems"]').text();
    expect(problems).toContain('2 rows had more than 3 fields');
    expect(problems).toContain('row 7');
    expect(problems).toContain('East,1,yes,extra');
    expect((w.get('[data-testid="opt-delimiter"]').element as HTMLSelectElement).value).toBe(',');
  });

  it('sends a type override and shows the updated column', async () => {
    const backend = fakeBackend({
      'data.import': () => datasetInfo(),
      'data.updateColumns': (input) => {
        const info: DatasetInfo = datasetInfo();
        const [o] = input.columns as { index: number; type?: 'categorical' }[];
        info.columns[o.index].type = o.type ?? info.columns[o.index].type;
        return info;
      },
    });
    const w = mountWith(DataView);
    await w.get('[data-testid="try-sample"]').trigger('click');
    await settle();
    await w.get('[data-testid="column-type-1"]').setValue('categorical');
    await settle();
    expect(backend.inputsOf('data.updateColumns')).toEqual([{ columns: [{ index: 1, type: 'categorical' }] }]);
    expect((w.get('[data-testid="column-type-1"]').element as HTMLSelectElement).value).toBe('categorical');
  });

  it('sends the excluded flag and re-imports with the chosen options', async () => {
    const backend = fakeBackend({ 'data.import': () => datasetInfo(), 'data.updateColumns': () => datasetInfo() });
    const w = mountWith(DataView);
    await w.get('[data-testid="open-csv"]').trigger('click');
    await settle();
    expect(backend.inputsOf('data.import')[0]).toEqual({ source: { kind: 'file', fileId: 'f1' }, newProject: true });
    await w.get('[data-testid="column-include-0"]').setValue(false);
    await settle();
    expect(backend.inputsOf('data.updateColumns')).toEqual([{ columns: [{ index: 0, include: false }] }]);
    await w.get('[data-testid="opt-delimiter"]').setValue(';');
    await w.get('[data-testid="opt-ragged"]').setValue('skip');
    await w.get('[data-testid="reimport"]').trigger('click');
    await settle();
    const again = backend.inputsOf('data.import')[1] as { options: Record<string, unknown> };
    expect(again.options).toMatchObject({ delimiter: ';', raggedRows: 'skip', encoding: 'utf-8', header: true });
  });

  it('edits the missing-value tokens and the quote character, and sends them on re-import', async () => {
    const backend = fakeBackend({ 'data.import': () => datasetInfo() });
    const w = mountWith(DataView);
    await w.get('[data-testid="open-csv"]').trigger('click');
    await settle();
    const chips = () =>
      w
        .get('[data-testid="missing-tokens"]')
        .findAll('.chip')
        .map((c) => c.text().replace('×', '').trim());
    expect(chips()).toEqual(['(empty cell)', 'NA']);
    await w.get('[data-testid="missing-token-input"]').setValue(' 不明 ');
    await w.get('[data-testid="missing-token-input"]').trigger('keyup.enter');
    await w.get('[data-testid="missing-token-input"]').setValue('NA');
    await w.get('[data-testid="add-missing-token"]').trigger('click');
    expect(chips()).toEqual(['(empty cell)', 'NA', '不明']);
    await w.get('[aria-label="Stop treating NA as missing"]').trigger('click');
    expect(chips()).toEqual(['(empty cell)', '不明']);
    await w.get('[data-testid="opt-quote"]').setValue("'");
    await w.get('[data-testid="reimport"]').trigger('click');
    await settle();
    const again = backend.inputsOf('data.import')[1] as { options: Record<string, unknown> };
    expect(again.options).toMatchObject({ missingTokens: ['', '不明'], quote: "'" });
  });
});
