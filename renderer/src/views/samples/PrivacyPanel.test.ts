/**
 * The privacy panel: the check is sent for the step's seed, with progress and a cancel; the
 * verdict, each check with its threshold, the distance chart's table, the figures and what was
 * replaced are shown, in English and Japanese; dropping rows too close is off until the user
 * turns it on, then the preview and the export send the stated threshold and say how many
 * rows were dropped.
 */
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { wireEvents } from '../../events.js';
import { i18n, setLocale } from '../../i18n/index.js';
import { useCsvExportStore } from '../../stores/csv-export.js';
import { useExportsStore } from '../../stores/exports.js';
import { useSamplesStore } from '../../stores/samples.js';
import { rows } from '../../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../../test/fake.js';
import SamplesView from '../SamplesView.vue';
import ExportView from '../ExportView.vue';
import { privacyResult as evidenceFixture } from '../../../../shared/test/evidence-fixtures.js';

describe('PrivacyPanel', () => {
  it('checks the rows of the seed and shows the verdict, its checks with thresholds, the chart table and the figures', async () => {
    const backend = fakeBackend({ 'evidence.privacy': () => evidenceFixture() });
    const w = mountWith(SamplesView);
    await w.get('[data-testid="sample-seed"]').setValue('7');
    expect(w.find('[data-testid="privacy-verdict"]').exists()).toBe(false);
    await w.get('[data-testid="privacy-check"]').trigger('click');
    await settle();
    expect(backend.inputsOf('evidence.privacy')).toEqual([{ rows: 2000, seed: 7 }]);
    const verdict = w.get('[data-testid="privacy-verdict"]');
    expect(verdict.attributes('data-level')).toBe('caution');
    expect(verdict.text()).toBe(
      'Look closer — Some generated rows sit closer to training rows than fresh real rows do. See the checks below, and consider dropping rows too close.',
    );
    const checks = w.get('[data-testid="privacy-checks"]');
    expect(checks.get('[data-check="closerShare"]').text()).toContain(
      '58% of generated rows are closer to a training row than to a held-out row',
    );
    expect(checks.get('[data-check="closerShare"]').text()).toContain('Fine up to 55%; look closer up to 60%');
    expect(checks.get('[data-check="exactCopies"]').text()).toContain(
      'Fine when the generated share is at most the held-out share + 1%; look closer up to + 5%.',
    );
    const table = w.get('[data-testid="privacy-chart"] [data-testid="chart-table"]');
    expect(table.findAll('tbody tr').map((r) => r.text())).toEqual(['0.000–0.05075%80%', '0.050–0.10025%20%']);
    expect(w.get('[data-testid="privacy-figures"]').text()).toContain('4 of 2000 (0.2%)');
    expect(w.text()).toContain('a random sample of 20000 of the 64000 training rows');
    const replaced = w.get('[data-testid="privacy-replaced"]').text();
    expect(replaced).toContain('order_id: its 8000 real values are replaced by fresh identifiers; 0 of 2000');
    expect(replaced).toContain('store: 3 rare values (seen fewer than 5 times, in 7 rows)');
    setLocale('ja', false);
    await settle();
    expect(w.get('[data-testid="privacy-verdict"]').text()).toContain('要確認');
    expect(w.get('[data-check="closerShare"]').text()).toContain('生成行の 58% が');
  });

  it('shows its progress while it runs and can be cancelled', async () => {
    let finish: (v: unknown) => void = () => undefined;
    const backend = fakeBackend({
      'evidence.privacy': () => new Promise((r) => (finish = r)),
      'evidence.cancelPrivacy': () => ({ cancelled: true }),
    });
    const w = mountWith(SamplesView);
    wireEvents(backend.client);
    await w.get('[data-testid="privacy-check"]').trigger('click');
    await settle();
    backend.emit({ type: 'privacy.progress', done: 30, total: 60 });
    await settle();
    expect(w.get('[data-testid="privacy-progress"]').text()).toContain('Comparing rows: 50 %');
    expect(w.get('[data-testid="privacy-check"]').attributes('disabled')).toBeDefined();
    await w.get('[data-testid="privacy-cancel"]').trigger('click');
    await settle();
    expect(backend.inputsOf('evidence.cancelPrivacy')).toEqual([{}]);
    finish(evidenceFixture());
    await settle();
    expect(w.find('[data-testid="privacy-progress"]').exists()).toBe(false);
  });

  it('drops rows too close only once turned on, and says how many the preview and the export dropped', async () => {
    const backend = fakeBackend({
      'evidence.privacy': () => evidenceFixture(),
      'samples.generate': (input) => ({
        generated: rows(['region'], Number(input.rows) - (input.dropCloserThan === undefined ? 0 : 3), 'gen'),
        real: rows(['region'], 5, 'real'),
        notes: { omitted: [], stale: null, grouped: null },
        dropped: input.dropCloserThan === undefined ? 0 : 3,
      }),
      'export.samples': () => ({
        saved: true,
        fileName: 'generated.csv',
        path: '/tmp/generated.csv',
        downloadUrl: null,
        notes: { omitted: [], stale: null, grouped: null },
        dropped: 12,
      }),
    });
    const w = mountWith(SamplesView);
    await w.get('[data-testid="privacy-check"]').trigger('click');
    await settle();
    expect(w.get('[data-testid="privacy-panel"]').text()).toContain('at most 0.010 (the 5 % closest held-out rows');
    await w.get('[data-testid="generate-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('samples.generate')[0]).toEqual({ rows: 50, seed: 1, where: [] });
    expect(w.find('[data-testid="privacy-dropped"]').exists()).toBe(false);
    await w.get('[data-testid="privacy-drop"]').setValue(true);
    await w.get('[data-testid="generate-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('samples.generate')[1]).toEqual({ rows: 50, seed: 1, where: [], dropCloserThan: 0.0103 });
    expect(w.get('[data-testid="generated-table"]').findAll('tbody tr')).toHaveLength(47);
    expect(w.get('[data-testid="privacy-dropped"]').text()).toBe(
      '3 of 50 generated rows were dropped as too close to a real one (distance at most 0.010).',
    );
    expect(useSamplesStore().dropped).toEqual({ count: 3, total: 50, threshold: 0.0103 });

    // The Export step, with the same stores: the export sends the threshold and says what it dropped.
    const e = mount(ExportView, { global: { plugins: [w.vm.$pinia, i18n] } });
    await e.get('[data-testid="export-rows"]').setValue('500');
    await e.get('[data-testid="export-samples"]').trigger('click');
    await settle();
    expect(backend.inputsOf('export.samples')).toEqual([
      { rows: 500, seed: 1, where: [], format: useCsvExportStore().format(), dropCloserThan: 0.0103 },
    ]);
    expect(useExportsStore().dropped).toEqual({ count: 12, total: 500, threshold: 0.0103 });
    expect(e.get('[data-testid="export-dropped"]').text()).toBe(
      '12 of 500 rows were dropped as too close to a real one (distance at most 0.010): the file holds 488 rows.',
    );
  });
});
