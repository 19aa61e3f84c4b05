/**
 * The layer-by-layer store: a page reloaded while a stage runs follows it from the project's
 * state (its progress, its end); another project leaves nothing of this one's stage or adopted
 * size; events of other runs are not its.
 */
import { describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { LayersState } from '../../../shared/domain/layer-by-layer.js';
import { fakeBackend } from '../test/fake.js';
import { useStagedStore } from './staged.js';

const state = (overrides: Partial<LayersState> = {}): LayersState => ({
  projectId: 'project-1',
  stack: null,
  suggestion: null,
  job: null,
  ...overrides,
});

describe('the layer-by-layer store', () => {
  it('follows the stage a reloaded page finds running, until it ends', async () => {
    setActivePinia(createPinia());
    fakeBackend({ 'train.stack': () => state({ job: { runId: 'stage-7', kind: 'finish', paused: true } }) });
    const staged = useStagedStore();
    await staged.load();
    expect(staged.run).toMatchObject({ runId: 'stage-7', kind: 'finish', state: 'paused' });
    expect(staged.busy).toBe(true);
    const progress = {
      layer: 0,
      layers: 1,
      stage: 'top',
      epoch: 2,
      epochs: 4,
      criterionTrain: -9,
      criterionValid: null,
      rowsPerSecond: 5,
      etaSeconds: 1,
    } as const;
    staged.onEvent({ type: 'train.epoch', runId: 'other-run', progress });
    expect(staged.run?.progress).toBeNull();
    staged.onEvent({ type: 'train.epoch', runId: 'stage-7', progress });
    expect(staged.run?.progress?.epoch).toBe(2);
    staged.onEvent({ type: 'train.state', runId: 'stage-7', state: 'done', summary: null, error: null });
    expect(staged.run).toMatchObject({ state: 'done', modelId: 'stage-7' });
    expect(staged.busy).toBe(false);
  });

  it('keeps nothing of another project’s stage or adopted size', () => {
    setActivePinia(createPinia());
    fakeBackend();
    const staged = useStagedStore();
    staged.setLayers(state({ job: { runId: 'stage-1', kind: 'layer', paused: false } }));
    staged.adopted = 12;
    staged.onEvent({ type: 'train.stackChanged', layers: state({ projectId: 'project-2' }) });
    expect(staged.run).toBeNull();
    expect(staged.adopted).toBeNull();
  });
});
