/** Real rows to show beside generated ones: a seeded random pick from the training rows. */
import type { RowTable } from '../../shared/domain/data.js';
import { datasetRows, type Dataset } from '../data/index.js';
import { createRng, permutation } from '../base/random.js';

/** At most this many real rows are shown, whatever was generated. */
export const MAX_REAL_ROWS = 200;

export function pickRealRows(dataset: Dataset, rows: ArrayLike<number>, count: number, seed: number): RowTable {
  const n = Math.min(count, rows.length, MAX_REAL_ROWS);
  const order = permutation(rows.length, createRng(seed));
  const picked = Array.from(order.subarray(0, n), (i) => rows[i]).sort((a, b) => a - b);
  const header = datasetRows(dataset, 0, 1).header;
  return { header, rows: picked.map((r) => datasetRows(dataset, r, 1).rows[0] ?? []) };
}
