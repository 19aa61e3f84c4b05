/** Representativeness: one bar per column, each named, flagged ones in orange and listed, the axis at least 0 to 0.2, the height per column, the numbers as a table. */
import { describe, expect, it } from 'vitest';
import type { ChartConfiguration } from 'chart.js';
import ChartCanvas from '../../components/ChartCanvas.vue';
import { mountWith } from '../../test/fake.js';
import RepresentativenessChart from './RepresentativenessChart.vue';

const rows = [
  { index: 1, name: 'amount', distance: 0.04, flagged: false },
  { index: 2, name: 'member', distance: 0.21, flagged: true },
  { index: 3, name: 'region', distance: 0.35, flagged: true },
];

describe('RepresentativenessChart', () => {
  it('colours and lists the flagged columns and widens the axis to the largest distance', async () => {
    const w = mountWith(RepresentativenessChart, { props: { rows } });
    const canvas = w.getComponent(ChartCanvas);
    const config = canvas.props('config') as ChartConfiguration<'bar'>;
    expect(config.data.labels).toEqual(['amount', 'member', 'region']);
    expect(config.data.datasets[0].backgroundColor).toEqual(['#3f7dd1', '#d9822b', '#d9822b']);
    expect(config.options?.scales?.x?.max).toBe(0.35);
    expect(canvas.props('height')).toBe(120);
    expect(w.findAll('.flags li').map((li) => li.text())).toEqual([
      'member: 0.210 (differs)',
      'region: 0.350 (differs)',
    ]);

    await w.setProps({ rows: Array.from({ length: 8 }, (_, i) => ({ ...rows[0], index: i })) });
    const wide = w.getComponent(ChartCanvas);
    expect((wide.props('config') as ChartConfiguration<'bar'>).options?.scales?.x?.max).toBe(0.2);
    // 40 for the axis and 26 per column, every column named.
    expect(wide.props('height')).toBe(40 + 8 * 26);
    expect((wide.props('config') as ChartConfiguration<'bar'>).options?.scales?.y?.ticks?.autoSkip).toBe(false);
    expect(w.findAll('.flags li')).toHaveLength(0);
  });

  it('gives the distances as a table too (for screen readers, and on demand)', () => {
    const w = mountWith(RepresentativenessChart, { props: { rows } });
    const table = w.get('[data-testid="chart-table"] table');
    expect(table.get('caption').text()).toBe('How representative the subset is');
    expect(table.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))).toEqual([
      ['amount', '0.040', 'no'],
      ['member', '0.210', 'yes'],
      ['region', '0.350', 'yes'],
    ]);
  });
});
