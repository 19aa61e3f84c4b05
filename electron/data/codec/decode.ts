/**
 * Generated bits back to rows that look like the user's own: a quantile code becomes the value
 * at its rank under the column's own quantile function, on the column's grid and within its
 * range; a version-1 bin a value drawn inside it on the column's grid (whole days, seconds, its
 * decimals); each written in its format; a level its slot's (or, in the compact level code, the
 * one its group's slot and fine bits give); "other" a rarer level drawn by frequency
 * (`OTHER_TOKEN` for the share of rare values, never stored; versions 2 and 3 keep no level
 * behind "other"); "missing" the column's missing token;
 * identifiers fresh ids in their own pattern; constants their value. A calibrated quantile code
 * (`calibration.ts`) takes the rank at its generated rank's level first. Seeded.
 */
import type { ColumnFormat, ColumnType, RowTable } from '../../../shared/domain/data.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { createRng } from '../../base/random.js';
import { dateFormatter } from '../dates.js';
import { numberFormatter } from '../numbers.js';
import { levelAt, levelLayout } from './level-code.js';
import { valueAt } from './quantiles.js';
import { calibrated, positionReader, positionsOf } from './calibration.js';
import { groupSize, OTHER_TOKEN, type ColumnEncoding, type EncodingSpec } from './spec.js';

const DAY = 86_400_000;

/**
 * A value drawn uniformly inside the bin [lo, hi) — [lo, hi] for the last bin — on the
 * column's grid: whole days for dates, seconds for datetimes, its decimals for numbers.
 */
function drawInBin(lo: number, hi: number, last: boolean, type: ColumnType, format: ColumnFormat, u: number): number {
  const step =
    type === 'date'
      ? DAY
      : type === 'datetime'
        ? 1000
        : 10 ** -(type === 'integer' ? 0 : (format.number?.decimals ?? 2));
  const first = Math.ceil(lo / step - 1e-9);
  const end = last ? Math.floor(hi / step + 1e-9) : Math.ceil(hi / step - 1e-9) - 1;
  if (end < first) return lo;
  const k = first + Math.min(end - first, Math.floor(u * (end - first + 1)));
  return step >= 1 ? k * step : Number((k * step).toFixed(12));
}

function drawOther(levels: string[], counts: number[], u: number): string {
  const total = counts.reduce((a, b) => a + b, 0);
  let x = u * total;
  for (let i = 0; i < levels.length; i++) {
    x -= counts[i];
    if (x < 0) return levels[i];
  }
  return levels[levels.length - 1] ?? '';
}

/** Reads one column of one generated row (the group's bits start at `at`) as a cell. */
type CellDecoder = (bits: Uint8Array, at: number, row: number, u: () => number) => string;

export function valueFormatter(type: ColumnType, format: ColumnFormat): (v: number) => string {
  if (type === 'date' || type === 'datetime') return dateFormatter(format.date?.pattern ?? 'YYYY-MM-DD');
  if (format.number) return numberFormatter(type === 'integer' ? { ...format.number, decimals: 0 } : format.number);
  return (v) => String(v);
}

function slotOf(bits: Uint8Array, at: number, size: number): number {
  let slot = 0;
  for (let j = 0; j < size; j++) if (bits[at + j]) slot = j;
  return slot;
}

function cellDecoder(c: ColumnEncoding, size: number, version: number, calibration?: readonly number[]): CellDecoder {
  switch (c.kind) {
    case 'quantiles': {
      const fmt = valueFormatter(c.type, c.format);
      const positions = positionsOf(c);
      const position = positionReader(c);
      const knots = calibration ?? [];
      return (bits, at, _r, u) => {
        const p = position(bits, at);
        if (p < 0) return c.missingToken ?? '';
        if (knots.length < 2) return fmt(valueAt(c.knots, c.step, positions, p, u()));
        // Calibrated (METHOD.md §8): the rank at the generated rank's level among the model's draw.
        const x = Math.min(positions - 1e-9, calibrated(knots, (p + u()) / positions) * positions);
        const cell = Math.floor(x);
        return fmt(valueAt(c.knots, c.step, positions, cell, x - cell));
      };
    }
    case 'bins': {
      const fmt = valueFormatter(c.type, c.format);
      const bins = c.edges.length - 1;
      return (bits, at, _r, u) => {
        const slot = slotOf(bits, at, size);
        if (c.missing && slot === bins) return c.missingToken ?? '';
        return fmt(drawInBin(c.edges[slot], c.edges[slot + 1], slot === bins - 1, c.type, c.format, u()));
      };
    }
    case 'values': {
      const fmt = valueFormatter(c.type, c.format);
      const cells = c.values.map(fmt);
      return (bits, at) => {
        const slot = slotOf(bits, at, size);
        return c.missing && slot === c.values.length ? (c.missingToken ?? '') : cells[slot];
      };
    }
    case 'levels': {
      // Versions 2 and 3 store no level behind "other": it is the token.
      if (version >= 2) {
        const layout = levelLayout(c);
        return (bits, at) => {
          const slot = slotOf(bits, at, layout.slots);
          let low = 0;
          for (let b = 0; b < layout.fineBits; b++) low = (low << 1) | bits[at + layout.slots + b];
          const level = levelAt(layout, c.levels.length, slot, low);
          if (level >= 0) return c.levels[level];
          return slot === layout.other ? OTHER_TOKEN : (c.missingToken ?? '');
        };
      }
      // Version 1: rare values (never stored) come back as one token, in their share of "other".
      const rare = c.rareRows ?? 0;
      const otherLevels = rare > 0 ? [...c.otherLevels, OTHER_TOKEN] : c.otherLevels;
      const otherCounts = rare > 0 ? [...c.otherCounts, rare] : c.otherCounts;
      return (bits, at, _r, u) => {
        const slot = slotOf(bits, at, size);
        return slot < c.levels.length
          ? c.levels[slot]
          : c.other && slot === c.levels.length
            ? drawOther(otherLevels, otherCounts, u())
            : (c.missingToken ?? '');
      };
    }
    case 'flag':
      return (bits, at) => (bits[at] ? c.trueToken : c.falseToken);
    case 'identifier':
      return (_b, _a, r) => `${c.prefix}${String(c.start + r).padStart(c.width, '0')}`;
    case 'constant':
      return () => c.value;
  }
}

/** Generated bits back to rows: every original column, in order, with the original formats. */
export function decodeRows(spec: EncodingSpec, data: EncodedData, seed: number): RowTable {
  return { header: spec.header, rows: rowDecoder(spec, data, seed)(data.rows) };
}

/**
 * decodeRows a part at a time, for callers that must not hold the thread for long: each call
 * gives the next `count` rows (fewer at the end). All the parts together are exactly what
 * decodeRows gives for the same seed.
 */
export function rowDecoder(spec: EncodingSpec, data: EncodedData, seed: number): (count: number) => string[][] {
  const rng = createRng(seed);
  const u = () => rng.next();
  const sizes = spec.columns.map(groupSize);
  const knots = (i: number) => {
    const k = spec.calibration?.columns.indexOf(i) ?? -1;
    return k >= 0 ? spec.calibration?.knots[k] : undefined;
  };
  const decoders = spec.columns.map((c, i) => cellDecoder(c, sizes[i], spec.version, knots(i)));
  const n = decoders.length;
  const bits = data.data;
  let r = 0;
  return (count) => {
    const end = Math.min(data.rows, r + Math.max(0, count));
    const rows: string[][] = new Array<string[]>(end - r);
    for (let k = 0; r < end; r++, k++) {
      const row = new Array<string>(n);
      let at = r * data.bits;
      for (let i = 0; i < n; i++) {
        row[i] = decoders[i](bits, at, r, u);
        at += sizes[i];
      }
      rows[k] = row;
    }
    return rows;
  };
}
