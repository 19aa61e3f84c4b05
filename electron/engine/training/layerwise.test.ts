/**
 * The layer-wise driver and the epoch loop: no tensor leaks (one epoch of each method, a whole
 * run), seeded reproducibility, pause/resume and cancel between mini-batches, progress and
 * per-layer events, early stopping.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors.js';
import type { EpochProgress, LayerResult } from '../../../shared/domain/model.js';
import { trainAutoencoder } from '../methods/autoencoder.js';
import { initBackend } from '../backend.js';
import { trainBlmExact } from '../methods/blm-exact.js';
import { disposeRbm, trainRbm } from '../methods/rbm.js';
import { train } from './layerwise.js';
import { disposeVars, genVarList, infVarList } from '../tensor/variables.js';
import { config, data, layer, layerInput } from '../test/small-data.js';
import * as tf from '@tensorflow/tfjs';

beforeAll(async () => {
  await initBackend();
});

describe('no tensor leaks', () => {
  it('one epoch of each layer method leaves tf.memory().numTensors unchanged', async () => {
    // Warm-up so backend-level lazily created tensors do not count.
    tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)));
    for (const [method, k] of [
      ['aeries', 14],
      ['ae', 4],
      ['aeries', 4],
      ['rbm', 5],
      ['blm-exact', 4],
    ] as const) {
      const cfg = layer(k, method, { epochs: 1, criterion: method === 'ae' ? 'log-inside' : 'blm' });
      const before = tf.memory().numTensors;
      const { input, X } = layerInput(k, cfg);
      if (method === 'rbm') disposeRbm((await trainRbm(input)).rbm);
      else if (method === 'blm-exact') {
        const t = await trainBlmExact(input);
        disposeVars([...genVarList(t.gen), ...infVarList(t.inf)]);
        t.logPrior.dispose();
        t.states.dispose();
      } else {
        const t = await trainAutoencoder(input, method === 'aeries');
        disposeVars([...genVarList(t.gen), ...infVarList(t.inf)]);
      }
      X.dispose();
      expect({ method, tensors: tf.memory().numTensors }).toEqual({ method, tensors: before });
    }
  });

  it('a whole training run (two layers, top RBM, fine-tuning) leaves the count unchanged', async () => {
    const before = tf.memory().numTensors;
    await train(data, config([layer(5, 'aeries'), layer(3, 'rbm')], { fineTuneEpochs: 1, patience: 1 }));
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('train', () => {
  it('emits progress and per-layer results with BLM bounds, and a summary', async () => {
    const progress: EpochProgress[] = [];
    const layers: LayerResult[] = [];
    const { model, summary } = await train(
      data,
      config([layer(4, 'blm-exact'), layer(3, 'ae')], { topPrior: 'table' }),
      {
        onProgress: (p) => progress.push(p),
        onLayer: (r) => layers.push(r),
      },
    );
    expect(layers.map((r) => r.method)).toEqual(['blm-exact', 'ae']);
    expect(layers[0].blmTrain.exact).toBe(true);
    expect(layers[0].blmValid).not.toBeNull();
    // The bound is a log-likelihood ceiling: negative, at most 0, and above the crude uniform model.
    expect(layers[0].blmTrain.value).toBeLessThan(0);
    expect(layers[0].blmTrain.value).toBeGreaterThan(-6 * Math.log(2) - Math.log(3));
    expect(progress.filter((p) => p.stage === 'layer').map((p) => [p.layer, p.epoch])).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
    ]);
    expect(progress.every((p) => p.criterionValid !== null && p.rowsPerSecond > 0)).toBe(true);
    expect(model.sizes).toEqual([4, 3]);
    expect(model.top.kind).toBe('table');
    expect(summary.logLikelihood.train.exact).toBe(true);
    // loglik <= U_D (METHOD.md §6); the bound's EM stops at a 1e-6 improvement per step, so it
    // may sit slightly below the true maximum: 1e-4 of slack.
    expect(summary.logLikelihood.train.value).toBeLessThanOrEqual(layers[0].blmTrain.value + 1e-4);
  });

  it('theorem check: one blm-exact layer under an exact table has training log-likelihood = its BLM bound (1e-3)', async () => {
    const { summary } = await train(data, config([layer(5, 'blm-exact', { epochs: 3 })], { topPrior: 'table' }));
    expect(summary.logLikelihood.train.exact).toBe(true);
    expect(summary.layers[0].blmTrain.exact).toBe(true);
    expect(Math.abs(summary.logLikelihood.train.value - summary.layers[0].blmTrain.value)).toBeLessThan(1e-3);
  });

  it('is reproducible from a seed (identical parameters) and differs with another seed', async () => {
    const cfg = config([layer(17, 'aeries', { epochs: 1 }), layer(3, 'rbm', { epochs: 1 })], { topPrior: 'bernoulli' });
    const a = await train(data, cfg);
    const b = await train(data, cfg);
    const c = await train(data, { ...cfg, seed: 6 });
    expect(Array.from(b.model.generative[0].weights.data)).toEqual(Array.from(a.model.generative[0].weights.data));
    expect(Array.from(b.model.inference[1].layers[0].weights.data)).toEqual(
      Array.from(a.model.inference[1].layers[0].weights.data),
    );
    expect(Array.from(b.model.top.kind === 'bernoulli' ? b.model.top.logits : [])).toEqual(
      Array.from(a.model.top.kind === 'bernoulli' ? a.model.top.logits : []),
    );
    expect(Array.from(c.model.generative[0].weights.data)).not.toEqual(Array.from(a.model.generative[0].weights.data));
  });

  it('pauses and resumes between mini-batches, and cancels with AppError("cancelled")', async () => {
    let paused = false;
    let batches = 0;
    const cfg = config([layer(4, 'aeries', { epochs: 3, batchSize: 16 })], { topPrior: 'bernoulli' });
    const run = train(data, cfg, {
      isPaused: () => {
        batches++;
        return paused;
      },
    });
    // Pause once a few batches have run; the count must stop growing while paused.
    while (batches < 3) await new Promise((r) => setTimeout(r, 5));
    paused = true;
    await new Promise((r) => setTimeout(r, 120));
    const during = batches;
    await new Promise((r) => setTimeout(r, 200));
    // While paused, isPaused is polled every ~50 ms (a handful of calls, not a batch per call).
    expect(batches - during).toBeLessThan(8);
    paused = false;
    await run;

    const controller = new AbortController();
    let seen = 0;
    const before = tf.memory().numTensors;
    const cancelled = train(data, cfg, {
      isPaused: () => {
        if (++seen === 4) controller.abort();
        return false;
      },
      signal: controller.signal,
    });
    await expect(cancelled).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'cancelled');
    expect(seen).toBe(4);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('early stopping keeps the best parameters and stops after `patience` epochs without progress', async () => {
    const progress: EpochProgress[] = [];
    // A learning rate so high the validation criterion cannot keep improving.
    const cfg = config([layer(4, 'aeries', { epochs: 30, learningRate: 2 })], { topPrior: 'bernoulli', patience: 2 });
    const { summary } = await train(data, cfg, { onProgress: (p) => progress.push(p) });
    const epochs = progress.filter((p) => p.stage === 'layer');
    expect(epochs.length).toBeLessThan(30);
    expect(summary.layers[0].epochs).toBe(epochs.length);
  });
});
