/** The run buttons: start when idle, pause and cancel while running, resume and cancel when paused; adding a layer. */
import { describe, expect, it } from 'vitest';
import { trainConfig } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import { useTrainingStore } from '../../stores/training.js';
import RunControls from './RunControls.vue';

describe('RunControls', () => {
  it('offers the buttons that fit the run state', async () => {
    const w = mountWith(RunControls);
    const training = useTrainingStore();
    const shown = () => w.findAll('[data-testid]').map((b) => b.attributes('data-testid'));
    expect(shown()).toEqual(['start-training']);
    training.state = 'running';
    await w.vm.$nextTick();
    expect(shown()).toEqual(['pause-training', 'cancel-training']);
    training.state = 'paused';
    await w.vm.$nextTick();
    expect(shown()).toEqual(['resume-training', 'cancel-training']);
    training.state = 'done';
    await w.vm.$nextTick();
    expect(shown()).toEqual(['start-training']);
  });

  it('adds a layer half as wide as the last, but not while training', async () => {
    const w = mountWith(RunControls);
    const training = useTrainingStore();
    training.config = trainConfig();
    await w.get('button').trigger('click');
    expect(training.config.layers.map((l) => l.units)).toEqual([16, 8, 4]);
    training.state = 'paused';
    await w.vm.$nextTick();
    expect(w.get('button').attributes('disabled')).toBeDefined();
  });
});
