/**
 * The reference rows grouped by their categories, so that the nearest-record search compares a
 * query with each distinct combination of categories once: blocks are visited by how many
 * categories differ (each differing category adds 1 to the sum), and the search stops at the
 * first block count that cannot beat the second-closest row found so far. Only the rows of the
 * blocks visited have their numbers compared. The same results as the brute force (`nearestTwo`).
 */
import { columnCount, type TypedRows } from './distance.js';
import type { Nearest } from './distance-search.js';

export interface BlockIndex {
  /** The reference rows reordered so that each block's rows are contiguous. */
  rows: TypedRows;
  /** Per block: its category codes (blocks × category columns), and its rows [start[b], start[b + 1]). */
  keys: Int32Array;
  start: Int32Array;
  /** The block of each combination of category codes (codes joined by commas). */
  lookup: Map<string, number>;
}

/** A row's category codes as one key. */
export const categoryKey = (r: TypedRows, i: number): string =>
  r.cats.subarray(i * r.catCols, (i + 1) * r.catCols).join(',');

export function blockIndex(reference: TypedRows): BlockIndex {
  const cc = reference.catCols;
  const byKey = new Map<string, number[]>();
  for (let j = 0; j < reference.rows; j++) {
    const key = categoryKey(reference, j);
    const list = byKey.get(key);
    if (list) list.push(j);
    else byKey.set(key, [j]);
  }
  const blocks = [...byKey.values()];
  const order = blocks.flat();
  const nc = reference.numCols;
  const rows: TypedRows = {
    rows: reference.rows,
    numCols: nc,
    catCols: cc,
    nums: new Float64Array(reference.rows * nc),
    cats: new Int32Array(reference.rows * cc),
  };
  order.forEach((j, k) => {
    rows.nums.set(reference.nums.subarray(j * nc, (j + 1) * nc), k * nc);
    rows.cats.set(reference.cats.subarray(j * cc, (j + 1) * cc), k * cc);
  });
  const keys = new Int32Array(blocks.length * cc);
  const start = new Int32Array(blocks.length + 1);
  blocks.forEach((b, i) => {
    keys.set(reference.cats.subarray(b[0] * cc, (b[0] + 1) * cc), i * cc);
    start[i + 1] = start[i] + b.length;
  });
  return { rows, keys, start, lookup: new Map([...byKey.keys()].map((k, b) => [k, b])) };
}

/** Fills `out` for the query rows [from, to): closest and second-closest distances to the indexed rows. */
export function nearestTwoIndexed(queries: TypedRows, index: BlockIndex, from: number, to: number, out: Nearest): void {
  const p = columnCount(queries);
  const cc = queries.catCols;
  const blocks = index.start.length - 1;
  const mismatch = new Int32Array(blocks);
  const byCount = new Int32Array(blocks);
  const countStart = new Int32Array(cc + 2);
  for (let i = from; i < to; i++) {
    const state = { best1: Infinity, best2: Infinity };
    // The rows with the same categories first: when the second closest is then nearer than one
    // differing category, no other block can do better.
    const same = index.lookup.get(categoryKey(queries, i));
    if (same !== undefined) scanBlock(queries, i, index, same, 0, state);
    if (state.best2 > 1) {
      // Blocks sorted by how many categories differ (a counting sort).
      countStart.fill(0);
      for (let b = 0; b < blocks; b++) {
        let m = 0;
        for (let k = 0, q = i * cc, key = b * cc; k < cc; k++) if (queries.cats[q + k] !== index.keys[key + k]) m++;
        mismatch[b] = m;
        countStart[m + 1]++;
      }
      for (let m = 0; m <= cc; m++) countStart[m + 1] += countStart[m];
      const fill = countStart.slice(0, cc + 1);
      for (let b = 0; b < blocks; b++) byCount[fill[mismatch[b]]++] = b;
      for (let at = 0; at < blocks; at++) {
        const b = byCount[at];
        if (mismatch[b] >= state.best2) break;
        if (b !== same) scanBlock(queries, i, index, b, mismatch[b], state);
      }
    }
    out.first[i] = state.best1 === Infinity ? NaN : state.best1 / p;
    out.second[i] = state.best2 === Infinity ? NaN : state.best2 / p;
  }
}

/** Compares query row `i` with the rows of block `b` (whose categories differ in `m` columns), updating the two best sums. */
function scanBlock(
  queries: TypedRows,
  i: number,
  index: BlockIndex,
  b: number,
  m: number,
  state: { best1: number; best2: number },
): void {
  const nc = queries.numCols;
  const qn = queries.nums;
  const { nums } = index.rows;
  const qi = i * nc;
  let { best1, best2 } = state;
  for (let j = index.start[b]; j < index.start[b + 1]; j++) {
    let s = m;
    for (let k = 0, rj = j * nc; k < nc && s < best2; k++) {
      const d = qn[qi + k] - nums[rj + k];
      s += d >= 1 || d <= -1 ? 1 : d < 0 ? -d : d;
    }
    if (s >= best2) continue;
    if (s < best1) {
      best2 = best1;
      best1 = s;
    } else best2 = s;
  }
  state.best1 = best1;
  state.best2 = best2;
}
