/**
 * A run that cannot fit in the engine's memory is refused before it allocates anything, naming
 * the setting to lower; a run that diverges (a learning rate far too high) fails with
 * `engine.diverged` instead of giving a model of NaNs; neither leaks tensors.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../../shared/domain/model.js';
import { formatError } from '../../../shared/i18n/format.js';
import { encodedData } from '../../base/encoded-rows.js';
import { allBernoulli } from '../tensor/groups.js';
import { config, data, layer } from '../test/small-data.js';
import { train } from './layerwise.js';
import { checkTrainingMemory, ENGINE_MEMORY_BUDGET, estimateTrainingMemory } from './memory.js';

describe('memory check', () => {
  it('lets the defaults through, from small files to wide ones', () => {
    for (const [bits, rows] of [
      [9, 240],
      [150, 8000],
      [2000, 100_000],
    ])
      expect(() => checkTrainingMemory(defaultTrainConfig(bits, rows), bits, rows)).not.toThrow();
  });

  it('names the setting to lower when the estimate is over the budget', () => {
    const base = defaultTrainConfig(600, 50_000);
    const heavy = (over: object) => ({ ...base, layers: [{ ...base.layers[0], ...over }, base.layers[1]] });
    const refusal = (cfg: typeof base, bits = 600, rows = 50_000) => {
      try {
        checkTrainingMemory(cfg, bits, rows);
        return null;
      } catch (err) {
        return formatError(err, 'en');
      }
    };
    expect(refusal(heavy({ samples: 256, batchSize: 512 }))).toMatch(
      /^Training with these settings would need about \d+ MB of memory, more than the 2048 MB .* Lower "Samples per row \(S\) of layer 1" \(now 256\)/,
    );
    expect(refusal(heavy({ samples: 32, batchSize: 4096, units: 1024 }))).toMatch(
      /Lower "Batch size of layer 1" \(now 4096\)/,
    );
    expect(refusal(heavy({ units: 12, batchSize: 4096 }), 60_000, 1000)).toMatch(/Lower "Units of layer 1" \(now 12\)/);
    expect(refusal(base, 5000, 200_000)).toMatch(/Lower "Columns used/);
    expect(refusal({ ...base, layers: [{ ...base.layers[0], units: 1024 }], topHidden: 1024 }, 600, 50_000)).toBeNull();
    // The estimate grows with what it counts.
    const small = estimateTrainingMemory(base, 600, 50_000).bytes;
    expect(estimateTrainingMemory(heavy({ samples: 64 }), 600, 50_000).bytes).toBeGreaterThan(small);
    expect(estimateTrainingMemory(heavy({ inferenceWidth: 4096 }), 600, 50_000).bytes).toBeGreaterThan(small);
    expect(small).toBeLessThan(ENGINE_MEMORY_BUDGET / 4);
  });

  it('refuses such a run in train() before any tensor is made', async () => {
    const bits = 4000;
    const wide = encodedData(allBernoulli(bits), 100, new Uint8Array(100 * bits));
    const before = tf.memory().numTensors;
    const cfg = config([layer(1024, 'aeries', { samples: 256, batchSize: 4096, inferenceWidth: 4096 })]);
    await expect(train(wide, cfg)).rejects.toMatchObject({
      code: 'train.tooLarge',
      params: { setting: '@setting.samples', value: 256 },
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('divergence', () => {
  it.each(['aeries', 'rbm'] as const)(
    'a %s layer with a learning rate far too high fails with engine.diverged and leaks nothing',
    async (method) => {
      const before = tf.memory().numTensors;
      const run = train(
        data,
        config([layer(5, method, { learningRate: 1e308, epochs: 3 })], { topPrior: 'bernoulli' }),
      );
      await expect(run).rejects.toMatchObject({ code: 'engine.diverged' });
      expect(tf.memory().numTensors).toBe(before);
      expect(formatError(await run.catch((e: unknown) => e), 'en')).toBe(
        'Training diverged: the learning rate is probably too high. Lower it and try again. No model was kept from this run.',
      );
    },
  );

  it('a sensible learning rate trains to finite figures', async () => {
    const { summary } = await train(data, config([layer(5, 'aeries')], { topPrior: 'bernoulli' }));
    expect(Number.isFinite(summary.logLikelihood.train.value)).toBe(true);
  });
});
