/**
 * The quality panel: checks the rows of the seed, shows the overall score with its parts next to
 * their floor and ceiling and the verdict, the checks in words, three heatmaps with accessible
 * cells, each column's chart; progress and cancel while it runs; Japanese.
 */
import { describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/index.js';
import { fakeBackend, mountWith, settle } from '../../test/fake.js';
import QualityPanel from './QualityPanel.vue';
import { cellColours, num } from './quality-format.js';
import { qualityResult } from '../../../../shared/test/evidence-fixtures.js';

/** The fake service's answer: the fixture, for the seed asked. */
const answer = (input: Record<string, unknown>) => ({ ...qualityResult(), seed: input.seed });

describe('QualityPanel', () => {
  it('checks the seed’s rows and shows the score, its references, the verdict and the checks', async () => {
    const backend = fakeBackend({ 'evidence.quality': answer });
    const w = mountWith(QualityPanel, { props: { seed: 7 } });
    expect(w.find('[data-testid="quality-overall"]').exists()).toBe(false);
    await w.get('[data-testid="quality-check"]').trigger('click');
    await settle();
    expect(backend.inputsOf('evidence.quality')).toEqual([{ seed: 7, target: null }]);
    expect(w.get('[data-testid="quality-overall"]').text()).toBe('89.1 % Overall score');
    expect(w.get('[data-testid="quality-pairs-row"]').text()).toBe('Column Pair Trends70.5 %83.6 %95.5 %');
    expect(w.get('[data-testid="quality-verdict"]').text()).toContain('closer to columns drawn apart');
    expect(w.get('[data-testid="quality-positions"]').text()).toContain('Column Pair Trends: 53 % of the way');
    expect(w.get('[data-testid="quality-positions"]').text()).toContain('Column Shapes: the floor scores as well');
    expect(w.get('[data-testid="quality-propensity"]').text()).toContain('pMSE of 0.0251');
    expect(w.get('[data-testid="quality-propensity"]').text()).toContain('6.98 times');
    expect(w.get('[data-testid="quality-tstr"]').text()).toContain('predicting “region”');
    expect(w.get('[data-testid="quality-tstr"]').text()).toContain('scores 40.0 % (accuracy)');
    expect(w.get('[data-testid="quality-rows"]').text()).toContain('Not compared: order_id (identifier).');
    // Rows of another seed are other rows: the result goes until they are checked.
    await w.setProps({ seed: 8 });
    expect(w.find('[data-testid="quality-overall"]').exists()).toBe(false);
  });

  it('draws three heatmaps whose cells name both columns and their value', async () => {
    fakeBackend({ 'evidence.quality': answer });
    const w = mountWith(QualityPanel, { props: { seed: 1 } });
    await w.get('[data-testid="quality-check"]').trigger('click');
    await settle();
    for (const id of ['heatmap-real', 'heatmap-synthetic', 'heatmap-difference'])
      expect(w.find(`[data-testid="${id}"] table`).exists()).toBe(true);
    const cell = w.get('[data-testid="heatmap-synthetic"] tbody tr:nth-child(1) td:nth-of-type(2)');
    expect(cell.attributes('aria-label')).toBe('revenue and order_date: -0.20');
    expect(cell.text()).toBe('-0.20');
    expect(w.findAll('figure.column-shape')).toHaveLength(3);
    expect(w.get('[data-testid="quality-column-revenue"]').text()).toContain('1 − Kolmogorov-Smirnov: 90.0 %');
    expect(w.get('[data-testid="quality-column-order_date"] [data-testid="chart-table"]').text()).toContain(
      '2024-01-01–2024-07-01',
    );
    // Categories and numbers can be predicted, dates not.
    const options = w.findAll('[data-testid="quality-target"] option').map((o) => o.text());
    expect(options.slice(1)).toEqual(['revenue', 'region']);
  });

  it('shows progress and cancels while the check runs', async () => {
    let finish: (v: unknown) => void = () => undefined;
    const backend = fakeBackend({
      'evidence.quality': () => new Promise((r) => (finish = r)),
      'evidence.cancel': () => ({ cancelled: true }),
    });
    const w = mountWith(QualityPanel, { props: { seed: 1 } });
    await w.get('[data-testid="quality-check"]').trigger('click');
    await settle();
    expect(w.get('[data-testid="quality-progress"]').text()).toContain('Generating rows to check');
    const { useQualityStore } = await import('../../stores/quality.js');
    useQualityStore().onProgress({ type: 'quality.progress', phase: 'score', done: 3, total: 8 });
    await settle();
    expect(w.get('[data-testid="quality-progress"]').text()).toContain('Scoring: step 3 of 8');
    await w.get('[data-testid="quality-cancel"]').trigger('click');
    await settle();
    expect(backend.inputsOf('evidence.cancel')).toHaveLength(1);
    finish({ ...qualityResult(), seed: 1 });
    await settle();
    expect(w.find('[data-testid="quality-progress"]').exists()).toBe(false);
  });

  it('speaks Japanese', async () => {
    fakeBackend({ 'evidence.quality': answer });
    const w = mountWith(QualityPanel, { props: { seed: 1 } });
    setLocale('ja', false);
    await w.get('[data-testid="quality-check"]').trigger('click');
    await settle();
    expect(w.get('[data-testid="quality-overall"]').text()).toContain('総合スコア');
    expect(w.get('[data-testid="quality-verdict"]').text()).toContain('列ごとに別々に抽出した行に近い');
  });
});

describe('heatmap colours', () => {
  it('write a value that rounds to zero as 0, not −0', () => {
    expect(num(-0.001, 2, 'en')).toBe('0.00');
    expect(num(-0.2, 2, 'en')).toBe('-0.20');
  });

  it('keep the value readable: at least 4.5:1 contrast on every shade', () => {
    const lum = (rgb: number[]) =>
      rgb
        .map((c) => c / 255)
        .map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4))
        .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
    for (let v = -1; v <= 1; v += 0.05) {
      const { background, color } = cellColours(v);
      const bg = lum((background.match(/\d+/g) ?? []).map(Number));
      const fg = color === '#000' ? 0 : 1;
      const ratio = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05);
      expect(ratio).toBeGreaterThanOrEqual(4.5);
    }
  });
});
