/** The mixed-type distance and the nearest-record search on hand-computed rows. */
import { describe, expect, it } from 'vitest';
import type { RowTable } from '../../shared/domain/data.js';
import {
  MISSING_NUMBER,
  numberPart,
  partialSum,
  rowDistance,
  rowSpace,
  typedRows,
  type DistanceColumn,
} from './distance.js';
import { closeRowTest, emptyNearest, nearestInParts, nearestTwo } from './distance-search.js';
import { blockIndex, nearestTwoIndexed } from './distance-index.js';
import { createRng } from '../base/random.js';
import type { TypedRows } from './distance.js';

const columns: DistanceColumn[] = [
  { name: 'x', kind: 'number', parse: (c) => (c === '' ? NaN : Number(c)) },
  { name: 'c', kind: 'category', level: (c) => (c === '' ? null : c) },
];
const t = (rows: string[][]): RowTable => ({ header: ['c', 'x'], rows });
const training = t([
  ['a', '0'],
  ['b', '10'],
  ['a', '5'],
]);
const space = rowSpace(columns, training);
const T = typedRows(space, training);

describe('the mixed-type distance', () => {
  it('scales numbers by the training range, counts a differing category as 1 and averages', () => {
    const Q = typedRows(space, t([['a', '2']]));
    expect(rowDistance(Q, 0, T, 0)).toBeCloseTo(0.1, 12); // (0.2 + 0) / 2
    expect(rowDistance(Q, 0, T, 1)).toBeCloseTo(0.9, 12); // (0.8 + 1) / 2
    expect(rowDistance(Q, 0, T, 2)).toBeCloseTo(0.15, 12); // (0.3 + 0) / 2
  });

  it('caps a number part at 1 and handles missing cells (both missing 0, one missing 1)', () => {
    expect(numberPart(0, 3)).toBe(1);
    expect(numberPart(MISSING_NUMBER, MISSING_NUMBER)).toBe(0);
    expect(numberPart(MISSING_NUMBER, 0.2)).toBe(1);
    const Q = typedRows(
      space,
      t([
        ['', ''],
        ['b', '30'],
      ]),
    );
    const M = typedRows(space, t([['', '']]));
    expect(rowDistance(Q, 0, M, 0)).toBe(0);
    expect(rowDistance(Q, 0, T, 0)).toBe(1);
    expect(rowDistance(Q, 1, T, 1)).toBe(0.5); // |30 − 10| / 10 capped at 1, same category: (1 + 0) / 2
    expect(rowDistance(Q, 1, T, 0)).toBe(1);
  });

  it('stops a sum once it passes the bound', () => {
    const Q = typedRows(space, t([['b', '0']]));
    expect(partialSum(Q, 0, T, 0)).toBe(1);
    expect(partialSum(Q, 0, T, 2, 0.5)).toBeGreaterThan(0.5);
  });
});

describe('the nearest training records', () => {
  it('finds the closest and second-closest distances', async () => {
    const Q = typedRows(
      space,
      t([
        ['a', '2'],
        ['b', '9'],
      ]),
    );
    const out = emptyNearest(2);
    nearestTwo(Q, T, 0, 2, out);
    expect(out.first[0]).toBeCloseTo(0.1, 12);
    expect(out.second[0]).toBeCloseTo(0.15, 12);
    expect(out.first[1]).toBeCloseTo(0.05, 12);
    expect(out.second[1]).toBeCloseTo(0.7, 12); // (0.4 + 1) / 2 to 'a',5; (0.9 + 1) / 2 to 'a',0
    const parts = await nearestInParts(Q, T, {}, 1);
    expect(Array.from(parts.second)).toEqual(Array.from(out.second));
  });

  it('stops between parts when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const Q = typedRows(space, t([['a', '2']]));
    await expect(nearestInParts(Q, T, { signal: controller.signal })).rejects.toThrow('cancelled');
  });

  it('tells rows within a threshold of a training row, with and without the category index', () => {
    const Q = typedRows(
      space,
      t([
        ['a', '2'],
        ['b', '9'],
        ['b', '5'],
      ]),
    );
    const within = (threshold: number) => [0, 1, 2].map((i) => closeRowTest(T, threshold)(Q, i));
    expect(within(0.1)).toEqual([true, true, false]); // 0.1, 0.05, 0.25
    expect(within(0.09)).toEqual([false, true, false]);
    // 0.6 lets a category differ: every row is compared ('b',5 is 0.25 from 'b',10 and 0.5 from 'a',5)
    expect(within(0.6)).toEqual([true, true, true]);
    expect(within(0)).toEqual([false, false, false]);
  });
});

/** Seeded random typed rows: `cats` category columns of 3 levels (10 % missing), `nums` numbers on a coarse grid (ties) with missing ones. */
function randomRows(n: number, cats: number, nums: number, seed: number): TypedRows {
  const rng = createRng(seed);
  return {
    rows: n,
    catCols: cats,
    numCols: nums,
    cats: Int32Array.from({ length: n * cats }, () => (rng.next() < 0.1 ? -1 : rng.int(3))),
    nums: Float64Array.from({ length: n * nums }, () => (rng.next() < 0.1 ? MISSING_NUMBER : rng.int(5) / 4)),
  };
}

describe('the search through category blocks', () => {
  it('finds exactly what the brute force finds', () => {
    for (const [cats, nums] of [
      [3, 2],
      [0, 3],
      [4, 0],
    ]) {
      const reference = randomRows(300, cats, nums, 1 + cats);
      const queries = randomRows(120, cats, nums, 9 + nums);
      const brute = emptyNearest(120);
      const indexed = emptyNearest(120);
      nearestTwo(queries, reference, 0, 120, brute);
      nearestTwoIndexed(queries, blockIndex(reference), 0, 120, indexed);
      expect(Array.from(indexed.first)).toEqual(Array.from(brute.first));
      expect(Array.from(indexed.second)).toEqual(Array.from(brute.second));
    }
  });
});

describe('rows within a threshold of a training row', () => {
  it('are those whose closest training row is that close, with or without the category index', () => {
    const reference = randomRows(300, 3, 2, 4);
    const queries = randomRows(150, 3, 2, 5);
    const brute = emptyNearest(150);
    nearestTwo(queries, reference, 0, 150, brute);
    for (const threshold of [0, 0.05, 0.15, 0.3, 0.45]) {
      const close = closeRowTest(reference, threshold);
      const found = Array.from({ length: 150 }, (_, i) => close(queries, i));
      expect(found).toEqual(Array.from(brute.first, (d) => d <= threshold + 1e-12));
    }
  });
});
