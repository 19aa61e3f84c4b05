/**
 * Layer-wise training one stage at a time: the staged calls give the one-call model for the
 * same seed; the theorem check through the stages; retraining drops the layers above; the
 * headroom view; partial model files; progress, refusals, cancel and tensor leaks.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors.js';
import type { EpochProgress, LayerResult } from '../../../shared/domain/model.js';
import { initBackend } from '../backend.js';
import { headroom } from '../eval/headroom.js';
import { deserializeModel } from '../model/model-file.js';
import type { DeepModelParams, LayerStack } from '../model/params.js';
import { describeStack, serializeStack } from '../model/stack-file.js';
import { config, data, dataset, layer } from '../test/small-data.js';
import { settingsOf, topOf, train } from './layerwise.js';
import { finishModel, fineTuneModel, retrainLayer, trainNextLayer } from './staged.js';

beforeAll(async () => {
  await initBackend();
});

const values = (m: DeepModelParams) => [
  ...m.generative.flatMap((g) => [...g.weights.data, ...g.bias]),
  ...m.inference.flatMap((q) => q.layers.flatMap((l) => [...l.weights.data, ...l.bias])),
  ...(m.top.kind === 'rbm' ? [...m.top.weights.data, ...m.top.visibleBias] : []),
  ...(m.top.kind === 'table' ? [...m.top.logProbs] : []),
];
const withoutSeconds = (r: LayerResult) => ({ ...r, seconds: 0 });

async function stacked(layers: ReturnType<typeof layer>[], settings = settingsOf(config([]))): Promise<LayerStack> {
  let stack: LayerStack | null = null;
  for (const l of layers) stack = (await trainNextLayer(data, stack, l, { settings })).stack;
  return stack!;
}

describe('staged training', () => {
  it('gives the model of the one-call train for the same seed (layers, top RBM, fine-tuning)', async () => {
    const cfg = config([layer(5, 'aeries'), layer(3, 'blm-exact'), layer(2, 'rbm')], { fineTuneEpochs: 1 });
    const one = await train(data, cfg);
    const before = tf.memory().numTensors;
    const stack = await stacked(cfg.layers, settingsOf(cfg));
    const finished = await finishModel(data, stack, topOf(cfg));
    const tuned = await fineTuneModel(data, finished, cfg.fineTuneEpochs);
    expect(tf.memory().numTensors).toBe(before);
    expect(values(tuned.model)).toEqual(values(one.model));
    expect(tuned.config).toEqual(cfg);
    expect(tuned.summary.logLikelihood).toEqual(one.summary.logLikelihood);
    expect(tuned.summary.fineTune).toEqual(one.summary.fineTune);
    expect(tuned.summary.layers.map(withoutSeconds)).toEqual(one.summary.layers.map(withoutSeconds));
    // Fine-tuning is a step of its own: the log-likelihood before it is the finished model's.
    expect(tuned.summary.fineTune?.before).toEqual(finished.summary.logLikelihood.valid);
  });

  it('theorem check: one blm-exact layer finished with an exact table reaches its bound (1e-3)', async () => {
    const stack = await stacked([layer(5, 'blm-exact', { epochs: 3 })]);
    const { summary } = await finishModel(data, stack, { topPrior: 'table', topHidden: 4, topEpochs: 0 });
    const bound = summary.layers[0].modelBound!.train;
    expect(bound.exact && summary.logLikelihood.train.exact).toBe(true);
    expect(bound).toEqual(summary.layers[0].blmTrain);
    expect(Math.abs(summary.logLikelihood.train.value - bound.value)).toBeLessThan(1e-3);
    const view = headroom(summary);
    expect(view.complete).toBe(true);
    expect(Math.abs(view.gap!.train!.value)).toBeLessThan(1e-3);
  });

  it('retraining a layer drops the layers above it and says so', async () => {
    const stack = await stacked([layer(5, 'aeries'), layer(3, 'aeries'), layer(2, 'aeries')]);
    const again = await retrainLayer(data, stack, 1, layer(4, 'rbm'));
    expect(again.stack.layers.map((l) => [l.config.units, l.config.method])).toEqual([
      [5, 'aeries'],
      [4, 'rbm'],
    ]);
    expect(again.stack.layers[0]).toBe(stack.layers[0]);
    expect(again.result).toMatchObject({ layer: 1, units: 4, method: 'rbm' });
    expect(again.dropped.map((r) => [r.layer, r.units])).toEqual([[2, 2]]);
    // The same layer again with the same configuration is the same layer (its place fixes its random numbers).
    const same = await retrainLayer(data, stack, 1, layer(3, 'aeries'));
    expect([...same.stack.layers[1].gen.weights.data]).toEqual([...stack.layers[1].gen.weights.data]);
    await expect(retrainLayer(data, stack, 3, layer(2, 'ae'))).rejects.toMatchObject({ code: 'engine.noSuchLayer' });
  });

  it('gives a headroom view: the bound of the model so far shrinks layer by layer, the model reaches below it', async () => {
    const stack = await stacked([layer(6, 'blm-exact', { epochs: 3 }), layer(3, 'blm-exact', { epochs: 3 })]);
    const partial = headroom(stack);
    expect(partial).toMatchObject({ complete: false, reached: null, gap: null });
    const [first, second] = partial.layers;
    expect(first.gain).toEqual({ train: 0, valid: 0 });
    expect(first.bound!.train.exact && second.bound!.train.exact).toBe(true);
    expect(second.gain.train!).toBeLessThanOrEqual(1e-9);
    expect(second.gain.train).toBeCloseTo(second.bound!.train.value - first.bound!.train.value, 12);
    // The layer's own bound is on its input codes, not on the rows.
    expect(second.ownBound.train).toEqual(stack.layers[1].result.blmTrain);
    const { summary } = await finishModel(data, stack, { topPrior: 'table', topHidden: 4, topEpochs: 0 });
    const full = headroom(summary);
    expect(full.gap!.train!.exact).toBe(true);
    // loglik <= U exactly; the bound's EM stops at a 1e-7 improvement per step: 1e-4 of slack.
    expect(full.gap!.train!.value).toBeGreaterThanOrEqual(-1e-4);
    expect(full.reached!.train).toEqual(summary.logLikelihood.train);
  });

  it('keeps a stack in a partial model file and continues it as if it had never left', async () => {
    const stack = await stacked([layer(4, 'blm-exact'), layer(3, 'aeries')]);
    const bytes = serializeStack(stack, { ...describeStack(stack, '9.9.9'), extra: 'kept' });
    const file = deserializeModel(bytes);
    if (file.complete) throw new Error('a stack reads back as a complete model');
    expect(file.manifest.formatVersion).toBe(2);
    expect(file.manifest.extra).toBe('kept');
    expect(file.stack).toEqual(stack);
    expect(file.stack.layers[0].encoderLogPrior).toHaveLength(16);
    const next = layer(2, 'aeries');
    const a = await trainNextLayer(data, stack, next);
    const b = await trainNextLayer(data, file.stack, next);
    expect([...b.stack.layers[2].gen.weights.data]).toEqual([...a.stack.layers[2].gen.weights.data]);
  });

  it('reports progress per stage, refuses other rows, cancels without leaking tensors', async () => {
    const progress: EpochProgress[] = [];
    const first = await trainNextLayer(data, null, layer(4, 'aeries'), {
      settings: settingsOf(config([])),
      onProgress: (p) => progress.push(p),
    });
    const top = { topPrior: 'rbm' as const, topHidden: 3, topEpochs: 2 };
    await finishModel(data, first.stack, top, { onProgress: (p) => progress.push(p) });
    expect(progress.map((p) => [p.stage, p.layer, p.layers, p.epoch])).toEqual([
      ['layer', 0, 1, 1],
      ['layer', 0, 1, 2],
      ['top', 0, 1, 1],
      ['top', 0, 1, 2],
    ]);
    const other = dataset(240, 2);
    await expect(trainNextLayer(other, first.stack, layer(2, 'aeries'))).rejects.toMatchObject({
      code: 'engine.otherRows',
    });
    const controller = new AbortController();
    let seen = 0;
    const before = tf.memory().numTensors;
    const cancelled = trainNextLayer(data, first.stack, layer(3, 'aeries', { epochs: 5 }), {
      signal: controller.signal,
      isPaused: () => {
        if (++seen === 3) controller.abort();
        return false;
      },
    });
    await expect(cancelled).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'cancelled');
    expect(tf.memory().numTensors).toBe(before);
  });
});
