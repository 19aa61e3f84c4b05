/**
 * The project's questions and what follows them: "Save the current project first?" before
 * another file (Save, Don't save, Cancel), a model file the desktop was asked to open, the
 * offer to restore the last session, and a new file leaving nothing of the previous project.
 */
import { afterEach, describe, expect, it } from 'vitest';
import App from '../../App.vue';
import { wireEvents } from '../../events.js';
import { useAppStore } from '../../stores/app.js';
import { useExportsStore } from '../../stores/exports.js';
import { useProjectStore } from '../../stores/project.js';
import { useSamplesStore } from '../../stores/samples.js';
import { useTrainingStore } from '../../stores/training.js';
import { appInfo, datasetInfo, projectModel, projectState, source } from '../../test/fixtures.js';
import { fakeBackend, mountWith, settle, type Handler } from '../../test/fake.js';

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const trained = () =>
  projectState({
    id: 'old',
    source: source('sample-orders.csv'),
    importSource: { kind: 'sample' },
    data: datasetInfo(),
    dirty: true,
    unsaved: true,
    models: [projectModel('m1')],
    selected: 'm1',
  });

async function mountApp(handlers: Record<string, Handler>) {
  const backend = fakeBackend({ 'app.info': () => appInfo(), 'project.autosaved': () => [], ...handlers });
  const w = mountWith(App);
  wireEvents(backend.client);
  await useAppStore().init();
  await useProjectStore().start();
  await settle();
  return { backend, w };
}

/** The service's answers when another file is loaded: a new project of that file. */
function newFileBackend() {
  let state = trained();
  const penguins = { ...datasetInfo(), datasetId: 'd2', fileName: 'penguins.csv' };
  return {
    'project.state': () => state,
    'project.save': () => ({
      result: { saved: true, fileName: 'sample-orders.lwproj', path: null, downloadUrl: '/api/download/x' },
      project: { ...trained(), data: undefined, run: null, dirty: false, unsaved: false },
    }),
    'data.import': () => {
      state = projectState({
        id: 'new',
        name: 'penguins',
        source: source('penguins.csv'),
        importSource: { kind: 'file', fileId: 'f1' },
        data: penguins,
      });
      return penguins;
    },
  };
}

describe('loading another file', () => {
  it('asks to save first; Cancel keeps everything, Don’t save loads it and nothing of the first project remains', async () => {
    const { backend, w } = await mountApp(newFileBackend());
    // Work on the first project: rows shown, an export listed, another row count chosen.
    useSamplesStore().$patch({ count: 7, generated: { header: ['a'], rows: [['1']] } });
    useExportsStore().$patch((s) => {
      s.rows = 5;
      s.results = { samples: { saved: true, fileName: 'sample-orders-synthetic.csv', path: null, downloadUrl: null } };
    });
    expect(useTrainingStore().summary).not.toBeNull();

    await w.get('[data-testid="open-csv"]').trigger('click');
    await settle();
    expect(w.get('[data-testid="save-prompt"]').text()).toContain('Save the current project first?');
    await w.get('[data-testid="save-prompt-cancel"]').trigger('click');
    await settle();
    expect(w.find('[data-testid="save-prompt"]').exists()).toBe(false);
    expect(backend.inputsOf('data.import')).toHaveLength(0);

    await w.get('[data-testid="open-csv"]').trigger('click');
    await settle();
    await w.get('[data-testid="save-prompt-discard"]').trigger('click');
    await settle();
    expect(backend.inputsOf('data.import')).toEqual([{ source: { kind: 'file', fileId: 'f1' }, newProject: true }]);
    expect(w.get('[data-testid="project-name"]').text()).toBe('penguins');
    const training = useTrainingStore();
    expect([training.summary, training.layers, training.points, training.hasModel]).toEqual([null, [], [], false]);
    expect(useSamplesStore().generated).toBeNull();
    expect(useSamplesStore().count).toBe(50);
    expect(useExportsStore().results).toEqual({});
    expect(useExportsStore().rows).toBe(1000);
    expect(w.get('[data-testid="step-samples"]').attributes('disabled')).toBeDefined();
    expect(w.find('[data-testid="model-select"]').exists()).toBe(false);
  });

  it('saves first when asked, then loads the file', async () => {
    const { backend, w } = await mountApp(newFileBackend());
    await w.get('[data-testid="open-csv"]').trigger('click');
    await settle();
    await w.get('[data-testid="save-prompt-save"]').trigger('click');
    await settle();
    expect(backend.calls.map((c) => c.method).filter((m) => m === 'project.save' || m === 'data.import')).toEqual([
      'project.save',
      'data.import',
    ]);
  });
});

describe('a model file the desktop was asked to open', () => {
  it('opens as the project, after asking to save unsaved work; an unreadable one is explained', async () => {
    const opened = projectState({
      id: 'opened',
      name: 'orders',
      dataMissing: 'modelOnly',
      models: [projectModel('m9', { name: 'orders.lwm', origin: 'opened' })],
      selected: 'm9',
    });
    const { backend, w } = await mountApp({ 'project.state': trained, 'project.open': () => opened });
    const file = { fileId: 'f-1', name: 'orders.lwm', bytes: 2048 };
    backend.emit({ type: 'app.openFile', kind: 'model', name: 'orders.lwm', file, error: null });
    await settle();
    await w.get('[data-testid="save-prompt-discard"]').trigger('click');
    await settle();
    expect(backend.inputsOf('project.open')).toEqual([{ fileId: 'f-1' }]);
    expect(useAppStore().step).toBe('samples');
    expect(useProjectStore().selectedModel?.name).toBe('orders.lwm');

    const error = { code: 'readFailed', params: { path: 'gone.lwm', message: 'not found' } };
    backend.emit({ type: 'app.openFile', kind: 'model', name: 'gone.lwm', file: null, error });
    await settle();
    expect(w.get('[data-testid="error-banner"]').text()).toContain('Could not read gone.lwm');
  });
});

describe('the last session', () => {
  const offer = {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'orders',
    savedAt: '2026-12-01T10:00:00.000Z',
    models: 1,
  };

  it('is offered on start and restored with its model’s figures', async () => {
    const restored = projectState({
      id: 'r',
      source: source(),
      dataMissing: 'notFound',
      models: [projectModel('m1')],
      selected: 'm1',
    });
    const { backend, w } = await mountApp({
      'project.state': () => projectState(),
      'project.autosaved': () => [offer],
      'project.restore': () => restored,
    });
    expect(w.get('[data-testid="restore-prompt"]').text()).toContain('Restore your last session?');
    await w.get('[data-testid="restore-yes"]').trigger('click');
    await settle();
    expect(backend.inputsOf('project.restore')).toEqual([{ id: offer.id }]);
    expect(w.find('[data-testid="restore-prompt"]').exists()).toBe(false);
    expect(useTrainingStore().points).toHaveLength(2);
    expect(useTrainingStore().state).toBe('done');
  });

  it('can be discarded, or put off for this page', async () => {
    const { backend, w } = await mountApp({
      'project.state': () => projectState(),
      'project.autosaved': () => [offer],
      'project.forgetAutosave': () => ({ removed: true }),
    });
    await w.get('[data-testid="restore-later"]').trigger('click');
    expect(w.find('[data-testid="restore-prompt"]').exists()).toBe(false);
    await useProjectStore().offerRestore();
    expect(useProjectStore().restoreOffer).toBeNull();
    sessionStorage.clear();
    await useProjectStore().offerRestore();
    await settle();
    await w.get('[data-testid="restore-discard"]').trigger('click');
    await settle();
    expect(backend.inputsOf('project.forgetAutosave')).toEqual([{ id: offer.id }]);
  });
});
