/**
 * The Export step's CSV options: the character set follows the UI language (UTF-8 with BOM in
 * English, CP932 in Japanese) until the user picks one; the delimiter and the formula guard are
 * sent; turning the guard off is warned about; a CP932 refusal is answered by saving as UTF-8 with BOM.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/domain/errors.js';
import { setLocale } from '../../i18n/index.js';
import { useSamplesStore } from '../../stores/samples.js';
import { fakeBackend, mountWith, settle } from '../../test/fake.js';
import ExportView from '../ExportView.vue';

const saved = {
  saved: true,
  fileName: 'rows.csv',
  path: '/tmp/rows.csv',
  downloadUrl: null,
  notes: { omitted: [], stale: null, grouped: null },
};

describe('CsvOptions', () => {
  it('defaults to UTF-8 with BOM in English and CP932 in Japanese, and sends the chosen delimiter and guard', async () => {
    const backend = fakeBackend({ 'export.samples': () => saved });
    const w = mountWith(ExportView);
    const encoding = w.get('[data-testid="csv-encoding"]').element as HTMLSelectElement;
    expect(encoding.value).toBe('utf8-bom');
    setLocale('ja', false);
    await settle();
    expect(encoding.value).toBe('cp932');
    expect(w.get('[data-testid="csv-options"]').text()).toContain('表計算ソフトの数式から保護する');
    setLocale('en', false);
    await settle();
    await w.get('[data-testid="csv-encoding"]').setValue('utf8');
    await w.get('[data-testid="csv-delimiter"]').setValue(';');
    expect(w.get('[data-testid="csv-options"]').text()).toContain('leading apostrophe');
    await w.get('[data-testid="csv-formula-guard"]').setValue(false);
    expect(w.get('[data-testid="csv-guard-off"]').text()).toContain('do not open this file in a spreadsheet');
    useSamplesStore().where = [{ column: 'region', value: 'North' }];
    await settle();
    expect(w.get('[data-testid="csv-where"]').text()).toBe('Only rows where region = North, as in the Samples step.');
    await w.get('[data-testid="export-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('export.samples')).toEqual([
      {
        rows: 1000,
        seed: 1,
        where: [{ column: 'region', value: 'North' }],
        format: { encoding: 'utf8', delimiter: ';', formulaGuard: false },
      },
    ]);
  });

  it('offers UTF-8 with BOM when CP932 cannot write a value, and saves with it', async () => {
    let calls = 0;
    const backend = fakeBackend({
      'export.samples': () => {
        calls++;
        if (calls === 1) throw new AppError('export.cp932Cell', { column: 'city', row: 3, value: 'Kraków', char: 'ó' });
        return saved;
      },
    });
    const w = mountWith(ExportView);
    await w.get('[data-testid="csv-encoding"]').setValue('cp932');
    await w.get('[data-testid="export-samples"]').trigger('click');
    await settle();
    await w.get('[data-testid="csv-use-utf8-bom"]').trigger('click');
    await settle();
    expect(backend.inputsOf('export.samples').map((i) => (i.format as { encoding: string }).encoding)).toEqual([
      'cp932',
      'utf8-bom',
    ]);
    expect(w.find('[data-testid="csv-use-utf8-bom"]').exists()).toBe(false);
    expect(w.get('[data-testid="export-result"]').text()).toContain('Saved to /tmp/rows.csv');
  });
});
