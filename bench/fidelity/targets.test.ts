/** The bench's verdicts: the tails on the large draw, "meaningful" TSTR targets and the 0.8× rule. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, type Dataset } from '../../electron/data/index.js';
import type { TstrCheck } from '../../shared/domain/quality.js';
import { meaningful, tailShares, tstrOk, type BenchRun } from './columns.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-fidelity-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function table(name: string, values: number[]): Promise<Dataset> {
  const path = join(dir, `${name}.csv`);
  await writeFile(path, ['x,g', ...values.map((v, i) => `${v},${i % 2 ? 'a' : 'b'}`)].join('\n') + '\n');
  return importCsv(path);
}

const score = (v: number | null) => ({ score: v, macroF1: null });
function check(metric: 'accuracy' | 'r2', real: number, synthetic: number, baseline: number): TstrCheck {
  const task = metric === 'r2' ? 'regression' : 'classification';
  const scores = { real: score(real), synthetic: score(synthetic), baseline: score(baseline), floor: score(0) };
  return { target: 't', task, metric, ...scores, fitRows: 100, testRows: 20 };
}

describe('fidelity bench verdicts', () => {
  it('measures the tails on the large draw against the real share beyond the real p99', async () => {
    // Training rows 0..99 twice (p99 = 98.01, 1 % above it); drawn rows: 3 % at 99, one 150 beyond the range.
    const train = await table(
      'train',
      Array.from({ length: 200 }, (_, i) => i % 100),
    );
    const tail = await table('tail', [
      ...Array.from({ length: 969 }, (_, i) => i % 98),
      ...new Array(30).fill(99),
      150,
    ]);
    const run = { train, tail } as Pick<BenchRun, 'train' | 'tail'> as BenchRun;
    const [t] = tailShares(run);
    expect(t.real).toBeCloseTo(0.01, 12);
    expect(t.share).toBeCloseTo(0.031, 12);
    expect(t.error).toBeCloseTo(Math.sqrt((0.031 * 0.969) / 1000), 12);
    expect(t.outside).toBe(1);
    expect(t.ok).toBe(false);
    const near = await table('near', [...Array.from({ length: 986 }, (_, i) => i % 98), ...new Array(14).fill(99)]);
    expect(tailShares({ ...run, tail: near })[0]).toMatchObject({ ok: true, outside: 0 });
  });

  it('judges TSTR only where the real score is well above chance, at 0.8 × the real score', () => {
    expect(meaningful(check('accuracy', 0.95, 0.95, 0.95))).toBe(false);
    expect(meaningful(check('accuracy', 0.64, 0.6, 0.57))).toBe(false);
    expect(meaningful(check('accuracy', 0.9, 0.6, 0.43))).toBe(true);
    expect(meaningful(check('r2', 0.29, 0.2, 0))).toBe(false);
    expect(meaningful(check('r2', 0.8, 0.2, 0))).toBe(true);
    expect(tstrOk(check('r2', 0.8, 0.65, 0))).toBe(true);
    expect(tstrOk(check('r2', 0.8, 0.63, 0))).toBe(false);
  });
});
