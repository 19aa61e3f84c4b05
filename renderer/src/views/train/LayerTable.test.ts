/**
 * The layer table: edits go to the training store's config, a method change moves a default
 * learning rate, every field labelled and explained, refused values said in words, locked
 * while a run is on.
 */
import { describe, expect, it } from 'vitest';
import { trainConfig } from '../../test/fixtures.js';
import { mountWith } from '../../test/fake.js';
import { useTrainingStore } from '../../stores/training.js';
import LayerTable from './LayerTable.vue';
import { LIMITS } from '../../../../shared/domain/limits.js';

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
  });

  it("labels every field with its layer and ties it to its column's explanation", async () => {
    const { w } = mountTable();
    await w.vm.$nextTick();
    const units = w.get('[data-testid="layer-units-1"]');
    expect(units.attributes('aria-label')).toBe('Units of layer 2');
    expect(units.attributes('aria-describedby')).toBe('layer-help-units');
    expect(w.get('#layer-help-units').text()).toContain('on/off features');
    expect(w.findAll('input, select').every((e) => e.attributes('aria-label'))).toBe(true);
  });

  it('marks a refused value and says why in words, not a schema path', async () => {
    const { w, training } = mountTable();
    await w.vm.$nextTick();
    await w.get('[data-testid="layer-units-0"]').setValue('0');
    expect(training.config?.layers[0].units).toBe(0);
    const units = w.get('[data-testid="layer-units-0"]');
    expect(units.attributes('aria-invalid')).toBe('true');
    expect(units.attributes('aria-describedby')).toBe('layer-help-units layer-error-0-units');
    expect(w.get('#layer-error-0-units').text()).toBe('Layer 1 · Units must be at least 1.');
    await w.get('[data-testid="layer-learningRate-1"]').setValue('');
    expect(w.get('#layer-error-1-learningRate').text()).toBe('Layer 2 · Learning rate must be a number.');
    await w.get('[data-testid="layer-units-0"]').setValue('5000');
    expect(w.get('#layer-error-0-units').text()).toBe(`Layer 1 · Units must be at most ${LIMITS.units.max}.`);
  });

  it('keeps an empty inference width as "auto" and offers the RBM settings only to RBM layers', async () => {
    const { w, training } = mountTable();
    await w.vm.$nextTick();
    await w.get('[data-testid="layer-inferenceWidth-0"]').setValue('96');
    expect(training.config?.layers[0].inferenceWidth).toBe(96);
    await w.get('[data-testid="layer-inferenceWidth-0"]').setValue('');
    expect(training.config?.layers[0].inferenceWidth).toBeNull();
    expect(w.get('[data-testid="layer-cdK-0"]').attributes('disabled')).toBeDefined();
    await w.get('[data-testid="layer-method-0"]').setValue('rbm');
    expect(w.get('[data-testid="layer-cdK-0"]').attributes('disabled')).toBeUndefined();
  });

  it('adds a layer half as wide as the last, but not while training', async () => {
    const { w, training } = mountTable();
    await w.vm.$nextTick();
    const add = () => w.findAll('button').find((b) => b.text() === 'Add a layer')!;
    await add().trigger('click');
    expect(training.config?.layers.map((l) => l.units)).toEqual([16, 8, 4]);
    training.state = 'paused';
    await w.vm.$nextTick();
    expect(add().attributes('disabled')).toBeDefined();
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
