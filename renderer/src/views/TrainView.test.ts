/**
 * The Train screen: defaults loaded and what the run will do said before it (rows held back,
 * about how long), epochs sent with the config, chart points from events, pause/resume/cancel,
 * results; a refused setting caught in the form; a refused start that keeps what is shown; the
 * finished notice that brings the results into view; announcements for screen readers.
 */
import { describe, expect, it } from 'vitest';
import type { TrainConfig } from '../../../shared/domain/model.js';
import { AppError } from '../../../shared/domain/errors.js';
import { useAppStore } from '../stores/app.js';
import { useTrainingStore } from '../stores/training.js';
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

async function mountTrain(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({
    'train.defaults': () => ({ config: trainConfig(), bits: 40, rows: 900, valid: 100, test: 100 }),
    'train.start': () => ({ runId: 'run-1' }),
    'train.pause': () => ({ state: 'paused' }),
    'train.resume': () => ({ state: 'running' }),
    'train.cancel': () => ({ state: 'cancelled' }),
    ...handlers,
  });
  const w = mountWith(TrainView, { attachTo: document.body });
  wireEvents(backend.client);
  await settle();
  return { backend, w };
}

// Unmounted after each test, so no pending estimate of one test reaches the next one's backend.

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
    expect(w.get('[data-testid="training-status"]').text()).toContain('12 s left');

    expect(w.get('[data-testid="training-status"]').text()).not.toContain('computing the BLM bound');
    backend.emit(epoch(0, 5));
    await settle();
    expect(w.get('[data-testid="training-status"]').text()).toContain('computing the BLM bound of layer 1');
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

  it("keeps a run's events that come before the answer to its start, even its end", async () => {
    let backend: Awaited<ReturnType<typeof mountTrain>>['backend'] | null = null;
    const started = await mountTrain({
      'train.start': () => {
        // The socket is faster than the answer: two epochs, a layer and the end of the run come first.
        backend!.emit(epoch(0, 1));
        backend!.emit({ ...epoch(0, 1), runId: 'run-0' });
        backend!.emit(epoch(0, 2));
        backend!.emit({ type: 'train.layer', runId: 'run-1', result: layerResult(0) });
        backend!.emit({ type: 'train.state', runId: 'run-1', state: 'done', summary: summary(), error: null });
        return { runId: 'run-1' };
      },
    });
    backend = started.backend;
    const { w } = started;
    await w.get('[data-testid="start-training"]').trigger('click');
    await settle();
    expect(w.get('[data-testid="training-chart"]').attributes('data-points')).toBe('2');
    expect(w.get('[data-testid="training-status"]').attributes('data-state')).toBe('done');
    expect(w.get('[data-testid="layer-results"]').text()).toContain('-12.500 nats');
    // Nothing is held once the answer came: a later event of another run is not kept for the next start.
    backend.emit({ ...epoch(0, 3), runId: 'run-2' });
    expect(useTrainingStore().early).toEqual([]);
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

  it('says, before training, the rows held back and about how long it takes, with the settings folded away', async () => {
    const { backend, w } = await mountTrain({ 'train.estimate': () => ({ seconds: 83 }) });
    expect(w.get('[data-testid="rows-held-back"]').text()).toBe(
      'Training on 900 rows; 100 for validation and 100 for test are held back to check the model.',
    );
    expect(w.get('[data-testid="time-estimate"]').text()).toBe('Estimating how long it takes…');
    await new Promise((r) => setTimeout(r, 800));
    await settle();
    expect(backend.inputsOf('train.estimate')).toHaveLength(1);
    expect(w.get('[data-testid="time-estimate"]').text()).toBe('Takes about 1 min 20 s on this computer.');
    expect((w.get('[data-testid="customise"]').element as HTMLDetailsElement).open).toBe(false);
  });

  it('catches a refused setting in the form: says why, holds Train back, keeps the results shown', async () => {
    const { backend, w } = await mountTrain();
    const training = useTrainingStore();
    training.state = 'done';
    training.layers = [layerResult(0)];
    training.summary = summary();
    await w.get('[data-testid="layer-units-0"]').setValue('0');
    expect(w.text()).toContain('Layer 1 · Units must be at least 1.');
    expect(w.text()).not.toContain('config.layers');
    const start = w.get('[data-testid="start-training"]');
    expect(start.attributes('disabled')).toBeDefined();
    await start.trigger('click');
    await settle();
    expect(backend.inputsOf('train.start')).toHaveLength(0);
    expect(w.get('[data-testid="training-status"]').attributes('data-state')).toBe('done');
    expect(w.find('[data-testid="layer-results"]').exists()).toBe(true);
  });

  it('keeps the shown results when the service refuses to start', async () => {
    const { w } = await mountTrain({
      'train.start': () => {
        throw new AppError('busy', { what: 'training' });
      },
    });
    const training = useTrainingStore();
    training.state = 'done';
    training.layers = [layerResult(0)];
    training.summary = summary();
    await w.get('[data-testid="start-training"]').trigger('click');
    await settle();
    expect(useAppStore().error).not.toBeNull();
    expect(w.get('[data-testid="training-status"]').attributes('data-state')).toBe('done');
    expect(w.get('[data-testid="loglik"]').text()).toContain('-12.900 nats');
  });

  it('announces the run, and when it finishes shows a notice and moves focus to the results', async () => {
    const { backend, w } = await mountTrain();
    await w.get('[data-testid="start-training"]').trigger('click');
    await settle();
    const announced = () => w.get('[data-testid="train-announcer"]').text();
    expect(announced()).toBe('Training started.');
    backend.emit(epoch(0, 2));
    backend.emit({ type: 'train.layer', runId: 'run-1', result: layerResult(0) });
    await settle();
    expect(announced()).toBe('Layer 1 trained.');
    expect(w.find('[data-testid="finished-notice"]').exists()).toBe(false);
    backend.emit({
      type: 'train.state',
      runId: 'run-1',
      state: 'done',
      summary: { ...summary(), seconds: 75 },
      error: null,
    });
    await settle();
    expect(announced()).toBe('Training finished in 1 min 15 s.');
    expect(w.get('[data-testid="finished-notice"]').text()).toContain(
      'Training finished in 1 min 15 s. The results are below.',
    );
    expect(document.activeElement).toBe(w.get('[data-testid="train-results"]').element);
    // Nothing of the run's progress stays once it is over.
    expect(w.get('[data-testid="training-progress-text"]').text()).toBe('');
  });

  it('clears the time left on cancel and says the previous results are kept', async () => {
    const { backend, w } = await mountTrain();
    await w.get('[data-testid="start-training"]').trigger('click');
    await settle();
    backend.emit({ ...epoch(0, 3), progress: { ...epoch(0, 3).progress, etaSeconds: 66 } });
    await settle();
    expect(w.get('[data-testid="training-status"]').text()).toContain('1 min 6 s left');
    backend.emit({ type: 'train.state', runId: 'run-1', state: 'cancelled', summary: null, error: null });
    await settle();
    expect(w.get('[data-testid="training-status"]').text()).not.toContain('left');
    expect(w.get('[data-testid="cancelled-note"]').text()).toBe('Training cancelled; the previous results are kept.');
    expect(w.get('[data-testid="train-announcer"]').text()).toBe('Training cancelled.');
  });

  it('sends the fine-tuning epochs chosen in the simple view', async () => {
    const { backend, w } = await mountTrain();
    const field = w.get('[data-testid="finetune-input"]');
    expect(w.get(`#${field.attributes('aria-describedby')}`).text()).toContain('adjust all layers together');
    await field.setValue('3');
    await w.get('[data-testid="start-training"]').trigger('click');
    await settle();
    const [{ config }] = backend.inputsOf('train.start') as { config: TrainConfig }[];
    expect(config.fineTuneEpochs).toBe(3);
  });
});
