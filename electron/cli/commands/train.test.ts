/** `layerwise train` with the Subset step's options, as a user runs it, on the sample orders. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataProvenance } from '../../../shared/domain/data.js';
import { readBundle } from '../../synthesizer/index.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-train-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SAMPLE = 'resources/sample-orders.csv';
const TINY = ['--layers', '6', '--epochs', '1', '--top', 'bernoulli', '--quiet'];

function train(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['bin/layerwise.mjs', 'train', SAMPLE, '--out', join(dir, 'm.lwm'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });
}

interface Summary {
  rows: { train: number; valid: number; test: number };
  outside: { rows: number; represented: number; logLikelihood: { value: number } | null } | null;
  subset: {
    rows: number;
    outside: number;
    spec: { segments: { keep: string[][] } | null };
    fromFile: { fileRows: number; matchingRows: number; stratified: boolean } | null;
  };
}

describe('layerwise train subset options', () => {
  it('keeps the segments asked for and samples them; a small memory budget draws them from the whole file', async () => {
    const inMemory = train([
      '--segments',
      'region',
      '--keep',
      'Kanto',
      '--keep',
      'Kansai',
      '--sample',
      '1000',
      ...TINY,
    ]);
    expect(inMemory.status, inMemory.stderr).toBe(0);
    const a = JSON.parse(inMemory.stdout) as Summary;
    expect(a.subset.spec.segments?.keep).toEqual([['Kanto'], ['Kansai']]);
    expect(a.subset.rows).toBe(1000);
    expect(a.rows.train + a.rows.valid + a.rows.test).toBe(1000);
    expect(a.subset.fromFile).toBeNull();
    // The rows left out: the unsampled Kanto and Kansai rows (values seen in training, mostly) and every other region (never seen).
    expect(a.outside?.rows).toBe(8000 - 1000);
    expect(a.outside!.represented).toBeGreaterThan(1000);
    expect(a.outside!.represented).toBeLessThan(a.subset.outside);
    expect(a.outside!.logLikelihood!.value).toBeLessThan(0);
    // The model file says where its rows came from: the file as read, the columns, the subset.
    const { manifest } = await readBundle(join(dir, 'm.lwm'));
    const provenance = DataProvenance.parse(manifest.dataProvenance);
    expect(provenance).toMatchObject({
      fileName: 'sample-orders.csv',
      fileRows: 8000,
      rows: { subset: 1000, outside: 7000 },
      fromFile: null,
    });
    expect(provenance.subset.segments?.keep).toEqual([['Kanto'], ['Kansai']]);
    expect(provenance.options).toMatchObject({ encoding: 'utf-8', delimiter: ',', header: true });
    expect(provenance.columns.find((c) => c.name === 'order_date')?.type).toBe('date');

    const streamed = train(['--segments', 'region', '--coverage', '60', '--sample', '1200', ...TINY], {
      LAYERWISE_MEMORY_MB: '1.5',
    });
    expect(streamed.status, streamed.stderr).toBe(0);
    const b = JSON.parse(streamed.stdout) as Summary;
    expect(b.subset.rows).toBe(1200);
    expect(b.subset.fromFile).toMatchObject({ fileRows: 8000, stratified: true });
    expect(b.subset.fromFile!.matchingRows).toBeGreaterThan(0.6 * 8000);
  });

  it('says in one line what is wrong with the options', () => {
    const unknown = train(['--segments', 'regoin', ...TINY]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/no column named "regoin"/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const badKeep = train(['--segments', 'region,payment', '--keep', 'Kanto', ...TINY]);
    expect(badKeep.stderr).toMatch(/give 2 value\(s\) joined by \|/);
    const orphan = train(['--keep', 'Kanto', ...TINY]);
    expect(orphan.stderr).toMatch(/need --segments/);
  });
});

describe('layerwise train --rare-min', () => {
  it('records the rare-value threshold in the summary, and refuses one out of range in one line', () => {
    const off = train(['--rare-min', '1', ...TINY]);
    expect(off.status, off.stderr).toBe(0);
    expect((JSON.parse(off.stdout) as { rareValues: unknown }).rareValues).toEqual({ rareMin: 1, columns: [] });
    const bad = train(['--rare-min', '0', ...TINY]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([
      'layerwise: --rare-min must be a whole number from 1 to 1000. Run "layerwise --help" for usage.',
    ]);
  });
});
