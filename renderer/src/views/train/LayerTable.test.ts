/** The layer table: edits go to the training store's config, a method change moves a default learning rate, locked while a run is on. */
import { describe, expect, it } from 'vitest';
import { trainConfig } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import { useTrainingStore } from '../../stores/training.js';
import LayerTable from './LayerTable.vue';

function mountTable() {
  const w = mountWith(LayerTable);
  const training = useTrainingStore();
  training.config = trainConfig();
  return { w, training };
}

describe('LayerTable', () => {
  it('edits units and method in the config; a learning rate left at its default follows the method', async () => {
    const { w, training } = mountTable();
    await w.vm.$nextTick();
    await w.get('[data-testid="layer-units-1"]').setValue('12');
    await w.get('[data-testid="layer-method-0"]').setValue('rbm');
    expect(training.config?.layers.map((l) => [l.units, l.method, l.learningRate])).toEqual([
      [16, 'rbm', 0.05],
      [12, 'aeries', 0.01],
    ]);
    expect(w.get('[data-testid="layer-method-0"]').attributes('title')).toContain('restricted Boltzmann machines');
  });

  it('removes a layer but never the last one, and locks every field while training', async () => {
    const { w, training } = mountTable();
    await w.vm.$nextTick();
    await w.findAll('tbody button')[0].trigger('click');
    expect(training.config?.layers.map((l) => l.units)).toEqual([8]);
    expect(w.findAll('tbody button')).toHaveLength(0);
    training.state = 'running';
    await w.vm.$nextTick();
    expect(w.findAll('input, select').every((e) => (e.element as HTMLInputElement).disabled)).toBe(true);
  });
});
