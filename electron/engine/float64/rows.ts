/**
 * Identical rows of encoded data grouped together (with their counts), so that exact
 * evaluation costs one pass per distinct row. Also the entropy H(D) of the empirical
 * distribution of the rows.
 */
import type { EncodedData } from '../../base/encoded-rows.js';

export interface DistinctRows {
  bits: number;
  /** distinct rows, row-major */
  data: Uint8Array;
  counts: Float64Array;
  total: number;
}

export function distinctRows(d: EncodedData): DistinctRows {
  const index = new Map<string, number>();
  const rows: number[] = [];
  const counts: number[] = [];
  for (let r = 0; r < d.rows; r++) {
    const key = String.fromCharCode(...d.data.subarray(r * d.bits, (r + 1) * d.bits));
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, counts.length);
      counts.push(1);
      rows.push(r);
    } else counts[at] += 1;
  }
  const data = new Uint8Array(rows.length * d.bits);
  rows.forEach((r, i) => data.set(d.data.subarray(r * d.bits, (r + 1) * d.bits), i * d.bits));
  return { bits: d.bits, data, counts: Float64Array.from(counts), total: d.rows };
}

/** H(D) in nats: entropy of the empirical distribution of the rows. */
export function empiricalEntropy(d: EncodedData): number {
  const { counts, total } = distinctRows(d);
  let h = 0;
  for (const c of counts) h -= (c / total) * Math.log(c / total);
  return h;
}
