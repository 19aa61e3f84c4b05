/**
 * Nearest training records by brute force over typed arrays: for each query row, the
 * distances to its closest and second-closest reference rows (a pair's sum stops as soon as
 * it passes the current second best), a part of the query rows at a time so a caller can
 * yield, report progress and stop between parts; and a test of "some reference row within
 * distance t" indexed by the categories, for dropping generated rows too close to a real one.
 */
import { AppError } from '../../shared/domain/errors.js';
import { columnCount, partialSum, type TypedRows } from './distance.js';
import { blockIndex, categoryKey, nearestTwoIndexed } from './distance-index.js';

/** Closest and second-closest distances of query rows (NaN when the reference has too few rows). */
export interface Nearest {
  first: Float64Array;
  second: Float64Array;
}

export function emptyNearest(rows: number): Nearest {
  return { first: new Float64Array(rows).fill(NaN), second: new Float64Array(rows).fill(NaN) };
}

/** Fills `out` for the query rows [from, to) against every reference row. */
export function nearestTwo(queries: TypedRows, reference: TypedRows, from: number, to: number, out: Nearest): void {
  const p = columnCount(queries);
  for (let i = from; i < to; i++) {
    let best1 = Infinity;
    let best2 = Infinity;
    for (let j = 0; j < reference.rows; j++) {
      const s = partialSum(queries, i, reference, j, best2);
      if (s >= best2) continue;
      if (s < best1) {
        best2 = best1;
        best1 = s;
      } else best2 = s;
    }
    out.first[i] = best1 === Infinity ? NaN : best1 / p;
    out.second[i] = best2 === Infinity ? NaN : best2 / p;
  }
}

export interface SearchHooks {
  signal?: AbortSignal;
  /** Query rows done so far (of all the searches of one evidence run, counted by the caller). */
  onRows?: (rows: number) => void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * nearestTwo over all query rows (through the reference's category blocks, `distance-index.ts`),
 * `part` rows at a time with a turn of the event loop between.
 */
export async function nearestInParts(
  queries: TypedRows,
  reference: TypedRows,
  hooks: SearchHooks = {},
  part = 200,
): Promise<Nearest> {
  const out = emptyNearest(queries.rows);
  const index = blockIndex(reference);
  for (let from = 0; from < queries.rows; from += part) {
    await nextTurn();
    if (hooks.signal?.aborted) throw new AppError('cancelled');
    const to = Math.min(queries.rows, from + part);
    nearestTwoIndexed(queries, index, from, to, out);
    hooks.onRows?.(to - from);
  }
  return out;
}

/**
 * Whether a query row has a reference row at distance ≤ `threshold`, through the reference's
 * category blocks: when the threshold allows no category to differ (threshold × columns < 1),
 * only the block with the query's categories; otherwise the blocks whose categories differ in
 * few enough columns, each pair stopping once past the threshold.
 */
export function closeRowTest(reference: TypedRows, threshold: number): (queries: TypedRows, i: number) => boolean {
  const bound = threshold * columnCount(reference) + 1e-9;
  const index = blockIndex(reference);
  const blocks = index.start.length - 1;
  const cc = reference.catCols;
  const within = (queries: TypedRows, i: number, b: number): boolean => {
    for (let j = index.start[b]; j < index.start[b + 1]; j++)
      if (partialSum(queries, i, index.rows, j, bound) <= bound) return true;
    return false;
  };
  return (queries, i) => {
    if (bound < 1) {
      const same = index.lookup.get(categoryKey(queries, i));
      return same !== undefined && within(queries, i, same);
    }
    for (let b = 0; b < blocks; b++) {
      let m = 0;
      for (let k = 0; k < cc && m <= bound; k++) if (queries.cats[i * cc + k] !== index.keys[b * cc + k]) m++;
      if (m <= bound && within(queries, i, b)) return true;
    }
    return false;
  };
}
