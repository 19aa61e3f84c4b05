/**
 * Calibration of generated numbers: a generator that over-produces a column's top positions
 * has its tail put back to the training rows' share once calibrated on a draw of it, every
 * decile back near a tenth, its relations kept; positions are read as encoded (missing as −1);
 * a column without knots decodes exactly as before.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EncodedData } from '../../base/encoded-rows.js';
import { createRng } from '../../base/random.js';
import { buildEncoding, decodeRows, encodeRows, importCsv } from '../index.js';
import { calibrationKnots, calibrationOf, positionReader, positionsOf } from './calibration.js';
import { positionOf } from './quantiles.js';
import type { EncodingSpec } from './spec.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-calib-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Skewed amounts x (some missing) and y = 2x: 2,000 rows. */
async function amounts() {
  const rng = createRng(8);
  const lines = ['x,y'];
  for (let i = 0; i < 2000; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    const x = Math.round(Math.exp(3 + 0.9 * z) * 100) / 100;
    lines.push(`${i % 50 === 7 ? '' : x.toFixed(2)},${(2 * x).toFixed(2)}`);
  }
  const path = join(dir, 'amounts.csv');
  writeFileSync(path, lines.join('\n'));
  return importCsv(path);
}

const quantile = (spec: EncodingSpec, i: number) => {
  const c = spec.columns[i];
  if (c.kind !== 'quantiles') throw new Error('not a quantile code');
  return c;
};

/** The encoded rows with each row whose x sits in its top coarse bin repeated 4 times: a generator that over-produces the top. */
function topHeavy(spec: EncodingSpec, data: EncodedData): EncodedData {
  const c = quantile(spec, 0);
  const position = positionReader(c);
  const top = (c.bins - 1) * 2 ** c.fineBits;
  const rows: Uint8Array[] = [];
  for (let r = 0; r < data.rows; r++) {
    const row = data.data.subarray(r * data.bits, (r + 1) * data.bits);
    const times = position(row, 0) >= top ? 4 : 1;
    for (let t = 0; t < times; t++) rows.push(row);
  }
  const out = new Uint8Array(rows.length * data.bits);
  rows.forEach((row, i) => out.set(row, i * data.bits));
  return { ...data, rows: rows.length, data: out };
}

/** The spec calibrated on `draw`, as a model's draw is (`calibrationOf`, seeded). */
const calibratedOn = (spec: EncodingSpec, draw: EncodedData): EncodingSpec => ({
  ...spec,
  calibration: calibrationOf(spec, draw, 3),
});

const column = (rows: string[][], j: number) =>
  rows
    .map((r) => r[j])
    .filter((v) => v !== '')
    .map(Number);
const shareAbove = (v: number[], t: number) => v.filter((x) => x > t).length / v.length;

/** Spearman's: the correlation of the pairs' ranks (ties in their order of appearance, as they are rare here). */
function rankCorrelation(pairs: number[][]): number {
  const ranks = [0, 1].map((j) => {
    const order = pairs.map((_, i) => i).sort((a, b) => pairs[a][j] - pairs[b][j]);
    const out = new Array<number>(pairs.length);
    order.forEach((i, k) => (out[i] = k));
    return out;
  });
  return correlation(pairs.map((_, i) => [ranks[0][i], ranks[1][i]]));
}

function correlation(pairs: number[][]): number {
  const n = pairs.length;
  const [ma, mb] = [0, 1].map((j) => pairs.reduce((s, p) => s + p[j], 0) / n);
  let [sab, saa, sbb] = [0, 0, 0];
  for (const [a, b] of pairs) {
    sab += (a - ma) * (b - mb);
    saa += (a - ma) ** 2;
    sbb += (b - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('calibration of generated numbers', () => {
  it("puts an over-produced top back to the training rows' share, every decile near a tenth, relations kept", async () => {
    const ds = await amounts();
    const spec = buildEncoding(ds);
    const draw = topHeavy(spec, encodeRows(spec, ds));
    const x = ds.cells[0]
      .filter((v) => v !== '')
      .map(Number)
      .sort((a, b) => a - b);
    const p99 = x[Math.floor(0.99 * (x.length - 1))];
    const deciles = Array.from({ length: 9 }, (_, k) => x[Math.floor(((k + 1) / 10) * (x.length - 1))]);

    const raw = decodeRows(spec, draw, 5).rows;
    // The generator's own error: about a third of its rows in the top bin instead of a tenth or less.
    expect(shareAbove(column(raw, 0), p99)).toBeGreaterThan(0.025);

    const fixed = decodeRows(calibratedOn(spec, draw), draw, 5).rows;
    const gx = column(fixed, 0);
    expect(Math.abs(shareAbove(gx, p99) - 0.01)).toBeLessThanOrEqual(0.004);
    const cuts = [-Infinity, ...deciles, Infinity];
    for (let k = 0; k < 10; k++) {
      const share = gx.filter((v) => v > cuts[k] && v <= cuts[k + 1]).length / gx.length;
      expect(Math.abs(share - 0.1)).toBeLessThanOrEqual(0.02);
    }
    // Each column goes through a monotone map: y = 2x keeps its rank correlation (≥ 0.99, as before calibration).
    const pairs = (rows: string[][]) =>
      rows.filter((r) => r[0] !== '' && r[1] !== '').map((r) => [Number(r[0]), Number(r[1])]);
    expect(rankCorrelation(pairs(raw))).toBeGreaterThanOrEqual(0.99);
    expect(rankCorrelation(pairs(fixed))).toBeGreaterThanOrEqual(0.99);
    // Missing values stay missing, at the draw's rate.
    expect(fixed.filter((r) => r[0] === '').length).toBe(raw.filter((r) => r[0] === '').length);
  });

  it('reads the position each value was encoded at, and −1 for a missing value', async () => {
    const ds = await amounts();
    const spec = buildEncoding(ds);
    const c = quantile(spec, 0);
    const data = encodeRows(spec, ds);
    const read = positionReader(c);
    for (let r = 0; r < data.rows; r++) {
      const cell = ds.cells[0][r];
      const want = cell === '' ? -1 : positionOf(c.knots, positionsOf(c), Number(cell));
      expect(read(data.data, r * data.bits)).toBe(want);
    }
  });

  it('decodes a column without knots exactly as an uncalibrated one, and keeps knots in order', async () => {
    const ds = await amounts();
    const spec = buildEncoding(ds);
    const data = encodeRows(spec, ds);
    const none = { ...spec, calibration: { columns: [0, 1], knots: [[], []] } };
    expect(decodeRows(none, data, 9).rows).toEqual(decodeRows(spec, data, 9).rows);
    const knots = calibrationKnots([0.9, NaN, 0.1, 0.5, 0.3, 0.7]);
    expect(knots[0]).toBe(0.1);
    expect(knots[knots.length - 1]).toBe(0.9);
    expect(knots.every((v, j) => j === 0 || v >= knots[j - 1])).toBe(true);
    expect(calibrationKnots([NaN, 0.4])).toEqual([]);
  });
});
