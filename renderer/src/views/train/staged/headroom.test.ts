/** The headroom view from a model's figures: the bound so far per layer, what each layer added (layer 1: 0), the log-likelihood reached. */
import { describe, expect, it } from 'vitest';
import { summary } from '../../../test/fixtures.js';
import { fromSummary } from './headroom.js';
import { stackLayer } from './test-fixtures.js';

describe('fromSummary', () => {
  it('gives each layer’s bound so far, what it added and the log-likelihood reached', () => {
    const view = fromSummary({ ...summary(), layers: [stackLayer(0, 16, -10), stackLayer(1, 8, -10.75)] });
    expect(view.rows.map((r) => [r.boundTrain?.value, r.gainTrain, r.gainValid])).toEqual([
      [-10, 0, 0],
      [-10.75, -0.75, -0.75],
    ]);
    expect(view.reached?.train.value).toBe(-12.9);
  });

  it('leaves the figures of a model written before bounds so far were recorded empty', () => {
    const view = fromSummary(summary());
    expect(view.rows[0]).toMatchObject({ boundTrain: null, gainTrain: null });
  });
});
