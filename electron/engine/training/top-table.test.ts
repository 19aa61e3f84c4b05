/**
 * A table top prior above several layers is fitted on many draws of the codes (METHOD.md §3):
 * almost all of its mass is on codes the training rows give, not on the smoothing floor that a
 * single draw per row spread over the 2^k states.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { train } from './layerwise.js';
import { config, data, layer } from '../test/small-data.js';

beforeAll(async () => {
  await initBackend();
});

describe('the table top prior above two layers', () => {
  it('keeps at most 2 % of its mass on the smoothing floor', async () => {
    const { model } = await train(
      data,
      config([layer(6, 'aeries', { epochs: 2 }), layer(12, 'aeries', { epochs: 2 })], { topPrior: 'table' }),
    );
    expect(model.top.kind).toBe('table');
    if (model.top.kind !== 'table') return;
    const p = Array.from(model.top.logProbs, Math.exp);
    const floor = Math.min(...p);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    // Every state keeps some mass (a table never rules a code out), but little of it in all.
    expect(floor).toBeGreaterThan(0);
    expect(floor * p.length).toBeLessThan(0.02);
  }, 60_000);
});
