/** The segment table: the share kept, empty values named, a tick emitted as a toggle, at most 200 rows, the whole-file note. */
import { describe, expect, it } from 'vitest';
import type { SegmentTable as Table } from '../../../../shared/domain/data.js';
import { segmentTable } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import SegmentTable from './SegmentTable.vue';

describe('SegmentTable', () => {
  it('sums the kept shares, names empty values, and emits the segment ticked', async () => {
    const table: Table = { ...segmentTable(), segments: [...segmentTable().segments] };
    table.segments[2] = { key: ['', 'North'], count: 20, share: 0.2 };
    const w = mountWith(SegmentTable, { props: { table, keep: [0, 2] } });
    expect(w.get('h3').text()).toBe('Segments · 70.0 %');
    const rows = w.findAll('tbody tr');
    expect(rows[2].findAll('td')[1].text()).toBe('(empty) · North');
    expect(rows[0].get('.bar span').attributes('style')).toContain('width: 50%');
    expect(w.find('[data-testid="segments-whole-file"]').exists()).toBe(false);
    await w.get('[data-testid="segment-keep-1"]').setValue(true);
    expect(w.emitted('toggle')).toEqual([[1]]);
  });

  it('shows the first 200 segments and says when they were counted over the whole file', () => {
    const segments = Array.from({ length: 250 }, (_, i) => ({ key: [`s${i}`], count: 4, share: 0.004 }));
    const table: Table = { columns: [0], total: 1_000_000, segments, wholeFile: true };
    const w = mountWith(SegmentTable, { props: { table, keep: [] } });
    expect(w.findAll('tbody tr')).toHaveLength(200);
    expect(w.get('h3').text()).toBe('Segments · 0.0 %');
    expect(w.get('[data-testid="segments-whole-file"]').text()).toContain('all 1,000,000 rows of the file');
  });
});
