/** The Export screen: the row count is sent, downloads are handed to the transport, and where each file went is shown. */
import { describe, expect, it, vi } from 'vitest';
import { fakeBackend, mountWith, settle } from '../test/fake.js';
import ExportView from './ExportView.vue';
import { useSamplesStore } from '../stores/samples.js';

describe('ExportView', () => {
  it('exports rows, the model and the report and says where each went', async () => {
    const backend = fakeBackend({
      'export.samples': () => ({
        saved: true,
        fileName: 'generated.csv',
        path: null,
        downloadUrl: '/api/download/abc?token=t',
        notes: { omitted: ['customer_age'], stale: null, grouped: null },
      }),
      'export.model': () => ({ saved: true, fileName: 'model.lwm', path: '/home/a/model.lwm', downloadUrl: null }),
      'export.report': () => ({ saved: false, fileName: 'report.html', path: null, downloadUrl: null }),
    });
    const download = vi.spyOn(backend.client, 'download');
    const w = mountWith(ExportView);
    expect((w.get('[data-testid="export-rows"]').element as HTMLInputElement).value).toBe('1000');
    await w.get('[data-testid="export-rows"]').setValue('250');
    await w.get('[data-testid="export-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('export.samples')).toEqual([
      { rows: 250, seed: 1, where: [], format: { encoding: 'utf8-bom', delimiter: ',', formulaGuard: true } },
    ]);
    expect(download).toHaveBeenCalledWith('/api/download/abc?token=t', 'generated.csv');
    await w.get('[data-testid="export-model"]').trigger('click');
    await settle();
    await w.get('[data-testid="export-report"]').trigger('click');
    await settle();
    const items = w
      .get('[data-testid="export-result"]')
      .findAll('li')
      .map((li) => li.text());
    expect(items).toHaveLength(3);
    expect(items[0]).toContain('generated.csv');
    expect(items[1]).toContain('/home/a/model.lwm');
    expect(backend.inputsOf('export.model')).toEqual([{}]);
    // The exported rows leave out the column the user left out, and say so.
    expect(w.get('[data-testid="omitted-columns"]').text()).toContain('customer_age');
  });

  it('uses the Samples step seed, so the file starts with the rows shown there', async () => {
    const backend = fakeBackend({
      'export.samples': () => ({ saved: true, fileName: 'g.csv', path: '/tmp/g.csv', downloadUrl: null, notes: null }),
    });
    const w = mountWith(ExportView);
    useSamplesStore().seed = 7; // chosen in the Samples step
    await settle();
    expect((w.get('[data-testid="export-seed"]').element as HTMLInputElement).value).toBe('7');
    await w.get('[data-testid="export-seed"]').setValue('9'); // changed here: the Samples step follows
    expect(useSamplesStore().seed).toBe(9);
    await w.get('[data-testid="export-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('export.samples')[0]).toMatchObject({ seed: 9 });
    expect(w.text()).toContain('the file starts with the rows shown there');
  });
});
