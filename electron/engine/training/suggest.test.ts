/**
 * "Suggest a size": candidate sizes from the data's bits and rows, the recommendation rule,
 * the ranking on rows drawn from a known one-layer network (it prefers sizes near the true
 * one), the time budget (stop, rank what is done, list the rest) and cancel.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors.js';
import type { SizeCandidate } from '../../../shared/domain/staged.js';
import { initBackend } from '../backend.js';
import { bernoulliGroups, randomDeepModel, sampleModel } from '../eval/random-models.js';
import { createRng } from '../../base/random.js';
import { selectRows } from '../../base/encoded-rows.js';
import { layer } from '../test/small-data.js';
import { recommend } from './recommend.js';
import { candidateSizes, suggestFirstLayer } from './suggest.js';

beforeAll(async () => {
  await initBackend();
});

const settings = { seed: 3, validationFraction: 0, patience: 0 };

/** 900 rows of 20 bits from a sharp network with 6 hidden units (table prior): 600 to train, 300 to validate. */
function synthetic() {
  const truth = randomDeepModel(bernoulliGroups(20), [6], 'table', createRng(11), 3);
  const all = sampleModel(truth, 900, 12);
  const idx = (a: number, b: number) => Int32Array.from({ length: b - a }, (_, i) => a + i);
  return { train: selectRows(all, idx(0, 600)), valid: selectRows(all, idx(600, 900)) };
}

const cand = (units: number, value: number, se: number | null = null): SizeCandidate => ({
  units,
  method: 'aeries',
  bound: { value, exact: se === null, se },
  boundTrain: { value, exact: true, se: null },
  seconds: 1,
  rank: 1,
});

describe('candidate sizes', () => {
  it('spans bits/16 to bits/2 on a log scale, 5 sizes at most, capped by the rows', () => {
    expect(candidateSizes(32, 3000)).toEqual([2, 3, 6, 10, 16]);
    expect(candidateSizes(400, 50_000)).toEqual([25, 32, 40, 51, 64]);
    // 150 rows: at most 4·⌈log2 150⌉ = 32 units.
    expect(Math.max(...candidateSizes(400, 150))).toBe(32);
    expect(candidateSizes(4, 100)).toEqual([2]);
    for (const sizes of [candidateSizes(9, 240), candidateSizes(100, 1000)]) {
      expect(sizes.length).toBeGreaterThanOrEqual(1);
      expect(sizes.length).toBeLessThanOrEqual(6);
      expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    }
  });
});

describe('recommend', () => {
  it('takes the smallest size within the tolerance of the best bound', () => {
    const r = recommend([cand(12, -13.1), cand(10, -13.2), cand(16, -13.3), cand(4, -15), cand(2, -17)]);
    // Spread 3.9 nats, floor 5% of it = 0.195: 10 is within, 4 is not.
    expect(r?.units).toBe(10);
    expect(r?.reason).toMatchObject({ rule: 'smallest-within-tolerance', bestUnits: 12 });
    expect(r?.reason.shortfall).toBeCloseTo(0.1, 10);
  });

  it('widens the tolerance to one combined standard error of estimated bounds', () => {
    const estimated = [cand(16, -13.0, 0.3), cand(8, -13.35, 0.3), cand(2, -17, 0.3)];
    expect(recommend(estimated)?.units).toBe(8);
    const exact = [cand(16, -13.0), cand(8, -13.35), cand(2, -17)];
    expect(recommend(exact)?.units).toBe(16);
  });

  it('has nothing to recommend without candidates, and the only one when alone', () => {
    expect(recommend([])).toBeNull();
    expect(recommend([cand(5, -3)])?.reason.rule).toBe('only-candidate');
  });
});

describe('suggestFirstLayer', () => {
  it('ranks sizes by their validation bound and prefers sizes near the true one (6)', async () => {
    const { train, valid } = synthetic();
    const candidates = [2, 3, 6, 9].map((k) => layer(k, 'aeries', { epochs: 8, batchSize: 64 }));
    const seen: number[] = [];
    const s = await suggestFirstLayer(train, candidates, {
      validation: valid,
      settings,
      budgetSeconds: Infinity,
      onCandidate: (c) => seen.push(c.units),
    });
    expect(seen).toEqual([2, 3, 6, 9]);
    expect(s.onValidation).toBe(true);
    expect(s.skipped).toEqual([]);
    expect(s.ranking.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
    const values = s.ranking.map((c) => c.bound.value);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    // Too small a layer loses much; the recommendation is the true size or the next one.
    expect(s.ranking[s.ranking.length - 1].units).toBe(2);
    expect([6, 9]).toContain(s.recommended?.units);
  });

  it('stops at the time budget, ranks what is done and lists the rest; leaks no tensors', async () => {
    const { train, valid } = synthetic();
    const before = tf.memory().numTensors;
    const candidates = [2, 3, 4].map((k) => layer(k, 'aeries', { epochs: 400, batchSize: 16 }));
    const s = await suggestFirstLayer(train, candidates, { validation: valid, settings, budgetSeconds: 0.5 });
    expect(s.ranking.length + s.skipped.length).toBe(3);
    expect(s.skipped.length).toBeGreaterThanOrEqual(1);
    expect(s.seconds).toBeLessThan(30);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('cancels with AppError("cancelled"), not as a budget stop', async () => {
    const { train } = synthetic();
    const controller = new AbortController();
    let batches = 0;
    const run = suggestFirstLayer(train, [layer(3, 'aeries', { epochs: 50 })], {
      settings: { ...settings, validationFraction: 0.2 },
      signal: controller.signal,
      isPaused: () => {
        if (++batches === 3) controller.abort();
        return false;
      },
    });
    await expect(run).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === 'cancelled');
  });
});
