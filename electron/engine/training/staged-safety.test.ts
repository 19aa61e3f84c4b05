/**
 * Layer-by-layer training is as safe as a whole run: a stage whose memory estimate is over
 * the engine's budget (a layer, a retrained layer, a top RBM, any candidate of "Suggest a
 * size") is refused before it makes a tensor, naming the setting to lower; a stage that
 * diverges (a layer, fine-tuning) fails with `engine.diverged` and leaks nothing.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import type { LayerStack } from '../model/params.js';
import { config, data, layer } from '../test/small-data.js';
import { settingsOf } from './layerwise.js';
import { estimateLayerMemory, estimateTopMemory, estimateTrainingMemory } from './memory.js';
import { finishModel, fineTuneModel, retrainLayer, trainNextLayer } from './staged.js';
import { suggestFirstLayer } from './suggest.js';

const settings = settingsOf(config([]));
/** A layer whose rich inference model alone needs more than the budget (4096 units, width 65,536). */
const heavy = layer(4096, 'aeries', { inferenceWidth: 65_536 });
let stack: LayerStack;

beforeAll(async () => {
  await initBackend();
  stack = (await trainNextLayer(data, null, layer(4, 'aeries'), { settings })).stack;
});

describe('memory check, stage by stage', () => {
  it("estimates a stage as the whole run's stage on top of the layers below", () => {
    const layers = [layer(4, 'aeries'), layer(3, 'aeries')];
    const whole = estimateTrainingMemory(config(layers, { topPrior: 'bernoulli' }), 9, 240);
    const second = estimateLayerMemory([layers[0]], layers[1], 9, 240);
    const first = estimateLayerMemory([], layers[0], 9, 240);
    expect(whole.bytes).toBe(Math.max(first.bytes, second.bytes));
    const top = { topPrior: 'rbm' as const, topHidden: 64 };
    expect(estimateTopMemory(layers, top, 9, 240).bytes).toBeLessThanOrEqual(
      estimateTrainingMemory(config(layers, top), 9, 240).bytes,
    );
    expect(estimateTopMemory(layers, { topPrior: 'table', topHidden: 1 }, 9, 240).bytes).toBe(9 * 240 * 4);
  });

  it('refuses a next layer, a retrained layer and a top RBM over the budget before any tensor is made', async () => {
    const before = tf.memory().numTensors;
    const refusal = { code: 'train.tooLarge', params: { setting: '@setting.inferenceWidth', value: 65_536 } };
    await expect(trainNextLayer(data, null, heavy, { settings })).rejects.toMatchObject(refusal);
    await expect(trainNextLayer(data, stack, heavy)).rejects.toMatchObject({ code: 'train.tooLarge' });
    await expect(retrainLayer(data, stack, 0, heavy)).rejects.toMatchObject(refusal);
    const top = { topPrior: 'rbm' as const, topHidden: 1e6, topEpochs: 1 };
    await expect(finishModel(data, stack, top)).rejects.toMatchObject({
      code: 'train.tooLarge',
      params: { setting: '@setting.topHidden' },
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses "Suggest a size" with a candidate over the budget before training any', async () => {
    const trained: number[] = [];
    const run = suggestFirstLayer(data, [layer(2, 'aeries'), heavy], {
      settings,
      onCandidate: (c) => trained.push(c.units),
    });
    await expect(run).rejects.toMatchObject({ code: 'train.tooLarge' });
    expect(trained).toEqual([]);
  });
});

describe('divergence, stage by stage', () => {
  it('a layer with a learning rate far too high fails with engine.diverged and leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const wild = layer(3, 'aeries', { learningRate: 1e308, epochs: 3 });
    await expect(trainNextLayer(data, stack, wild)).rejects.toMatchObject({ code: 'engine.diverged' });
    await expect(retrainLayer(data, stack, 0, wild)).rejects.toMatchObject({ code: 'engine.diverged' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('fine-tuning a finished model with a learning rate far too high fails with engine.diverged', async () => {
    const finished = await finishModel(data, stack, { topPrior: 'bernoulli', topHidden: 1, topEpochs: 0 });
    const before = tf.memory().numTensors;
    const wild = {
      ...finished,
      config: { ...finished.config, layers: [{ ...finished.config.layers[0], learningRate: 1e308 }] },
    };
    await expect(fineTuneModel(data, wild, 2)).rejects.toMatchObject({ code: 'engine.diverged' });
    expect(tf.memory().numTensors).toBe(before);
  });
});
