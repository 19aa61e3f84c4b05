/**
 * The layer-by-layer panel: layer 1 first (with the form's size, method and epochs and the
 * run's seed and validation share); once the service says a layer is trained, its bound and
 * what it added, then add / retrain / finish with the top prior; the stage's progress with
 * pause and cancel; a refused size held back in words; out-of-date layers say what changed;
 * the headroom view of the stack, and of the model a finish made.
 */
import { describe, expect, it } from 'vitest';
import type { LayersState } from '../../../../../shared/domain/layer-by-layer.js';
import { wireEvents } from '../../../events.js';
import { useProjectStore } from '../../../stores/project.js';
import { useStagedStore } from '../../../stores/staged.js';
import { useTrainingStore } from '../../../stores/training.js';
import { projectModel, projectState, summary, trainConfig } from '../../../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../../../test/fake.js';
import StagedPanel from './StagedPanel.vue';
import { layersState, stackLayer } from './test-fixtures.js';

const empty: LayersState = { projectId: 'project-1', stack: null, suggestion: null, job: null };

function setup(state = empty) {
  const backend = fakeBackend({
    'train.stack': () => state,
    'train.layer': () => ({ runId: 'stage-1' }),
    'train.retrainLayer': () => ({ runId: 'stage-2' }),
    'train.finish': () => ({ runId: 'model-9' }),
    'train.pause': () => ({ state: 'paused' }),
    'train.cancel': () => ({ state: 'cancelled' }),
  });
  const w = mountWith(StagedPanel);
  wireEvents(backend.client);
  useTrainingStore().config = trainConfig();
  return { backend, w };
}

const testids = (w: ReturnType<typeof setup>['w']) =>
  w.findAll('.actions button').map((b) => b.attributes('data-testid'));

describe('StagedPanel', () => {
  it('trains layer 1 with the form’s settings and the run’s seed and validation share', async () => {
    const { backend, w } = setup();
    await settle();
    expect(w.text()).toContain('No layers trained yet.');
    expect(testids(w)).toEqual(['staged-first']);
    await w.get('[data-testid="staged-units"]').setValue('12');
    await w.get('[data-testid="staged-method"]').setValue('rbm');
    await w.get('[data-testid="staged-epochs"]').setValue('3');
    await w.get('[data-testid="staged-first"]').trigger('click');
    await settle();
    const [input] = backend.inputsOf('train.layer');
    expect(input).toMatchObject({
      layer: { units: 12, method: 'rbm', epochs: 3, learningRate: 0.05 },
      start: { seed: 1, validationFraction: 0.1, patience: 0 },
    });
    // Its progress, with pause and cancel, until it ends.
    backend.emit({ type: 'train.state', runId: 'stage-1', state: 'running', summary: null, error: null });
    backend.emit({
      type: 'train.epoch',
      runId: 'stage-1',
      progress: {
        layer: 0,
        layers: 1,
        stage: 'layer',
        epoch: 1,
        epochs: 3,
        criterionTrain: -12,
        criterionValid: null,
        rowsPerSecond: 100,
        etaSeconds: 2,
      },
    });
    await settle();
    const progress = w.get('[data-testid="stage-progress"]');
    expect(progress.text()).toContain('Training layer 1…');
    expect(progress.text()).toContain('epoch 1 of 3');
    expect(progress.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('33');
    await w.get('[data-testid="stage-cancel"]').trigger('click');
    await settle();
    expect(backend.inputsOf('train.cancel')).toEqual([{ runId: 'stage-1' }]);
    expect(w.get('[data-testid="staged-first"]').attributes('disabled')).toBeDefined();
    backend.emit({ type: 'train.state', runId: 'stage-1', state: 'done', summary: null, error: null });
    backend.emit({ type: 'train.stackChanged', layers: layersState([12]) });
    await settle();
    expect(w.find('[data-testid="stage-progress"]').exists()).toBe(false);
    expect(w.get('[data-testid="stage-status"]').text()).toBe('Layer 1 trained.');
    const row = w.get('[data-testid="stack-layers"] tbody tr');
    expect(row.text()).toContain('Layer 1');
    expect(row.text()).toContain('-10.500');
  });

  it('adds a layer, retrains the top one and finishes with the top prior chosen', async () => {
    const { backend, w } = setup(layersState([16, 8]));
    await settle();
    expect(testids(w)).toEqual(['staged-add', 'staged-retrain', 'staged-finish', 'staged-restart']);
    expect(w.get('[data-testid="staged-retrain"]').text()).toBe('Retrain layer 2');
    expect(w.text()).toContain('Fits the top prior chosen above (RBM)');
    // The next layer: the layer table has two layers, so the third is half of the second.
    expect((w.get('[data-testid="staged-units"]').element as HTMLInputElement).value).toBe('4');
    await w.get('[data-testid="staged-add"]').trigger('click');
    await settle();
    expect(backend.inputsOf('train.layer')[0]).toMatchObject({ layer: { units: 4 }, start: null });
    useStagedStore().run = null;
    await w.get('[data-testid="staged-units"]').setValue('6');
    await w.get('[data-testid="staged-retrain"]').trigger('click');
    await settle();
    expect(backend.inputsOf('train.retrainLayer')).toEqual([
      { index: 1, layer: expect.objectContaining({ units: 6 }) },
    ]);
    useStagedStore().run = null;
    await settle();
    await w.get('[data-testid="staged-finish"]').trigger('click');
    await settle();
    expect(backend.inputsOf('train.finish')).toEqual([{ top: { topPrior: 'rbm', topHidden: 8, topEpochs: 10 } }]);
  });

  it('holds a refused size back, saying why in words', async () => {
    const { backend, w } = setup();
    await settle();
    await w.get('[data-testid="staged-units"]').setValue('0');
    expect(w.get('[data-testid="field-error"]').text()).toBe('Units must be at least 1.');
    expect(w.get('[data-testid="staged-first"]').attributes('disabled')).toBeDefined();
    await w.get('[data-testid="staged-first"]').trigger('click');
    expect(backend.inputsOf('train.layer')).toEqual([]);
  });

  it('says what changed when the layers are out of date', async () => {
    const state = layersState([16], { stale: { changes: [{ what: 'subset', wasRows: 100, nowRows: 40 }] } });
    const { w } = setup(state);
    await settle();
    expect(w.get('[data-testid="stack-stale"]').text()).toContain('changed the subset (100 rows → 40 rows)');
  });

  it('shows the headroom of the layers so far, then of the model the finish made', async () => {
    const { backend, w } = setup(layersState([16, 8]));
    await settle();
    const headroom = w.get('[data-testid="headroom"]');
    expect(headroom.attributes('data-layers')).toBe('2');
    expect(headroom.attributes('data-complete')).toBe('false');
    expect(headroom.text()).toContain('0 or below by definition');
    await w.get('[data-testid="staged-finish"]').trigger('click');
    await settle();
    const finished = {
      ...summary(),
      layers: [stackLayer(0, 16, -10), stackLayer(1, 8, -10.4)],
      logLikelihood: { train: { value: -11, exact: true, se: null }, valid: null, test: null },
    };
    useProjectStore().apply(
      projectState({ models: [projectModel('model-9', { name: 'Model 2', summary: finished })] }),
    );
    backend.emit({ type: 'train.state', runId: 'model-9', state: 'done', summary: finished, error: null });
    await settle();
    expect(w.get('[data-testid="stage-status"]').text()).toBe('Finished: Model 2 is in the project.');
    const after = w.get('[data-testid="headroom"]');
    expect(after.attributes('data-complete')).toBe('true');
    expect(after.get('[data-testid="headroom-source"]').text()).toBe('The finished model “Model 2”.');
    expect(after.get('[data-testid="chart-table"]').text()).toContain('Log-likelihood reached');
  });
});
