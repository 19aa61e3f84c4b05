/** The Samples step's table: pages with a selectable size, sort by a column (numbers as numbers), a text or value filter, generated and real rows in two tabs. */
import { describe, expect, it } from 'vitest';
import type { RowTable } from '../../../../shared/domain/data.js';
import { mountWith } from '../../test/fake.js';
import SampleTable from './SampleTable.vue';

const regions = ['North', 'South', 'East'];
const generated: RowTable = {
  header: ['region', 'amount', 'note'],
  rows: Array.from({ length: 120 }, (_, i) => [regions[i % 3], String((i * 37) % 101), `note ${i}`]),
};
const real: RowTable = { header: generated.header, rows: [['West', '5', 'real one']] };

const bodyRows = (w: ReturnType<typeof mountWith>) =>
  w.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));

describe('SampleTable', () => {
  it('pages the rows, 50 at a time by default, and another page size on request', async () => {
    const w = mountWith(SampleTable, { props: { generated, real } });
    expect(bodyRows(w)).toHaveLength(50);
    expect(w.get('[data-testid="page-range"]').text()).toContain('Rows 1–50 of 120');
    expect(w.get('[data-testid="page-prev"]').attributes('disabled')).toBeDefined();
    await w.get('[data-testid="page-next"]').trigger('click');
    await w.get('[data-testid="page-next"]').trigger('click');
    expect(bodyRows(w)).toHaveLength(20);
    expect(bodyRows(w)[0][0]).toBe('101');
    expect(w.get('[data-testid="page-next"]').attributes('disabled')).toBeDefined();
    await w.get('[data-testid="page-size"]').setValue('25');
    expect(bodyRows(w)).toHaveLength(25);
    expect(w.get('[data-testid="page-range"]').text()).toContain('Rows 1–25 of 120 · Page 1 of 5');
  });

  it('sorts by a column, numbers as numbers, ascending then descending then as generated', async () => {
    const w = mountWith(SampleTable, { props: { generated, real } });
    await w.get('[data-testid="sort-amount"]').trigger('click');
    const up = bodyRows(w).map((r) => Number(r[2]));
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(up[0]).toBe(0);
    expect(w.findAll('th')[2].attributes('aria-sort')).toBe('ascending');
    await w.get('[data-testid="sort-amount"]').trigger('click');
    expect(Number(bodyRows(w)[0][2])).toBe(100);
    await w.get('[data-testid="sort-amount"]').trigger('click');
    expect(bodyRows(w)[0][0]).toBe('1');
    expect(w.findAll('th')[2].attributes('aria-sort')).toBe('none');
  });

  it('filters by a value picked from a column of categories, or by a text in any column', async () => {
    const w = mountWith(SampleTable, { props: { generated, real } });
    await w.get('[data-testid="filter-column"]').setValue('0');
    await w.get('[data-testid="filter-value"]').setValue('South');
    expect(w.get('[data-testid="page-range"]').text()).toContain('of 40');
    expect(bodyRows(w).every((r) => r[1] === 'South')).toBe(true);
    await w.get('[data-testid="filter-column"]').setValue('-1');
    await w.get('[data-testid="filter-text"]').setValue('NOTE 11');
    expect(bodyRows(w).map((r) => r[3])).toEqual([
      'note 11',
      'note 110',
      'note 111',
      'note 112',
      'note 113',
      'note 114',
      'note 115',
      'note 116',
      'note 117',
      'note 118',
      'note 119',
    ]);
    await w.get('[data-testid="filter-text"]').setValue('nothing like it');
    expect(w.find('[data-testid="rows-none"]').exists()).toBe(true);
  });

  it('shows the real rows in their own tab', async () => {
    const w = mountWith(SampleTable, { props: { generated, real } });
    expect(w.get('[data-testid="rows-tab-generated"]').attributes('aria-selected')).toBe('true');
    await w.get('[data-testid="rows-tab-real"]').trigger('click');
    expect(bodyRows(w)).toEqual([['1', 'West', '5', 'real one']]);
    expect(w.find('[data-testid="real-table"]').exists()).toBe(true);
    expect(w.get('[data-testid="rows-tab-real"]').text()).toBe('Real rows (1)');
  });
});
