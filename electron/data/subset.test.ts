/**
 * The representative subset: segment frequencies, coverage of the most frequent segments,
 * stratified and random samples (seeded), the split, and per-column representativeness.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SubsetSpec } from '../../shared/domain/data.js';
import { applySubset, coverageKeep, importCsv, segmentTable } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-subset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function shops() {
  // region A: 60 %, B: 25 %, C: 10 %, D: 5 %; A sells mostly small baskets, D large ones.
  const lines = ['region,basket,member'];
  for (let i = 0; i < 1000; i++) {
    const u = i % 20;
    const region = u < 12 ? 'A' : u < 17 ? 'B' : u < 19 ? 'C' : 'D';
    const basket = region === 'D' ? 50 + (i % 30) : 5 + (i % 10);
    lines.push(`${region},${basket},${i % 3 === 0 ? 'yes' : 'no'}`);
  }
  const path = join(dir, `${files++}-shops.csv`);
  writeFileSync(path, lines.join('\n'));
  return importCsv(path);
}

const split = { train: 0.8, valid: 0.1, test: 0.1 };

describe('subsets', () => {
  it('counts segments, most frequent first, and keeps segments up to a coverage target', async () => {
    const ds = await shops();
    const table = segmentTable(ds, [0]);
    expect(table.segments.map((s) => [s.key[0], s.count])).toEqual([
      ['A', 600],
      ['B', 250],
      ['C', 100],
      ['D', 50],
    ]);
    expect(coverageKeep(table, 0.8)).toEqual([['A'], ['B']]);
    expect(coverageKeep(table, 0.6)).toEqual([['A']]);
    expect(coverageKeep(table, 1)).toHaveLength(4);
    const two = segmentTable(ds, [0, 2]);
    expect(two.segments.reduce((s, x) => s + x.count, 0)).toBe(1000);
    expect(two.segments[0].key).toHaveLength(2);
  });

  it('keeps the chosen segments, splits them (seeded) and keeps the rest for later', async () => {
    const ds = await shops();
    const spec: SubsetSpec = { segments: { columns: [0], keep: [['A'], ['B']] }, sample: null, seed: 4, split };
    const s = applySubset(ds, spec);
    expect(s.info.rows).toBe(850);
    expect(s.info.outside).toBe(150);
    expect(s.train.length + s.valid.length + s.test.length).toBe(850);
    expect(s.valid.length).toBe(85);
    const all = new Set([...s.train, ...s.valid, ...s.test]);
    expect(all.size).toBe(850);
    for (const r of s.outside) expect(['C', 'D']).toContain(ds.cells[0][r]);
    const again = applySubset(ds, spec);
    expect(Array.from(again.train)).toEqual(Array.from(s.train));
    const other = applySubset(ds, { ...spec, seed: 5 });
    expect(Array.from(other.train)).not.toEqual(Array.from(s.train));
  });

  it('draws a stratified sample with the segments in proportion', async () => {
    const ds = await shops();
    const s = applySubset(ds, {
      segments: { columns: [0], keep: [['A'], ['B'], ['C'], ['D']] },
      sample: { rows: 200, stratified: true },
      seed: 1,
      split,
    });
    expect(s.info.rows).toBe(200);
    const rows = [...s.train, ...s.valid, ...s.test];
    const count = (r: string) => rows.filter((i) => ds.cells[0][i] === r).length;
    expect([count('A'), count('B'), count('C'), count('D')]).toEqual([120, 50, 20, 10]);
  });

  it('flags the columns whose distribution the subset changes', async () => {
    const ds = await shops();
    const s = applySubset(ds, { segments: { columns: [0], keep: [['A']] }, sample: null, seed: 1, split });
    const byName = Object.fromEntries(s.info.representativeness.map((r) => [r.name, r]));
    expect(byName.region.flagged).toBe(true);
    expect(byName.region.distance).toBeCloseTo(0.4, 6);
    // Only region D's large baskets (5 % of rows) leave: a small shift, not flagged.
    expect(byName.basket.distance).toBeCloseTo(0.05, 6);
    expect(byName.basket.flagged).toBe(false);
    expect(byName.member.flagged).toBe(false);
    const all = applySubset(ds, { segments: null, sample: null, seed: 1, split });
    expect(all.info.representativeness.every((r) => r.distance === 0)).toBe(true);
  });

  it('refuses an empty subset', async () => {
    const ds = await shops();
    expect(() => applySubset(ds, { segments: { columns: [0], keep: [['Z']] }, sample: null, seed: 1, split })).toThrow(
      /emptySubset/,
    );
  });

  it('refuses a subset that leaves fewer than two rows for training, saying how many it leaves', async () => {
    const ds = await shops();
    const spec = (rows: number, split = { train: 1, valid: 0, test: 0 }): SubsetSpec => ({
      segments: null,
      sample: { rows, stratified: false },
      seed: 1,
      split,
    });
    expect(() => applySubset(ds, spec(1))).toThrow(
      expect.objectContaining({ code: 'data.tooFewTrainingRows', params: { rows: 1, min: 2 } }),
    );
    // A split that keeps nothing for training is refused as a split, before any row is drawn.
    expect(() => applySubset(ds, spec(10, { train: 0, valid: 0.5, test: 0.5 }))).toThrow(
      expect.objectContaining({ code: 'train.badSplit' }),
    );
    expect(() => applySubset(ds, spec(3, { train: 0.4, valid: 0.3, test: 0.3 }))).toThrow(
      expect.objectContaining({ code: 'data.tooFewTrainingRows', params: { rows: 1, min: 2 } }),
    );
    expect(applySubset(ds, spec(2)).info.train).toBe(2);
  });

  it('refuses a segment column with too many different values, naming it', async () => {
    const lines = ['order_id,region', ...Array.from({ length: 70_000 }, (_, i) => `${i},${i % 2 ? 'A' : 'B'}`)];
    const path = join(dir, `${files++}-ids.csv`);
    writeFileSync(path, lines.join('\n'));
    const ds = await importCsv(path);
    expect(segmentTable(ds, [1]).segments).toHaveLength(2);
    expect(() => segmentTable(ds, [0])).toThrow(
      expect.objectContaining({ code: 'data.tooManySegments', params: { column: 'order_id', max: 65536 } }),
    );
  });
});
