/** The column table: a type override and the use tick are emitted per column; a left-out column says why (and an identifier found by its values, from what). */
import { describe, expect, it } from 'vitest';
import type { ChartConfiguration } from 'chart.js';
import ChartCanvas from '../../components/ChartCanvas.vue';
import { datasetInfo } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import ColumnTable from './ColumnTable.vue';

describe('ColumnTable', () => {
  it("emits a column's new type and whether it is used", async () => {
    const w = mountWith(ColumnTable, { props: { columns: datasetInfo().columns } });
    await w.get('[data-testid="column-type-2"]').setValue('categorical');
    await w.get('[data-testid="column-include-1"]').setValue(false);
    expect(w.emitted('setType')).toEqual([[2, 'categorical']]);
    expect(w.emitted('setInclude')).toEqual([[1, false]]);
  });

  it('greys out a left-out column, says why, and draws its distribution in grey', () => {
    const columns = datasetInfo().columns;
    columns[1] = { ...columns[1], include: false, excludedReason: 'constant' };
    const w = mountWith(ColumnTable, { props: { columns } });
    const rows = w.findAll('table.columns > tbody > tr');
    expect(rows.map((r) => r.classes('off'))).toEqual([false, true, false]);
    expect(rows[1].text()).toContain('Left out: single value');
    expect(rows[1].text()).toContain('1.0 %');
    const colors = w
      .findAllComponents(ChartCanvas)
      .map((c) => (c.props('config') as ChartConfiguration).data.datasets[0].backgroundColor);
    expect(colors).toEqual(['#3f7dd1', '#b9c3cf', '#3f7dd1']);
  });

  it('says why a column was taken for an identifier from its values', () => {
    const columns = datasetInfo().columns;
    columns[0] = {
      ...columns[0],
      type: 'identifier',
      include: false,
      excludedReason: 'identifier',
      distinct: 190,
      identifierEvidence: { kind: 'keyPattern', example: 'N44A1' },
    };
    const w = mountWith(ColumnTable, { props: { columns } });
    expect(w.get('[data-testid="identifier-evidence-0"]').text()).toBe(
      'Values shaped like keys (e.g. N44A1), 190 different; new ones are generated, never a real one.',
    );
    expect(w.findAll('[data-testid^="identifier-evidence-"]')).toHaveLength(1);
  });

  it('names each control by its column and gives each mini chart its numbers as a hidden table', () => {
    const w = mountWith(ColumnTable, { props: { columns: datasetInfo().columns } });
    expect(w.get('[data-testid="column-include-0"]').attributes('aria-label')).toBe('Use the column region');
    expect(w.get('[data-testid="column-type-1"]').attributes('aria-label')).toBe('Type of the column amount');
    const table = w.findAll('[data-testid="chart-table"]')[0];
    expect(table.classes()).toContain('sr-only');
    expect(table.get('caption').text()).toBe('Distribution of region');
    // (Scoped: the column table's own body is an ancestor of this one.)
    const rows = table.get('table').findAll(':scope > tbody > tr');
    expect(rows.map((tr) => tr.findAll('td').map((td) => td.text()))).toEqual([
      ['East', '10'],
      ['West', '20'],
      ['North', '30'],
    ]);
    expect(w.find('[data-testid="chart-table-toggle"]').exists()).toBe(false);
  });
});
