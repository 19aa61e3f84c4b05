/**
 * Subsets of a file larger than the memory budget, drawn during streaming passes over the
 * whole file: exact segment counts, a stratified draw whose per-segment counts are the exact
 * proportional allocation, a random draw, rare segments the import's sample barely holds,
 * ragged and quoted rows, a changed file, and cancel.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SubsetSpec } from '../../shared/domain/data.js';
import { createRng } from '../base/random.js';
import { allocate } from './subset.js';
import { countSegmentsInFile, drawSubsetFromFile, fileSegmentTable, importCsv, segmentTable } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-file-subset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const REGIONS = ['North', 'South', 'East', 'West'];
const SHARES = [0.6, 0.25, 0.12, 0.03];
const ROWS = 20_000;

/** A shop ledger: region (skewed shares), channel, amount (depends on region), a quoted note now and then, one short row. */
function ledger(name: string): { path: string; regions: string[]; channels: string[] } {
  const rng = createRng(9);
  const regions: string[] = [];
  const channels: string[] = [];
  const lines = ['id,region,channel,amount,note'];
  for (let i = 0; i < ROWS; i++) {
    const u = rng.next();
    const r = u < SHARES[0] ? 0 : u < SHARES[0] + SHARES[1] ? 1 : u < 1 - SHARES[3] ? 2 : 3;
    const channel = rng.next() < 0.3 ? 'web' : 'store';
    regions.push(REGIONS[r]);
    channels.push(channel);
    const note = i % 500 === 0 ? '"late, ""urgent""\nsee log"' : i % 7 === 0 ? 'ok' : '';
    if (i === 1234)
      lines.push(`${i},${REGIONS[r]},${channel}`); // too few fields: padded
    else lines.push(`${i},${REGIONS[r]},${channel},${(100 * (r + 1) + rng.next() * 50).toFixed(2)},${note}`);
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return { path, regions, channels };
}

const BUDGET = 1_000_000;
const split = { train: 0.8, valid: 0.1, test: 0.1 };
const countOf = (xs: string[], v: string) => xs.filter((x) => x === v).length;

describe('subsets drawn from the whole file', () => {
  it('counts segments over every row of the file, not only the sample the import kept', async () => {
    const { path, regions, channels } = ledger('count.csv');
    const ds = await importCsv(path, { memoryBudgetBytes: BUDGET });
    expect(ds.info.sampledOnImport).toBe(true);
    expect(ds.info.rows).toBeLessThan(ROWS / 4);
    expect(ds.info.fileRows).toBe(ROWS);
    const counts = await countSegmentsInFile(ds, [1]);
    const table = fileSegmentTable(counts);
    expect(table.wholeFile).toBe(true);
    expect(table.total).toBe(ROWS);
    expect(table.segments.map((s) => [s.key[0], s.count])).toEqual(REGIONS.map((r) => [r, countOf(regions, r)]));
    // Two columns: every (region, channel) pair exactly.
    const two = fileSegmentTable(await countSegmentsInFile(ds, [1, 2]));
    const exact = (r: string, c: string) => regions.filter((x, i) => x === r && channels[i] === c).length;
    for (const s of two.segments) expect(s.count).toBe(exact(s.key[0], s.key[1]));
    // The table from the rows in memory only estimates the same shares.
    const estimated = segmentTable(ds, [1]);
    expect(estimated.wholeFile).toBe(false);
    expect(estimated.total).toBe(ds.info.rows);
    expect(Math.abs(estimated.segments[0].share - table.segments[0].share)).toBeLessThan(0.05);
  });

  it('draws a stratified subset: each segment gets exactly its proportional share of the whole file', async () => {
    const { path, regions } = ledger('strat.csv');
    const ds = await importCsv(path, { memoryBudgetBytes: BUDGET });
    const keep = [['North'], ['East'], ['West']];
    const spec: SubsetSpec = {
      segments: { columns: [1], keep },
      sample: { rows: 1000, stratified: true },
      seed: 3,
      split,
    };
    const s = await drawSubsetFromFile(ds, spec);
    const sizes = ['East', 'North', 'West'].map((r) => countOf(regions, r)); // strata in key order
    const quota = allocate(sizes, 1000);
    const drawnRegions = Array.from({ length: s.info.rows }, (_, r) => s.dataset.cells[1][r]);
    expect(s.info.rows).toBe(1000);
    expect(['East', 'North', 'West'].map((r) => countOf(drawnRegions, r))).toEqual(quota);
    expect(s.info.fromFile).toEqual({
      fileRows: ROWS,
      matchingRows: sizes.reduce((a, b) => a + b, 0),
      stratified: true,
    });
    expect(s.info.train + s.info.valid + s.info.test).toBe(1000);
    // Train, validation and test rows are drawn rows; the rows outside are sample rows of other segments.
    for (const part of [s.train, s.valid, s.test]) for (const r of part) expect(r).toBeLessThan(1000);
    expect(s.outside.length).toBe(ds.cells[1].filter((r) => r === 'South').length);
    for (const r of s.outside) expect(s.dataset.cells[1][r]).toBe('South');
    // From all over the file, in file order, and reproducible from the seed.
    const ids = drawnRegions.map((_, r) => Number(s.dataset.cells[0][r]));
    expect(Math.max(...ids)).toBeGreaterThan(ROWS * 0.9);
    expect(Math.min(...ids)).toBeLessThan(ROWS * 0.1);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const again = await drawSubsetFromFile(ds, spec);
    expect(Array.from({ length: 1000 }, (_, r) => again.dataset.cells[0][r])).toEqual(ids.map(String));
    const other = await drawSubsetFromFile(ds, { ...spec, seed: 4 });
    expect(Array.from({ length: 1000 }, (_, r) => other.dataset.cells[0][r])).not.toEqual(ids.map(String));
    // Representativeness against the import's sample: region differs (South left out), amounts too.
    const region = s.info.representativeness.find((c) => c.name === 'region');
    expect(region?.flagged).toBe(true);
    // Typed values of the drawn rows are read with the column's type.
    const amount = s.dataset.typed[3];
    expect(amount.kind).toBe('number');
    if (amount.kind === 'number') expect(Number.isNaN(amount.values[0])).toBe(false);
  });

  it('keeps every row of a rare segment that the import sample barely holds', async () => {
    const { path, regions } = ledger('rare.csv');
    const ds = await importCsv(path, { memoryBudgetBytes: BUDGET });
    const inSample = ds.cells[1].filter((r) => r === 'West').length;
    const inFile = countOf(regions, 'West');
    expect(inSample).toBeLessThan(inFile / 3);
    const s = await drawSubsetFromFile(ds, {
      segments: { columns: [1], keep: [['West']] },
      sample: null,
      seed: 1,
      split,
    });
    expect(s.info.rows).toBe(inFile);
    const ids = new Set(Array.from({ length: s.info.rows }, (_, r) => s.dataset.cells[0][r]));
    expect(ids.size).toBe(inFile);
  });

  it('never keeps more rows than the import kept, and draws them at random when asked', async () => {
    const { path, regions } = ledger('random.csv');
    const ds = await importCsv(path, { memoryBudgetBytes: BUDGET });
    const spec: SubsetSpec = { segments: { columns: [1], keep: [['North'], ['South']] }, sample: null, seed: 2, split };
    const capped = await drawSubsetFromFile(ds, spec);
    expect(capped.info.rows).toBe(ds.info.rows);
    const random = await drawSubsetFromFile(ds, { ...spec, sample: { rows: 2000, stratified: false } });
    expect(random.info.rows).toBe(2000);
    expect(random.info.fromFile?.stratified).toBe(false);
    const drawn = Array.from({ length: 2000 }, (_, r) => random.dataset.cells[1][r]);
    expect(drawn.every((r) => r === 'North' || r === 'South')).toBe(true);
    // Random, not stratified: close to the file's shares but not the exact allocation (binomial sd ≈ 20 rows).
    const north = countOf(drawn, 'North');
    const expected = (2000 * countOf(regions, 'North')) / (countOf(regions, 'North') + countOf(regions, 'South'));
    expect(Math.abs(north - expected)).toBeLessThan(100);
  });

  it('reads ragged and quoted rows as the import did', async () => {
    const { path } = ledger('ragged.csv');
    const ds = await importCsv(path, { memoryBudgetBytes: BUDGET });
    const s = await drawSubsetFromFile(ds, {
      segments: { columns: [1], keep: REGIONS.map((r) => [r]) },
      sample: { rows: 5000, stratified: true },
      seed: 1,
      split,
    });
    const row = (id: string) => {
      for (let r = 0; r < s.info.rows; r++) if (s.dataset.cells[0][r] === id) return s.dataset.cells.map((c) => c[r]);
      return null;
    };
    // Whichever of the special rows were drawn came back whole.
    const quoted = Array.from({ length: ROWS / 500 }, (_, k) => row(String(k * 500))).filter((r) => r !== null);
    expect(quoted.length).toBeGreaterThan(0);
    for (const r of quoted) expect(r?.[4]).toBe('late, "urgent"\nsee log');
    const short = row('1234');
    if (short) expect(short.slice(3)).toEqual(['', '']);
    const skipped = await importCsv(path, { memoryBudgetBytes: BUDGET, overrides: { raggedRows: 'skip' } });
    expect((await countSegmentsInFile(skipped, [1])).rows).toBe(ROWS - 1);
  });

  it('refuses a file changed since the import, and stops on cancel', async () => {
    const { path } = ledger('changed.csv');
    const ds = await importCsv(path, { memoryBudgetBytes: BUDGET });
    const controller = new AbortController();
    const pending = countSegmentsInFile(ds, [1], { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    appendFileSync(path, '99999,North,web,1.00,\n');
    await expect(countSegmentsInFile(ds, [1])).rejects.toMatchObject({ code: 'data.fileChanged' });
  });
});
