/**
 * Which rows outside a subset hold only values seen in training: a segment left out holds a
 * category never seen; amounts beyond the training range are not covered; a missing value
 * needs missing values in training; everything else is.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applySubset, importCsv, knownRows } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-coverage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

async function sales() {
  // Region C holds the largest amounts (500 to 596); every tenth C row lacks its amount.
  const lines = ['region,amount,member'];
  for (let i = 0; i < 900; i++) {
    const region = ['A', 'B', 'C'][i % 3];
    const amount =
      region === 'C'
        ? i % 30 === 2
          ? ''
          : (500 + (i % 97)).toFixed(2)
        : (10 + ((i * 7) % 200) + (i % 10) / 10).toFixed(2);
    lines.push(`${region},${amount},${i % 4 === 0 ? 'yes' : 'no'}`);
  }
  const path = join(dir, `${files++}-sales.csv`);
  writeFileSync(path, lines.join('\n'));
  return importCsv(path);
}

const split = { train: 1, valid: 0, test: 0 };
const all = (n: number) => Int32Array.from({ length: n }, (_, r) => r);

describe('knownRows', () => {
  it('leaves out rows of segments not trained on, and keeps unsampled rows of the kept segments inside the range', async () => {
    const ds = await sales();
    const subset = applySubset(ds, {
      segments: { columns: [0], keep: [['A'], ['B']] },
      sample: { rows: 300, stratified: true },
      seed: 1,
      split,
    });
    const amounts = Array.from(subset.train, (r) => Number(ds.cells[1][r]));
    const [lo, hi] = [Math.min(...amounts), Math.max(...amounts)];
    const known = new Set(knownRows(ds, subset.train, subset.outside));
    let expected = 0;
    for (const r of subset.outside) {
      const v = Number(ds.cells[1][r]);
      const ok = ds.cells[0][r] !== 'C' && v >= lo && v <= hi;
      if (ok) expected++;
      expect(known.has(r)).toBe(ok);
    }
    expect(expected).toBeGreaterThan(250); // the 300 unsampled A and B rows, less a few beyond the sample's range
    expect(known.size).toBe(expected);
  });

  it('needs missing values in training for a missing value, and the category for a category', async () => {
    const ds = await sales();
    const rows = all(ds.info.rows);
    // Trained on A and C: amounts 10 to 596 and missing amounts; B is the only thing unseen.
    const ac = applySubset(ds, { segments: { columns: [0], keep: [['A'], ['C']] }, sample: null, seed: 1, split });
    expect(knownRows(ds, ac.train, ac.outside)).toHaveLength(0);
    expect(knownRows(ds, ac.train, rows)).toHaveLength(600);
    // Trained on C without its rows lacking an amount: those rows are not covered.
    const cRows = Int32Array.from(rows.filter((r) => ds.cells[0][r] === 'C'));
    const withAmount = Int32Array.from(cRows.filter((r) => ds.cells[1][r] !== ''));
    const covered = knownRows(ds, withAmount, cRows);
    expect(covered).toEqual(withAmount);
    expect(cRows.length - covered.length).toBe(30);
  });
});
