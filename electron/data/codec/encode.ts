/**
 * Rows to bits, as the spec says: a number or date sets the bit of its coarse bin and the fine
 * bits of its rank inside it (a quantile code), or the bit of its bin or of its nearest value, a
 * level its own bit (or, in the compact level code, its group's bit and its place in the group)
 * or "other", a missing value the "missing" bit, a yes/no column
 * its one bit. Rows come from a dataset (typed values) or from a table of strings (another CSV
 * with the same columns, read with the spec's formats).
 */
import { DEFAULT_MISSING_TOKENS, type RowTable } from '../../../shared/domain/data.js';
import { AppError } from '../../../shared/domain/errors.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import type { Dataset } from '../dataset.js';
import { isMissing } from '../infer.js';
import { cellLevel, cellNumber } from '../typed.js';
import { levelCode, levelLayout } from './level-code.js';
import { positionOf } from './quantiles.js';
import { encodingGroups, groupSize, type ColumnEncoding, type EncodingSpec } from './spec.js';

function binOf(edges: number[], v: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

type CellReader = (row: number) => { number: number; level: string | null };

/** Writes the bits of one column of one row, given the row's value of that column. */
function encodeCell(
  c: ColumnEncoding,
  value: { number: number; level: string | null },
  out: Uint8Array,
  at: number,
  index: Map<string, number> | null,
): void {
  switch (c.kind) {
    case 'quantiles': {
      const thermometer = c.coarse === 'thermometer';
      const coarse = c.bins - (thermometer ? 1 : 0);
      if (Number.isNaN(value.number)) {
        if (thermometer) out[at + coarse] = c.missing ? 1 : 0;
        else out[at + (c.missing ? c.bins : 0)] = 1;
        return;
      }
      const fine = 2 ** c.fineBits;
      const position = positionOf(c.knots, c.bins * fine, value.number);
      const low = position % fine;
      const bin = Math.floor(position / fine);
      if (thermometer) for (let k = 0; k < bin; k++) out[at + k] = 1;
      else out[at + bin] = 1;
      // The rank inside the bin, most significant bit first.
      const first = at + coarse + (c.missing ? 1 : 0);
      for (let b = 0; b < c.fineBits; b++) out[first + b] = (low >> (c.fineBits - 1 - b)) & 1;
      return;
    }
    case 'bins': {
      if (Number.isNaN(value.number)) out[at + (c.missing ? c.edges.length - 1 : 0)] = 1;
      else out[at + binOf(c.edges, value.number)] = 1;
      return;
    }
    case 'values': {
      if (Number.isNaN(value.number)) {
        out[at + (c.missing ? c.values.length : 0)] = 1;
        return;
      }
      let best = 0;
      for (let i = 1; i < c.values.length; i++)
        if (Math.abs(c.values[i] - value.number) < Math.abs(c.values[best] - value.number)) best = i;
      out[at + best] = 1;
      return;
    }
    case 'levels': {
      const layout = levelLayout(c);
      const level = value.level === null ? undefined : index!.get(value.level);
      if (level === undefined) {
        // Missing, or a level not modelled ("other"); slot 0 when the column has no such slot.
        out[at + Math.max(0, value.level === null ? layout.missing : layout.other)] = 1;
        return;
      }
      const { slot, low } = levelCode(layout, level);
      out[at + slot] = 1;
      const first = at + layout.slots;
      for (let b = 0; b < layout.fineBits; b++) out[first + b] = (low >> (layout.fineBits - 1 - b)) & 1;
      return;
    }
    case 'flag':
      out[at] = value.level === c.trueToken ? 1 : 0;
      return;
    default:
      return;
  }
}

function encodeWith(spec: EncodingSpec, rows: number, readers: CellReader[]): EncodedData {
  const groups = encodingGroups(spec);
  const used = spec.columns.map((c, i) => ({ c, i, size: groupSize(c) })).filter((u) => u.size > 0);
  const bits = used.reduce((s, u) => s + u.size, 0);
  const data = new Uint8Array(rows * bits);
  const indexes = used.map((u) => (u.c.kind === 'levels' ? new Map(u.c.levels.map((l, i) => [l, i])) : null));
  for (let r = 0; r < rows; r++) {
    let at = r * bits;
    used.forEach((u, k) => {
      encodeCell(u.c, readers[u.i](r), data, at, indexes[k]);
      at += u.size;
    });
  }
  return { groups, rows, bits, data };
}

/** Readers of each spec column's values in rows `pick` of a dataset with the same columns. */
function datasetReaders(spec: EncodingSpec, ds: Dataset, pick: Int32Array): CellReader[] {
  return spec.columns.map((c) => {
    const typed = ds.typed[c.column];
    if (typed?.kind === 'number') return (r) => ({ number: typed.values[pick[r]], level: null });
    if (typed?.kind === 'level')
      return (r) => {
        const code = typed.codes[pick[r]];
        return { number: NaN, level: code < 0 ? null : typed.levels[code] };
      };
    return () => ({ number: NaN, level: null });
  });
}

/** Encodes rows of the dataset the spec was learnt on (or one with the same columns). */
export function encodeRows(spec: EncodingSpec, ds: Dataset, rows?: Int32Array): EncodedData {
  const pick = rows ?? Int32Array.from({ length: ds.info.rows }, (_, i) => i);
  return encodeWith(spec, pick.length, datasetReaders(spec, ds, pick));
}

/**
 * Encodes rows given as strings (another CSV with the same columns), read with the spec's
 * formats; cells equal to one of `missingTokens` (by default the import's) are missing.
 */
export function encodeTable(
  spec: EncodingSpec,
  table: RowTable,
  missingTokens: readonly string[] = DEFAULT_MISSING_TOKENS,
): EncodedData {
  const missing = new Set(missingTokens);
  const position = new Map(table.header.map((h, i) => [h, i]));
  const readers: CellReader[] = spec.columns.map((c) => {
    const at = position.get(c.name);
    if (groupSize(c) > 0 && at === undefined) throw new AppError('data.missingColumn', { column: c.name });
    if (at === undefined) return () => ({ number: NaN, level: null });
    return (r) => {
      const cell = table.rows[r][at] ?? '';
      if (isMissing(cell, missing)) return { number: NaN, level: null };
      if (c.kind === 'quantiles' || c.kind === 'bins' || c.kind === 'values')
        return { number: cellNumber(cell, c.type, c.format), level: null };
      if (c.kind === 'flag')
        return {
          number: NaN,
          level: cellLevel(cell, 'boolean', { boolean: { trueToken: c.trueToken, falseToken: c.falseToken } }),
        };
      return { number: NaN, level: cell.trim() };
    };
  });
  return encodeWith(spec, table.rows.length, readers);
}
