/** The column table: a type override and the use tick are emitted per column; a left-out column says why. */
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
    const rows = w.findAll('tbody tr');
    expect(rows.map((r) => r.classes('off'))).toEqual([false, true, false]);
    expect(rows[1].text()).toContain('Left out: single value');
    expect(rows[1].text()).toContain('1.0 %');
    const colors = w
      .findAllComponents(ChartCanvas)
      .map((c) => (c.props('config') as ChartConfiguration).data.datasets[0].backgroundColor);
    expect(colors).toEqual(['#3f7dd1', '#b9c3cf', '#3f7dd1']);
  });
});
