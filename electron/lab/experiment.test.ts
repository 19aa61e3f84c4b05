/** Experiments: the theorem check with the engine's training, the runner's rows and table, Spearman. */
import { describe, expect, it } from 'vitest';
import { train, exactBlm, logLikelihood } from '../engine/index.js';
import { deepSynthetic } from './datasets/index.js';
import { experimentConfig } from './configs.js';
import { runExperiment } from './experiment.js';
import { ranks, spearman } from './stats.js';

describe('experiments', () => {
  it('theorem: blm-exact on layer 1 with an exact table on top gives train log-likelihood = its BLM bound (1e-3)', async () => {
    const { data } = deepSynthetic({ seed: 3, rows: 300, sizes: [10, 4] });
    const config = experimentConfig('blm-exact', [4], { epochs: 5, batchSize: 64, samples: 8 }, 1);
    const { model } = await train(data, config, {});
    const ll = logLikelihood(model, data, { seed: 1 });
    expect(ll.exact).toBe(true);
    const u = exactBlm(model.generative[0], 4, data, { maxIterations: 20000, tolerance: 1e-12 }).value;
    expect(Math.abs(ll.value - u)).toBeLessThan(1e-3);
  }, 60000);

  it('the runner gives one row per method and seed, exact on deep-synthetic, and a table naming the stand-in and the ceiling', async () => {
    const report = await runExperiment({
      dataset: 'deep-synthetic',
      methods: ['aeries', 'rbm'],
      layers: [10, 4],
      seeds: 1,
      // the true model as "trained" model: the runner's evaluation is what is tested here
      trainFn: async (d) => ({ model: d.truth!, epochs: 0 }),
    });
    expect(report.rows).toHaveLength(2);
    const r = report.rows[0];
    expect(r.exact).toBe(true);
    expect(r.test.value).toBeCloseTo(report.ceiling!.value, 10);
    expect(r.boundTrain.value).toBeGreaterThanOrEqual(r.train.value - 1e-9);
    expect(report.markdown).toContain('stand-in');
    expect(report.markdown).toContain('Ceiling');
    expect(report.markdown).toContain('| aeries |');
  }, 60000);

  it('Spearman correlation: 1 for the same order, -1 reversed, ties averaged', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(ranks([5, 1, 5])).toEqual([2.5, 1, 2.5]);
  });
});
