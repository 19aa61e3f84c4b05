/**
 * The comparison of a project's models: one row per model with its methods, sizes, figures
 * labelled exact or estimate, bounds per layer and time; the model in use marked and another
 * chosen through project.selectModel; out-of-date models marked; the quality column only once
 * a model has a score; the chart with its data table; the verdict in English and Japanese.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectModel } from '../../../../shared/domain/project.js';
import { setLocale } from '../../i18n/index.js';
import { useProjectStore } from '../../stores/project.js';
import { useTrainingStore } from '../../stores/training.js';
import { projectState } from '../../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../../test/fake.js';
import { est, exact, modelOf } from './compare/test-models.js';
import ChartCanvas from '../../components/ChartCanvas.vue';
import ModelsCompare from './ModelsCompare.vue';

const aeries = () => modelOf('Model 1', 'aeries', { valid: exact(-12.1), test: est(-12.25, 0.03), seconds: 4.25 });
const rbm = () => modelOf('Model 2', 'rbm', { valid: exact(-12.5), test: exact(-12.7), seconds: 75 });

function mountOn(models: ProjectModel[], selected: string | null = models[0]?.id ?? null) {
  const backend = fakeBackend();
  const w = mountWith(ModelsCompare);
  const { models: _m, selected: _s, data: _d, run: _r, ...overview } = projectState();
  useProjectStore().overview = { ...overview, models, selected, run: null };
  return { w, backend };
}

const cells = (w: ReturnType<typeof mountWith>, row: number) =>
  w
    .findAll('[data-testid="compare-table"] tbody tr')
    [row].findAll('th, td')
    .map((c) => c.text());

describe('ModelsCompare', () => {
  it('shows nothing before the project has a model', async () => {
    const { w } = mountOn([]);
    await settle();
    expect(w.find('[data-testid="models-compare"]').exists()).toBe(false);
  });

  it('lists every model with its methods, sizes, figures labelled exact or estimate, bounds and time', async () => {
    const { w } = mountOn([aeries(), rbm()]);
    await settle();
    const header = w
      .findAll('[data-testid="compare-table"] thead th')
      .map((h) => (h.element.firstChild?.textContent ?? '').trim());
    expect(header).toEqual([
      'Model',
      'Method per layer',
      'Sizes',
      'Training rows',
      'Validation rows',
      'Test rows',
      'BLM bound per layer',
      'Training time',
      'Use',
    ]);
    const first = cells(w, 0);
    expect(first[0]).toBe('Model 1');
    expect(first[1]).toBe('AERIes, AERIes');
    expect(first[2]).toBe('40 bits → 16 → 8, top: RBM (8)');
    expect(first.slice(3, 6)).toEqual(['-12.000 exact', '-12.100 exact', '-12.250 ± 0.030 estimate']);
    expect(first[6]).toBe(
      'Layer 1: -13.250 ± 0.020 estimate (validation)Layer 2: -13.250 ± 0.020 estimate (on the codes of layer 1)',
    );
    expect(first[7]).toBe('4.3 s');
    expect(first[8]).toBe('In use');
    const second = cells(w, 1);
    expect(second[1]).toBe('RBM, RBM');
    expect(second[7]).toBe('1 min 15 s');
    expect(w.findAll('[data-testid="compare-use"]')).toHaveLength(1);
    expect(w.get('tr[aria-current="true"]').attributes('data-model')).toBe('Model 1');
  });

  it('gives the bound of the model up to each layer, on validation rows, when it was measured', async () => {
    const m = aeries();
    m.summary.layers = m.summary.layers.map((r, i) => ({
      ...r,
      modelBound: { train: exact(-11 - i), valid: i === 0 ? est(-11.5, 0.04) : exact(-12.05) },
    }));
    const noValid = rbm();
    noValid.summary.layers = noValid.summary.layers.map((r) => ({
      ...r,
      modelBound: { train: exact(-11.75), valid: null },
    }));
    const { w } = mountOn([m, noValid]);
    await settle();
    const bounds = (row: number) =>
      w
        .findAll('[data-testid="compare-table"] tbody tr')
        [row].findAll('.bounds li')
        .map((li) => li.text());
    expect(bounds(0)).toEqual([
      'Layer 1: -11.500 ± 0.040 estimate (validation)',
      'Layer 2: -12.050 exact (validation)',
    ]);
    expect(bounds(1)).toEqual(['Layer 1: -11.750 exact (training)', 'Layer 2: -11.750 exact (training)']);
  });

  it('uses another model through project.selectModel; the marker follows', async () => {
    const models = [aeries(), rbm()];
    const { w, backend } = mountOn(models);
    const { data: _d, run: _r, ...overview } = projectState({ models, selected: 'Model 2' });
    backend.handlers['project.selectModel'] = () => ({ ...overview, run: null });
    await settle();
    const use = w.get('[data-testid="compare-use"]');
    expect(use.attributes('aria-label')).toBe('Use Model 2 for Samples and Export');
    await use.trigger('click');
    await settle();
    expect(backend.inputsOf('project.selectModel')).toEqual([{ modelId: 'Model 2' }]);
    expect(w.get('tr[aria-current="true"]').attributes('data-model')).toBe('Model 2');
    expect(cells(w, 1)[8]).toBe('In use');
  });

  it('cannot switch models while a run trains', async () => {
    const { w } = mountOn([aeries(), rbm()]);
    useTrainingStore().state = 'running';
    await settle();
    expect(w.get('[data-testid="compare-use"]').attributes('disabled')).toBeDefined();
  });

  it('marks an out-of-date model and one opened from a file', async () => {
    const stale = { changes: [{ what: 'subset' as const, wasRows: 100, nowRows: 50 }] };
    const { w } = mountOn([aeries(), { ...rbm(), stale, origin: 'opened' }]);
    await settle();
    expect(w.findAll('[data-testid="compare-stale"]')).toHaveLength(1);
    const name = w.findAll('[data-testid="compare-table"] tbody th')[1];
    expect(name.findAll('.tag').map((tag) => tag.text())).toEqual(['out of date', 'opened from a file']);
    expect(name.get('[data-testid="compare-stale-changes"]').text()).toBe(
      'Since it was trained, you changed the subset (100 rows → 50 rows).',
    );
  });

  it('shows the quality column only once a model has a score', async () => {
    const { w } = mountOn([aeries(), rbm()]);
    await settle();
    expect(w.find('[data-testid="compare-quality-head"]').exists()).toBe(false);
    useProjectStore().overview!.models[1].quality = { score: 81.6, of: 'test' };
    await settle();
    expect(w.find('[data-testid="compare-quality-head"]').exists()).toBe(true);
    expect(cells(w, 0)[8]).toBe('—');
    expect(cells(w, 1)[8]).toBe('82 / 100 on test rows');
  });

  it('says in one line whether AERIes beats stacked RBMs on validation rows, in English and Japanese', async () => {
    const { w } = mountOn([aeries(), rbm()]);
    await settle();
    const verdict = w.get('[data-testid="compare-verdict"]');
    expect(verdict.text()).toBe(
      'On your data, AERIes (Model 1) reaches 0.400 nats per row more than stacked RBMs (Model 2) on validation rows.',
    );
    setLocale('ja', false);
    await settle();
    expect(w.get('[data-testid="compare-verdict"]').text()).toBe(
      'このデータでは、検証行でAERIes（Model 1）が積み重ねRBM（Model 2）より1行あたり0.400ナット高い対数尤度に達しています。',
    );
    setLocale('en', false);
  });

  it('has no verdict with one kind of model only', async () => {
    const { w } = mountOn([aeries()]);
    await settle();
    expect(w.find('[data-testid="compare-table"]').exists()).toBe(true);
    expect(w.find('[data-testid="compare-verdict"]').exists()).toBe(false);
  });

  it('draws the log-likelihoods as a chart with the same figures in a data table', async () => {
    const { w } = mountOn([
      aeries(),
      { ...rbm(), summary: { ...rbm().summary, logLikelihood: { ...rbm().summary.logLikelihood, test: null } } },
    ]);
    await settle();
    const chart = w.get('[data-testid="compare-chart"]');
    expect(chart.attributes('data-models')).toBe('2');
    expect(chart.attributes('data-series')).toBe('3');
    expect(chart.get('canvas').attributes('aria-label')).toBe('Log-likelihood by model');
    const table = w.get('[data-testid="models-compare"] [data-testid="chart-table"] table');
    expect(table.findAll('th').map((h) => h.text())).toEqual([
      'Model',
      'Training rows',
      'Validation rows',
      'Test rows',
    ]);
    expect(table.findAll('tbody tr').map((r) => r.findAll('td').map((c) => c.text()))).toEqual([
      ['Model 1', '-12.000 exact', '-12.100 exact', '-12.250 ± 0.030 estimate'],
      ['Model 2', '-12.000 exact', '-12.500 exact', '—'],
    ]);
  });

  it('draws bars up from the bottom of an axis around the figures, so the taller bar is the better model', async () => {
    const { w } = mountOn([aeries(), rbm()]);
    await settle();
    const config = w.getComponent(ChartCanvas).props('config') as unknown as {
      data: { datasets: { base: number; data: number[] }[] };
      options: { scales: { y: { min: number; max: number } } };
    };
    const { min, max } = config.options.scales.y;
    const values = config.data.datasets.flatMap((d) => d.data);
    expect(Math.min(...values)).toBe(-12.7);
    expect(Math.max(...values)).toBe(-12);
    expect(min).toBeLessThan(-12.7);
    expect(max).toBeGreaterThan(-12);
    expect(max).toBeLessThan(0);
    expect(config.data.datasets.map((d) => d.base)).toEqual([min, min, min]);
  });
});
