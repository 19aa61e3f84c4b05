/**
 * The status line: the state pill, a progress bar with its value, the stage of the current
 * epoch, the time left once the pace is known, "computing the bound" or "evaluating the model"
 * between epochs, and nothing of a run's progress once it has ended.
 */
import { describe, expect, it } from 'vitest';
import type { EpochProgress } from '../../../../shared/domain/model.js';
import { layerResult, trainConfig } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import { runStages } from '../../../../shared/domain/train-cost.js';
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
    expect(w.find('[role="progressbar"]').exists()).toBe(false);
  });

  it('names the stage and gives epoch, criterion, speed and time left', async () => {
    const w = mountWith(TrainProgress, { props: { state: 'running', progress: progress({}), layers: [] } });
    expect(w.get('.muted').text()).toBe('Layer 1 of 2 · epoch 2/5 · criterion -17.250 · 1,235 rows/s · 1 h 2 min left');
    // The first epoch also pays for the warm-up: no time left from it.
    await w.setProps({ progress: progress({ epoch: 1 }) });
    expect(w.get('.muted').text()).toMatch(/epoch 1\/5 .* estimating the time left…$/);
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

describe('TrainProgress bar', () => {
  it('is a labelled progressbar whose value follows the epochs, weighed by the cost of each stage', async () => {
    const config = trainConfig();
    const w = mountWith(TrainProgress, {
      props: { state: 'running', progress: null, layers: [], config, bits: 40 },
    });
    const bar = () => w.get('[role="progressbar"]');
    expect(bar().attributes('aria-label')).toBe('Training progress');
    expect(bar().attributes('aria-valuemin')).toBe('0');
    expect(bar().attributes('aria-valuemax')).toBe('100');
    expect(bar().attributes('aria-valuenow')).toBe('0');
    expect(w.get('.muted').text()).toBe('estimating the time left…');
    // Each stage counts for its work: here the second layer (8 units, its criterion computed
    // exactly over 256 codes) costs more per row than the first.
    const work = runStages(config, 40).map((s) => s.epochs * s.workPerRow);
    const first = (100 * work[0]) / work.reduce((a, b) => a + b, 0);
    await w.setProps({ progress: progress({ epoch: 5, epochs: 10 }) });
    const half = Number(bar().attributes('aria-valuenow'));
    expect(half).toBe(Math.round(first / 2));
    expect(bar().attributes('aria-valuetext')).toBe(`${half} % done`);
    await w.setProps({ progress: progress({ epoch: 10, epochs: 10 }) });
    expect(bar().attributes('aria-valuenow')).toBe(String(Math.round(first)));
    expect(first).toBeLessThan(50);
    await w.setProps({ progress: progress({ layer: 1, epoch: 10, epochs: 10 }) });
    expect(Number(bar().attributes('aria-valuenow'))).toBeGreaterThan(70);
    await w.setProps({ state: 'done' });
    expect(bar().attributes('aria-valuenow')).toBe('100');
  });

  it('clears the time left when the run is cancelled or done', async () => {
    const w = mountWith(TrainProgress, { props: { state: 'running', progress: progress({}), layers: [] } });
    expect(w.get('.muted').text()).toContain('1 h 2 min left');
    await w.setProps({ state: 'cancelled' });
    expect(w.get('.muted').text()).toBe('');
    expect(w.find('[role="progressbar"]').exists()).toBe(false);
    await w.setProps({ state: 'done' });
    expect(w.get('.muted').text()).toBe('');
  });

  it('says the model is being evaluated after the last stage', async () => {
    const w = mountWith(TrainProgress, {
      props: { state: 'running', progress: progress({ stage: 'top', layer: 1, epoch: 5 }), layers: [] },
    });
    expect(w.get('.muted').text()).toMatch(/evaluating the model…$/);
    // A table top prior has no epochs: once every layer is done, the model is evaluated.
    await w.setProps({ progress: progress({ layer: 1, epoch: 5 }), layers: [layerResult(0), layerResult(1)] });
    expect(w.get('.muted').text()).toMatch(/evaluating the model…$/);
  });
});
