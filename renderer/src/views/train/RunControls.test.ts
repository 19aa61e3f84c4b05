/**
 * The run buttons: Train when idle (held back, saying why, while a setting is refused), pause
 * and cancel while running, resume and cancel when paused; after a finished run, refitting on
 * every row, which applies the subset again with nothing held back and trains as the run did.
 */
import { describe, expect, it } from 'vitest';
import type { SubsetSpec } from '../../../../shared/domain/data.js';
import type { TrainConfig } from '../../../../shared/domain/model.js';
import { layerResult, subsetInfo, trainConfig } from '../../test/fixtures.js';
import { fakeBackend, mountWith, settle } from '../../test/fake.js';
import { useStagedStore } from '../../stores/staged.js';
import { useTrainingStore } from '../../stores/training.js';
import RunControls from './RunControls.vue';

describe('RunControls', () => {
  it('offers the buttons that fit the run state', async () => {
    const w = mountWith(RunControls);
    const training = useTrainingStore();
    const shown = () => w.findAll('button').map((b) => b.attributes('data-testid'));
    expect(shown()).toEqual(['start-training']);
    training.state = 'running';
    await w.vm.$nextTick();
    expect(shown()).toEqual(['pause-training', 'cancel-training']);
    training.state = 'paused';
    await w.vm.$nextTick();
    expect(shown()).toEqual(['resume-training', 'cancel-training']);
    training.state = 'cancelled';
    await w.vm.$nextTick();
    expect(shown()).toEqual(['start-training']);
  });

  it('holds Train back while a setting is refused (saying so) or a stage of layer-by-layer training runs', async () => {
    const w = mountWith(RunControls);
    const training = useTrainingStore();
    training.config = trainConfig();
    await w.vm.$nextTick();
    expect(w.get('[data-testid="start-training"]').attributes('disabled')).toBeUndefined();
    useStagedStore().run = {
      runId: 's',
      kind: 'layer',
      layer: 0,
      state: 'running',
      progress: null,
      candidates: [],
      modelId: null,
      stackId: null,
    };
    await w.vm.$nextTick();
    expect(w.get('[data-testid="start-training"]').attributes('disabled')).toBeDefined();
    useStagedStore().run = null;
    training.config.layers[0].units = 0;
    await w.vm.$nextTick();
    const start = w.get('[data-testid="start-training"]');
    expect(start.attributes('disabled')).toBeDefined();
    const fix = w.get('[data-testid="fix-first"]');
    expect(fix.text()).toBe('Correct the settings marked in red to train.');
    expect(start.attributes('aria-describedby')).toBe(fix.attributes('id'));
  });

  it('refits on every row: the subset again with nothing held back, each layer for the epochs it trained', async () => {
    const spec: SubsetSpec = {
      segments: { columns: [0], keep: [['East']] },
      sample: null,
      seed: 7,
      split: { train: 0.8, valid: 0.1, test: 0.1 },
    };
    const backend = fakeBackend({
      'subset.apply': (input) => ({ ...subsetInfo(input.spec as SubsetSpec), train: 80, valid: 0, test: 0 }),
      'train.start': () => ({ runId: 'refit-run' }),
    });
    const w = mountWith(RunControls);
    const training = useTrainingStore();
    training.config = trainConfig();
    training.state = 'done';
    training.runId = 'first-run';
    training.layers = [
      { ...layerResult(0), epochs: 6 },
      { ...layerResult(1), epochs: 4 },
    ];
    const { useSubsetStore } = await import('../../stores/subset.js');
    useSubsetStore().info = subsetInfo(spec);
    await w.vm.$nextTick();
    expect(w.get('[data-testid="refit-all"]').attributes('aria-describedby')).toBeDefined();
    await w.get('[data-testid="refit-all"]').trigger('click');
    await settle();
    expect(backend.inputsOf('subset.apply')).toEqual([{ spec: { ...spec, split: { train: 1, valid: 0, test: 0 } } }]);
    const [{ config }] = backend.inputsOf('train.start') as { config: TrainConfig }[];
    expect(config.validationFraction).toBe(0);
    expect(config.patience).toBe(0);
    expect(config.layers.map((l) => l.epochs)).toEqual([6, 4]);
    expect(training.rows).toBe(80);
    expect(training.state).toBe('running');
    expect(w.get('[data-testid="refitted"]').text()).toBe(
      'Refitted on all rows: the figures below are on training rows only.',
    );
  });
});
