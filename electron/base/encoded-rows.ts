/**
 * Encoded rows as the engine sees them: a dense row-major matrix of 0/1 bits, split into
 * groups (Bernoulli bits and one-hot softmax groups). The data layer produces it from CSV
 * rows; the engine trains on it and samples new ones.
 */
import type { GroupSpec } from '../../shared/domain/model.js';

export interface EncodedData {
  groups: GroupSpec[];
  rows: number;
  /** Bits per row = groupBits(groups). */
  bits: number;
  /** rows * bits values, each 0 or 1; exactly one 1 per softmax group. */
  data: Uint8Array;
}

export function encodedData(groups: GroupSpec[], rows: number, data: Uint8Array): EncodedData {
  const bits = groupBits(groups);
  if (data.length !== rows * bits)
    throw new Error(`encodedData: ${data.length} values for ${rows} rows of ${bits} bits`);
  return { groups, rows, bits, data };
}

/** The rows at the given indices, as a new EncodedData. */
export function selectRows(d: EncodedData, indices: ArrayLike<number>): EncodedData {
  const out = new Uint8Array(indices.length * d.bits);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    out.set(d.data.subarray(r * d.bits, (r + 1) * d.bits), i * d.bits);
  }
  return { groups: d.groups, rows: indices.length, bits: d.bits, data: out };
}

/** Number of bits of a list of groups. */
export function groupBits(groups: readonly GroupSpec[]): number {
  let n = 0;
  for (const g of groups) n += g.kind === 'bernoulli' ? 1 : g.size;
  return n;
}

/** Start offset of each group in the bit vector. */
export function groupOffsets(groups: readonly GroupSpec[]): number[] {
  const out: number[] = [];
  let n = 0;
  for (const g of groups) {
    out.push(n);
    n += g.kind === 'bernoulli' ? 1 : g.size;
  }
  return out;
}
