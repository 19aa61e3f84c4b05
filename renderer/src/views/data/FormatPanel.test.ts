/** The reading options: a draft of the file's options, emitted on "Read again", reset by a new read; dates only when ambiguous. */
import { describe, expect, it } from 'vitest';
import type { CsvOptions, CsvOptionsOverride, ImportProblem } from '../../../../shared/domain/data.js';
import { datasetInfo } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import FormatPanel from './FormatPanel.vue';

const ambiguous: ImportProblem = {
  code: 'problems.ambiguousDates',
  severity: 'warning',
  params: { column: 'date' },
  examples: [],
};

function mountPanel(options: CsvOptions = datasetInfo().options, problems: ImportProblem[] = []) {
  const w = mountWith(FormatPanel, { props: { options, problems } });
  const emitted = () => (w.emitted('reimport') ?? []).map(([o]) => o as CsvOptionsOverride);
  return { w, emitted };
}

describe('FormatPanel', () => {
  it('shows the options the file was read with and emits the edited ones, without a day order', async () => {
    const { w, emitted } = mountPanel();
    expect((w.get('[data-testid="opt-encoding"]').element as HTMLSelectElement).value).toBe('utf-8');
    expect((w.get('[data-testid="opt-header"]').element as HTMLInputElement).checked).toBe(true);
    expect(w.find('[data-testid="opt-dayfirst"]').exists()).toBe(false);
    await w.get('[data-testid="opt-encoding"]').setValue('shift_jis');
    await w.get('[data-testid="opt-header"]').setValue(false);
    await w.get('[data-testid="missing-token-input"]').setValue('?');
    await w.get('[data-testid="add-missing-token"]').trigger('click');
    await w.get('[data-testid="reimport"]').trigger('click');
    expect(emitted()).toEqual([
      {
        encoding: 'shift_jis',
        delimiter: ',',
        quote: '"',
        header: false,
        raggedRows: 'pad',
        dayFirst: null,
        missingTokens: ['', 'NA', '?'],
      },
    ]);
  });

  it('asks for the day order when dates are ambiguous, day first unless the file was read otherwise', async () => {
    const { w, emitted } = mountPanel(datasetInfo().options, [ambiguous]);
    const dayFirst = w.get('[data-testid="opt-dayfirst"]');
    await w.get('[data-testid="reimport"]').trigger('click');
    await dayFirst.setValue('false');
    await w.get('[data-testid="reimport"]').trigger('click');
    expect(emitted().map((o) => o.dayFirst)).toEqual([true, false]);

    const read = mountPanel({ ...datasetInfo().options, dayFirst: false });
    expect(read.w.find('[data-testid="opt-dayfirst"]').exists()).toBe(true);
    await read.w.get('[data-testid="reimport"]').trigger('click');
    expect(read.emitted()[0].dayFirst).toBe(false);
  });

  it('asks for the decimal mark when numbers read either way, as the import read them unless changed', async () => {
    const numbers: ImportProblem = {
      code: 'problems.ambiguousDecimal',
      severity: 'warning',
      params: { columns: 'amount', count: 1, example: '1,234', value: '1.234', mark: ',' },
      examples: [],
    };
    expect(mountPanel().w.find('[data-testid="opt-decimal"]').exists()).toBe(false);
    const { w, emitted } = mountPanel(datasetInfo().options, [numbers]);
    expect((w.get('[data-testid="opt-decimal"]').element as HTMLSelectElement).value).toBe(',');
    await w.get('[data-testid="reimport"]').trigger('click');
    await w.get('[data-testid="opt-decimal"]').setValue('.');
    await w.get('[data-testid="reimport"]').trigger('click');
    expect(emitted().map((o) => o.decimalMark)).toEqual([',', '.']);

    const read = mountPanel({ ...datasetInfo().options, decimalMark: '.' });
    expect((read.w.get('[data-testid="opt-decimal"]').element as HTMLSelectElement).value).toBe('.');
  });

  it('drops the draft when the file has been read again', async () => {
    const { w } = mountPanel();
    await w.get('[data-testid="opt-delimiter"]').setValue(';');
    await w.setProps({ options: { ...datasetInfo().options, delimiter: '\t', missingTokens: ['-'] } });
    expect((w.get('[data-testid="opt-delimiter"]').element as HTMLSelectElement).value).toBe('\t');
    expect(w.findAll('.chip').map((c) => c.text().replace('×', '').trim())).toEqual(['-']);
  });
});
