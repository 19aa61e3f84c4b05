/** The Train screen: defaults loaded, epochs sent with the config, chart points from events, pause/resume/cancel, results. */
import { describe, expect, it } from 'vitest';
import type { TrainConfig } from '../../../shared/domain/model.js';
import { wireEvents } from '../events.js';
import { useProjectStore } from '../stores/project.js';
import { layerResult, projectState, summary, trainConfig } from '../test/fixtures.js';
import { fakeBackend, mountWith, settle, type Handler } from '../test/fake.js';
import TrainView from './TrainView.vue';

const epoch = (layer: number, n: number) => ({
  type: 'train.epoch',
  runId: 'run-1',
  progress: {
    layer,
    layers: 2,
    stage: 'layer',
    epoch: n,
    epochs: 5,
    criterionTrain: -20 + n,
    criterionValid: -21 + n,
    rowsPerSecond: 5000,
    etaSeconds: 12,
  },
});

async function mountTrain(more: Record<string, Handler> = {}) {
  const backend = fakeBackend({
    ...more,
    'train.defaults': () => ({ config: trainConfig(), bits: 40, rows: 900 }),
    'train.start': () => ({ runId: 'run-1' }),
    'train.pause': () => ({ state: 'paused' }),
    'train.resume': () => ({ state: 'running' }),
    'train.cancel': () => ({ state: 'cancelled' }),
  });
  const w = mountWith(TrainView);
  wireEvents(backend.client);
  await settle();
  return { backend, w };
}

describe('TrainView', () => {
  it('sends the default config with the chosen epochs for every layer', async () => {
    const { backend, w } = await mountTrain();
    expect(backend.inputsOf('train.defaults')).toHaveLength(1);
    expect(w.findAll('[data-testid^="layer-units-"]')).toHaveLength(2);
    await w.get('[data-testid="epochs-input"]').setValue('5');
    await w.get('[data-testid="start-training"]').trigger('click');
    await settle();
    const [{ config }] = backend.inputsOf('train.start') as { config: TrainConfig }[];
    expect(config.layers.map((l) => l.epochs)).toEqual([5, 5]);
    expect(config.layers.map((l) => l.units)).toEqual([16, 8]);
    expect(w.get('[data-testid="training-status"]').attributes('data-state')).toBe('running');
  });

  it("switching a layer's method moves a learning rate left at its default to the new method's default", async () => {
    const { backend, w } = await mountTrain();
    await w.get('[data-testid="layer-method-0"]').setValue('rbm');
    await w.get('[data-testid="layer-method-1"]').setValue('ae');
    await w.get('[data-testid="start-training"]').trigger('click');
    await settle();
    const [{ config }] = backend.inputsOf('train.start') as { config: TrainConfig }[];
    expect(config.layers.map((l) => l.method)).toEqual(['rbm', 'ae']);
    expect(config.layers.map((l) => l.learningRate)).toEqual([0.05, 0.01]);
  });

  it('adds chart points from events, ignores other runs, and shows layer results', async () => {
    const { backend, w } = await mountTrain();
    await w.get('[data-testid="start-training"]').trigger('click');
    await settle();
    const chart = () => w.get('[data-testid="training-chart"]').attributes('data-points');
    expect(chart()).toBe('0');
    backend.emit(epoch(0, 1));
    backend.emit(epoch(0, 2));
    backend.emit({ ...epoch(0, 3), runId: 'other-run' });
    backend.emit({ type: 'train.epoch', runId: 'run-1' });
    await settle();
    expect(chart()).toBe('2');
    expect(w.get('[data-testid="training-status"]').text()).toContain('Layer 1 of 2');

    expect(w.get('[data-testid="training-status"]').text()).not.toContain('computing the BLM bound');
    backend.emit(epoch(0, 5));
    await settle();
    expect(w.get('[data-testid="training-status"]').text()).toContain('computing the BLM bound of layer 1');
    expect(w.get('[data-testid="training-status"]').text()).toContain('12 s left');
    backend.emit({ type: 'train.layer', runId: 'run-1', result: layerResult(0) });
    await settle();
    expect(w.get('[data-testid="training-status"]').text()).not.toContain('computing the BLM bound');
    const results = w.get('[data-testid="layer-results"]').text();
    expect(results).toContain('-12.500 nats');
    expect(results).toContain('exact');
    expect(results).toContain('± 0.020');

    backend.emit({ type: 'train.state', runId: 'run-1', state: 'done', summary: summary(), error: null });
    await settle();
    expect(w.get('[data-testid="training-status"]').attributes('data-state')).toBe('done');
    expect(w.get('[data-testid="loglik"]').text()).toContain('-12.900 nats');
    expect(w.find('[data-testid="outside-coverage"]').exists()).toBe(false);

    // A later run on a subset: the rows left out, how many the model knows the values of, their log-likelihood.
    const outside = { rows: 2000, represented: 1500, logLikelihood: { value: -14.25, exact: false, se: 0.1 } };
    backend.emit({
      type: 'train.state',
      runId: 'run-1',
      state: 'done',
      summary: { ...summary(), outside },
      error: null,
    });
    await settle();
    const text = w.get('[data-testid="outside-coverage"]').text();
    expect(text).toContain('2,000 rows lie outside the subset; 75 % of them hold only values this model knows.');
    expect(text).toContain('Their log-likelihood: -14.250 nats');
  });

  it('pauses, resumes and cancels the current run', async () => {
    const { backend, w } = await mountTrain();
    await w.get('[data-testid="start-training"]').trigger('click');
    await settle();
    await w.get('[data-testid="pause-training"]').trigger('click');
    await settle();
    expect(backend.inputsOf('train.pause')).toEqual([{ runId: 'run-1' }]);
    backend.emit({ type: 'train.state', runId: 'run-1', state: 'paused', summary: null, error: null });
    await settle();
    expect(w.get('[data-testid="training-status"]').attributes('data-state')).toBe('paused');
    await w.get('[data-testid="resume-training"]').trigger('click');
    await settle();
    expect(backend.inputsOf('train.resume')).toEqual([{ runId: 'run-1' }]);
    await w.get('[data-testid="cancel-training"]').trigger('click');
    await settle();
    expect(backend.inputsOf('train.cancel')).toEqual([{ runId: 'run-1' }]);
    backend.emit({ type: 'train.state', runId: 'run-1', state: 'cancelled', summary: null, error: null });
    await settle();
    expect(w.get('[data-testid="training-status"]').attributes('data-state')).toBe('cancelled');
    expect(w.find('[data-testid="start-training"]').exists()).toBe(true);
  });

  it('finds the run started before the window was (re)loaded, with its points so far, and follows it', async () => {
    const run = {
      runId: 'run-1',
      state: 'running',
      config: trainConfig(),
      startedAt: '2026-12-01T10:00:00.000Z',
      points: [{ layer: 0, stage: 'layer', epoch: 1, train: -19, valid: -20 }],
      layers: [],
      progress: epoch(0, 1).progress,
      error: null,
      stale: null,
    };
    const { backend, w } = await mountTrain({ 'project.state': () => ({ ...projectState(), run }) });
    await useProjectStore().start();
    await settle();
    expect(w.get('[data-testid="training-status"]').attributes('data-state')).toBe('running');
    expect(w.get('[data-testid="training-chart"]').attributes('data-points')).toBe('1');
    backend.emit(epoch(0, 2));
    // A run this page does not know (another project's) is not followed.
    backend.emit({ ...epoch(0, 3), runId: 'run-of-another-project' });
    await settle();
    expect(w.get('[data-testid="training-chart"]').attributes('data-points')).toBe('2');
    await w.get('[data-testid="cancel-training"]').trigger('click');
    await settle();
    expect(backend.inputsOf('train.cancel')).toEqual([{ runId: 'run-1' }]);
  });
});
