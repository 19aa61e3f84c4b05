/** The status line: the state pill, the stage of the current epoch, and "computing the bound" between a layer's last epoch and its result. */
import { describe, expect, it } from 'vitest';
import type { EpochProgress } from '../../../../shared/domain/model.js';
import { layerResult } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import TrainProgress from './TrainProgress.vue';

const progress = (p: Partial<EpochProgress>): EpochProgress => ({
  layer: 0,
  layers: 2,
  stage: 'layer',
  epoch: 2,
  epochs: 5,
  criterionTrain: -17.25,
  criterionValid: -18,
  rowsPerSecond: 1234.6,
  etaSeconds: 3725,
  ...p,
});

describe('TrainProgress', () => {
  it('shows the state and nothing else before the first epoch', () => {
    const w = mountWith(TrainProgress, { props: { state: 'idle', progress: null, layers: [] } });
    expect(w.attributes('data-state')).toBe('idle');
    expect(w.get('.pill').classes()).toContain('idle');
    expect(w.get('.pill').text()).toBe('Not started');
    expect(w.get('.muted').text()).toBe('');
  });

  it('names the stage and gives epoch, criterion, speed and time left', async () => {
    const w = mountWith(TrainProgress, { props: { state: 'running', progress: progress({}), layers: [] } });
    expect(w.get('.muted').text()).toBe('Layer 1 of 2 · epoch 2/5 · criterion -17.250 · 1,235 rows/s · 1 h 2 min left');
    await w.setProps({ progress: progress({ stage: 'top', etaSeconds: 5 }) });
    expect(w.get('.muted').text()).toMatch(/^Top prior · epoch 2\/5 .* 5 s left$/);
    await w.setProps({ progress: progress({ stage: 'finetune' }) });
    expect(w.get('.muted').text()).toMatch(/^Fine-tuning · /);
  });

  it("says the bound is being computed after a layer's last epoch, until its result arrives or the run pauses", async () => {
    const last = progress({ layer: 1, epoch: 5 });
    const w = mountWith(TrainProgress, { props: { state: 'running', progress: last, layers: [layerResult(0)] } });
    expect(w.get('.muted').text()).toContain('· computing the BLM bound of layer 2…');
    await w.setProps({ layers: [layerResult(0), layerResult(1)] });
    expect(w.get('.muted').text()).not.toContain('computing');
    await w.setProps({ layers: [layerResult(0)], state: 'paused' });
    expect(w.get('.muted').text()).not.toContain('computing');
  });
});
