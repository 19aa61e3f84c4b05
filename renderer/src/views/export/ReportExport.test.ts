/**
 * The report buttons of the Export step: the report in the UI's current language; the PDF
 * button asks the desktop for a PDF file, and the web host for a page it opens in a new tab
 * (without an opener) to print or save as PDF.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '../../../../shared/contract.js';
import { setLocale } from '../../i18n/index.js';
import { useAppStore } from '../../stores/app.js';
import { fakeBackend, mountWith, settle } from '../../test/fake.js';
import ExportView from '../ExportView.vue';

const info = (transport: AppInfo['transport']): AppInfo => ({
  name: 'Layerwise Studio',
  version: '1',
  backend: 'cpu',
  transport,
  osLocale: 'en-US',
  platform: 'linux',
});

afterEach(() => vi.restoreAllMocks());

describe('report export buttons', () => {
  it('asks for the report in the UI’s language, not the OS’s', async () => {
    const backend = fakeBackend({
      'export.report': () => ({ saved: true, fileName: '売上-report.html', path: null, downloadUrl: '/d/1' }),
    });
    const download = vi.spyOn(backend.client, 'download');
    const w = mountWith(ExportView);
    useAppStore().info = info('web');
    setLocale('ja', false);
    await settle();
    await w.get('[data-testid="export-report"]').trigger('click');
    await settle();
    expect(backend.inputsOf('export.report')).toEqual([{ locale: 'ja', format: 'html' }]);
    expect(download).toHaveBeenCalledWith('/d/1', '売上-report.html');
  });

  it('on the web host, opens the report in a new tab to print, without an opener', async () => {
    const backend = fakeBackend({
      'export.report': () => ({ saved: true, fileName: 'sales-report.html', path: null, downloadUrl: '/d/2' }),
    });
    const download = vi.spyOn(backend.client, 'download');
    const opened: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      opened.push(this);
    });
    const w = mountWith(ExportView);
    useAppStore().info = info('web');
    await settle();
    const button = w.get('[data-testid="export-report-pdf"]');
    expect(button.text()).toBe('Print / save as PDF…');
    await button.trigger('click');
    await settle();
    expect(backend.inputsOf('export.report')).toEqual([{ locale: 'en', format: 'view' }]);
    expect(download).not.toHaveBeenCalled();
    expect(opened).toHaveLength(1);
    expect(opened[0]!.getAttribute('href')).toBe('/d/2');
    expect(opened[0]!.target).toBe('_blank');
    expect(opened[0]!.rel).toContain('noopener');
    expect(w.get('[data-testid="export-result"]').text()).toContain('Opened sales-report.html in a new tab');
  });

  it('on the desktop, saves a PDF file', async () => {
    const backend = fakeBackend({
      'export.report': () => ({ saved: true, fileName: 'r.pdf', path: '/home/a/r.pdf', downloadUrl: null }),
    });
    const w = mountWith(ExportView);
    useAppStore().info = info('electron');
    await settle();
    const button = w.get('[data-testid="export-report-pdf"]');
    expect(button.text()).toBe('Save the report as PDF…');
    await button.trigger('click');
    await settle();
    expect(backend.inputsOf('export.report')).toEqual([{ locale: 'en', format: 'pdf' }]);
    expect(w.get('[data-testid="export-result"]').text()).toContain('/home/a/r.pdf');
  });
});
