/**
 * The project panels that show the project: the bar (name, saved or not, the model shown with
 * out-of-date ones marked, Save), the banner of an out-of-date model in plain words (English
 * and Japanese), and the notice of a project whose data is not loaded, with Locate.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/domain/errors.js';
import App from '../../App.vue';
import { wireEvents } from '../../events.js';
import { useAppStore } from '../../stores/app.js';
import { useProjectStore } from '../../stores/project.js';
import { appInfo, projectModel, projectState, source } from '../../test/fixtures.js';
import { fakeBackend, mountWith, settle, type Handler } from '../../test/fake.js';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const stale = {
  changes: [
    {
      what: 'columns' as const,
      columns: [{ name: 'customer_age', change: 'leftOut' as const, was: 'integer' as const, now: null }],
    },
  ],
};

async function mountApp(
  state = projectState(),
  more: Record<string, Handler> = {},
  transport: 'web' | 'electron' = 'web',
) {
  const backend = fakeBackend({
    'app.info': () => ({ ...appInfo(), transport }),
    'project.state': () => state,
    'project.autosaved': () => [],
    ...more,
  });
  const w = mountWith(App);
  wireEvents(backend.client);
  await useAppStore().init();
  await useProjectStore().start();
  await settle();
  return { backend, w };
}

describe('the project bar', () => {
  it('names the project, says it is not saved, lists the models with the out-of-date one marked, and switches model', async () => {
    const models = [projectModel('m1', { stale }), projectModel('m2', { name: 'Model 2' })];
    const state = projectState({ source: source(), dirty: true, unsaved: true, models, selected: 'm2' });
    const { backend, w } = await mountApp(state, {
      'project.selectModel': (input) => ({ ...state, data: undefined, selected: input.modelId }),
    });
    expect(w.get('[data-testid="project-name"]').text()).toBe('orders');
    expect(w.get('[data-testid="project-status"]').text()).toBe('not saved');
    const options = w.get('[data-testid="model-select"]').findAll('option');
    expect(options.map((o) => o.text())).toEqual(['Model 1 — out of date', 'Model 2']);
    expect(w.find('[data-testid="project-save-as"]').exists()).toBe(false);
    await w.get('[data-testid="model-select"]').setValue('m1');
    await settle();
    expect(backend.inputsOf('project.selectModel')).toEqual([{ modelId: 'm1' }]);
    expect(useProjectStore().selectedModel?.name).toBe('Model 1');
  });

  it('saves: the web host hands the project file as a download and the bar says so', async () => {
    const state = projectState({
      source: source(),
      dirty: true,
      unsaved: true,
      models: [projectModel('m1')],
      selected: 'm1',
    });
    const saved = { saved: true, fileName: 'orders.lwproj', path: null, downloadUrl: '/api/download/p?token=t' };
    const { data: _data, run: _run, ...overview } = state;
    const { backend, w } = await mountApp(state, {
      'project.save': () => ({
        result: saved,
        project: { ...overview, run: null, dirty: false, unsaved: false, fileName: 'orders.lwproj' },
      }),
    });
    const download = vi.spyOn(backend.client, 'download');
    await w.get('[data-testid="project-save"]').trigger('click');
    await settle();
    expect(backend.inputsOf('project.save')).toEqual([{ as: false }]);
    expect(download).toHaveBeenCalledWith('/api/download/p?token=t', 'orders.lwproj');
    expect(w.get('[data-testid="project-saved"]').text()).toBe('Project downloaded as orders.lwproj');
    expect(w.get('[data-testid="project-status"]').text()).toBe('saved');
  });

  it('offers Save as on the desktop', async () => {
    const { w } = await mountApp(projectState({ source: source() }), {}, 'electron');
    expect(w.find('[data-testid="project-save-as"]').exists()).toBe(true);
  });
});

describe('an out-of-date model', () => {
  it('is named with what changed in plain words on the Train, Samples and Export steps', async () => {
    const state = projectState({ source: source(), models: [projectModel('m1', { stale })], selected: 'm1' });
    const { w } = await mountApp(state);
    expect(w.find('[data-testid="stale-banner"]').exists()).toBe(false);
    for (const step of ['train', 'samples', 'export'] as const) {
      useAppStore().goto(step);
      await settle();
      expect(w.get('[data-testid="stale-banner"]').text()).toContain(
        'Model 1 was trained before you left out customer_age.',
      );
    }
    await w.get('[data-testid="locale-switch"]').setValue('ja');
    expect(w.get('[data-testid="stale-banner"]').text()).toContain(
      'Model 1 の学習後に、次の変更がありました: customer_age の除外',
    );
  });

  it('and a run that trains on the earlier subset says so', async () => {
    const state = projectState({ source: source() });
    const { backend, w } = await mountApp(state);
    const { data: _data, ...overview } = state;
    backend.emit({
      type: 'project.changed',
      project: {
        ...overview,
        run: { runId: 'r', state: 'running', stale: { changes: [{ what: 'subset', wasRows: 8000, nowRows: 1200 }] } },
      },
    });
    useAppStore().goto('train');
    await settle();
    expect(w.get('[data-testid="run-stale"]').text()).toBe(
      'This run trains on what was chosen when it started: since then you changed the subset (8,000 rows → 1,200 rows).',
    );
  });
});

describe('a run that did not finish', () => {
  it('is shown with its figures so far, saying it did not finish', async () => {
    const run = {
      runId: 'r1',
      state: 'cancelled' as const,
      config: projectModel('x').config,
      startedAt: '2026-12-01T10:00:00.000Z',
      points: [{ layer: 0, stage: 'layer' as const, epoch: 1, train: -19, valid: -20 }],
      layers: [],
      progress: null,
      error: null,
      stale: null,
    };
    const { w } = await mountApp(projectState({ source: source(), dataMissing: 'notFound', run }));
    useAppStore().goto('train');
    await settle();
    expect(w.get('[data-testid="run-unfinished"]').text()).toContain('The last run did not finish');
  });
});

describe('a project whose data is not loaded', () => {
  it('says why and locates the data; another file is refused in words', async () => {
    const state = projectState({
      source: source(),
      dataMissing: 'notFound',
      models: [projectModel('m1')],
      selected: 'm1',
    });
    let accept = false;
    const { backend, w } = await mountApp(state, {
      'project.locateData': () => {
        if (!accept)
          throw new AppError('project.otherData', {
            name: 'orders.csv',
            expected: 'orders.csv',
            expectedBytes: 1234,
            bytes: 99,
          });
        return { ...state, dataMissing: null };
      },
    });
    expect(w.get('[data-testid="data-missing"]').text()).toContain(
      'The data of this project, “orders.csv”, is not loaded',
    );
    // Its model can still be looked at: the Train step opens.
    expect(w.get('[data-testid="step-train"]').attributes('disabled')).toBeUndefined();
    await w.get('[data-testid="locate-data"]').trigger('click');
    await settle();
    expect(w.get('[data-testid="error-banner"]').text()).toContain('is not the data this project was made with');
    accept = true;
    await w.get('[data-testid="locate-data"]').trigger('click');
    await settle();
    expect(backend.inputsOf('project.locateData')).toEqual([{ fileId: 'f1' }, { fileId: 'f1' }]);
    expect(w.find('[data-testid="data-missing"]').exists()).toBe(false);
    expect(w.find('[data-testid="error-banner"]').exists()).toBe(false);
  });

  it('of a model opened alone says there is no data and offers no Locate', async () => {
    const state = projectState({
      dataMissing: 'modelOnly',
      models: [projectModel('m1', { name: 'orders.lwm', origin: 'opened' })],
      selected: 'm1',
    });
    const { w } = await mountApp(state);
    expect(w.get('[data-testid="data-missing"]').text()).toContain('the model file “orders.lwm” opened on its own');
    expect(w.find('[data-testid="locate-data"]').exists()).toBe(false);
  });
});
