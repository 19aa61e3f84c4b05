/**
 * The fine numeric encoding (quantile codes): real rows survive encode → decode with the
 * resolution their relations need (y = 2x stays correlated), tails come from the data's own
 * quantiles (about 1% of rows beyond the real 99th percentile, not a stretched end bin), values
 * stay on the column's grid and precision and inside its observed range whatever bits come in,
 * and the bit count grows with the rows that support it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { groupBits, type EncodedData } from '../../base/encoded-rows.js';
import { createRng } from '../../base/random.js';
import { buildEncoding, decodeRows, encodeRows, importCsv } from '../index.js';
import { fineBitsFor, gridStep, positionOf, quantileKnots, rankOf, valueAt } from './quantiles.js';
import { encodingBits, encodingGroups, type EncodingSpec } from './spec.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-quant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function csv(lines: string[]) {
  const path = join(dir, `${files++}.csv`);
  writeFileSync(path, lines.join('\n'));
  return importCsv(path);
}

/** Skewed positive amounts (a log-normal, in cents) and twice their value: a relation finer than any bin. */
async function doubled(rows: number) {
  const rng = createRng(4);
  const lines = ['x,y'];
  for (let i = 0; i < rows; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    const x = Math.round(Math.exp(3 + 0.9 * z) * 100) / 100;
    lines.push(`${x.toFixed(2)},${(2 * x).toFixed(2)}`);
  }
  return csv(lines);
}

function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [sab, saa, sbb] = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Random bits with one slot on per softmax group and fair coin flips for bits: anything a model could generate. */
function randomBits(spec: EncodingSpec, rows: number, seed: number): EncodedData {
  const groups = encodingGroups(spec);
  const bits = groupBits(groups);
  const data = new Uint8Array(rows * bits);
  const rng = createRng(seed);
  for (let r = 0; r < rows; r++) {
    let at = r * bits;
    for (const g of groups) {
      if (g.kind === 'bernoulli') data[at++] = rng.next() < 0.5 ? 1 : 0;
      else {
        data[at + Math.floor(rng.next() * g.size)] = 1;
        at += g.size;
      }
    }
  }
  return { groups, rows, bits, data };
}

describe('quantile codes', () => {
  it('keeps y = 2x correlated (≥ 0.95, and ≥ 0.99 in ranks) through encode → decode of real rows', async () => {
    const ds = await doubled(2000);
    const spec = buildEncoding(ds);
    expect(spec.columns[0]).toMatchObject({ kind: 'quantiles', fineBits: 4 });
    const rows = decodeRows(spec, encodeRows(spec, ds), 1).rows;
    const x = rows.map((r) => Number(r[0]));
    const y = rows.map((r) => Number(r[1]));
    expect(correlation(x, y)).toBeGreaterThanOrEqual(0.95);
    const rank = (v: number[]) => {
      const order = v.map((_, i) => i).sort((i, j) => v[i] - v[j]);
      const out = new Array<number>(v.length);
      order.forEach((i, k) => (out[i] = k));
      return out;
    };
    expect(correlation(rank(x), rank(y))).toBeGreaterThanOrEqual(0.99);
  });

  it("decodes tails from the data's own quantiles: about 1% of rows beyond the real 99th percentile", async () => {
    const ds = await doubled(2000);
    const spec = buildEncoding(ds);
    const real = ds.cells[0].map(Number).sort((a, b) => a - b);
    const p99 = real[Math.floor(0.99 * real.length)];
    const back = decodeRows(spec, encodeRows(spec, ds), 2).rows.map((r) => Number(r[0]));
    const beyond = back.filter((v) => v > p99).length / back.length;
    expect(Math.abs(beyond - 0.01)).toBeLessThanOrEqual(0.005);
    expect(Math.max(...back)).toBeLessThanOrEqual(real[real.length - 1]);
  });

  it("writes any generated bits on the column's grid and precision, inside its observed range", async () => {
    const rng = createRng(9);
    const lines = ['price,qty,step5,day,missing'];
    for (let i = 0; i < 600; i++) {
      const d = new Date(Date.UTC(2024, 0, 1 + Math.floor(rng.next() * 300))).toISOString().slice(0, 10);
      const price = (9.99 + Math.floor(rng.next() * 90)).toFixed(2);
      const gap = i % 25 === 0 ? 'NA' : (rng.next() * 100).toFixed(1);
      lines.push(`${price},${Math.floor(rng.next() ** 3 * 500)},${5 * Math.floor(rng.next() * 60)},${d},${gap}`);
    }
    const ds = await csv(lines);
    const spec = buildEncoding(ds);
    for (const c of spec.columns) expect(c.kind).toBe('quantiles');
    expect(spec.columns[0]).toMatchObject({ step: 1 });
    expect(spec.columns[2]).toMatchObject({ step: 5 });
    const range = (j: number) => {
      const v = ds.typed[j].kind === 'number' ? [...ds.typed[j].values].filter((x) => !Number.isNaN(x)) : [];
      return [Math.min(...v), Math.max(...v)];
    };
    const rows = decodeRows(spec, randomBits(spec, 3000, 3), 4).rows;
    const [[pLo, pHi], [qLo, qHi]] = [range(0), range(1)];
    let missing = 0;
    for (const [price, qty, step5, day, gap] of rows) {
      expect(price).toMatch(/^\d+\.99$/);
      expect(Number(price)).toBeGreaterThanOrEqual(pLo);
      expect(Number(price)).toBeLessThanOrEqual(pHi);
      expect(qty).toMatch(/^\d+$/);
      expect(Number(qty)).toBeGreaterThanOrEqual(qLo);
      expect(Number(qty)).toBeLessThanOrEqual(qHi);
      expect(Number(step5) % 5).toBe(0);
      expect(day >= '2024-01-01' && day <= '2024-12-31').toBe(true);
      if (gap === 'NA') missing++;
      else expect(gap).toMatch(/^\d+\.\d$/);
    }
    // The missing slot is one of the softmax's slots: random bits pick it about once per slot count.
    expect(missing).toBeGreaterThan(0);
  });

  it('keeps missing values and exact values where the rows had them', async () => {
    const lines = ['d15n,grade'];
    for (let i = 0; i < 300; i++) lines.push(`${i % 30 === 0 ? '' : (8 + (i % 97) * 0.01).toFixed(2)},${i % 4}`);
    const ds = await csv(lines);
    const spec = buildEncoding(ds);
    expect(spec.columns[0]).toMatchObject({ kind: 'quantiles', missing: true });
    expect(spec.columns[1]).toMatchObject({ kind: 'values', values: [0, 1, 2, 3] });
    const rows = decodeRows(spec, encodeRows(spec, ds), 5).rows;
    rows.forEach((r, i) => {
      expect(r[0] === '').toBe(i % 30 === 0);
      expect(r[1]).toBe(String(i % 4));
    });
  });

  it('counts its bits: a coarse softmax (or thermometer bits) plus fine bits that the rows support', async () => {
    expect(fineBitsFor(275, 55, 7)).toBe(2);
    expect(fineBitsFor(40_000, 5_000, 12)).toBe(4);
    expect(fineBitsFor(60, 40, 6)).toBe(1);
    const ds = await doubled(2000);
    const spec = buildEncoding(ds);
    expect(spec.columns[0]).toMatchObject({ coarse: 'softmax', bins: 12, fineBits: 4 });
    expect(encodingBits(spec)).toBe(groupBits(encodingGroups(spec)));
    expect(encodingBits(spec)).toBe(2 * (12 + 4));
    const b = { kind: 'bernoulli' };
    expect(encodingGroups(spec).slice(0, 5)).toEqual([{ kind: 'softmax', size: 12 }, b, b, b, b]);
    const thermometer = buildEncoding(ds, undefined, { coarse: 'thermometer' });
    expect(encodingBits(thermometer)).toBe(2 * (11 + 4));
    expect(encodingGroups(thermometer).every((g) => g.kind === 'bernoulli')).toBe(true);
  });

  it('writes the coarse bin as thermometer bits when asked, and reads any pattern as the count of bits on', async () => {
    const ds = await doubled(500);
    const spec = buildEncoding(ds, undefined, { coarse: 'thermometer', fineBits: { 0: 0, 1: 0 } });
    const c = spec.columns[0];
    if (c.kind !== 'quantiles') throw new Error('expected a quantile code');
    const data = encodeRows(spec, ds);
    for (let r = 0; r < data.rows; r++) {
      const head = Array.from(data.data.subarray(r * data.bits, r * data.bits + c.bins - 1));
      expect(head.join('')).toMatch(/^1*0*$/);
    }
    // Bits out of order (1,0,1,…) still decode inside the range, as the bin of their count.
    const rows = decodeRows(spec, randomBits(spec, 500, 8), 1).rows.map((r) => Number(r[0]));
    for (const v of rows) expect(v).toBeGreaterThanOrEqual(c.knots[0]);
    for (const v of rows) expect(v).toBeLessThanOrEqual(c.knots[c.knots.length - 1]);
  });

  it('ranks ties at their middle and inverts ranks on the knots', () => {
    const knots = quantileKnots([1, 2, 2, 2, 2, 3, 4, 5, 6], 8);
    expect(knots).toEqual([1, 2, 2, 2, 2, 3, 4, 5, 6]);
    expect(rankOf(knots, 2)).toBe(2.5 / 8);
    expect(rankOf(knots, 3.5)).toBe(5.5 / 8);
    expect(positionOf(knots, 4, 2)).toBe(1);
    expect(valueAt(knots, 1, 4, 1, 0.5)).toBe(2);
    expect(gridStep([10, 25, 40, 100], 1)).toBe(15);
    expect(gridStep([0.25, 0.75, 1.25], 0.01)).toBeCloseTo(0.5, 12);
  });
});
