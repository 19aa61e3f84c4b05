/**
 * `layerwise train` and `sample` as a user runs them, where the audit found them unsafe: the
 * output is never the input nor a file of another kind, impossible splits and settings are
 * refused in one line before training, what the import noticed is said, a folder that cannot
 * be written is found before training, a model whose save fails is kept, and `sample` bounds
 * its rows and never writes over a model.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../synthesizer/index.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-train-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SAMPLE = 'resources/sample-orders.csv';
const TINY = ['--layers', '6', '--epochs', '1', '--top', 'bernoulli', '--sample', '400', '--quiet'];

function cli(args: string[]) {
  return spawnSync(process.execPath, ['bin/layerwise.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
}

/** One line on stderr, no stack trace, a non-zero exit. */
function oneLine(r: ReturnType<typeof cli>): string {
  expect(r.status, r.stderr).not.toBe(0);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).not.toMatch(/\bat .*:\d+|undefined|TypeError/);
  return lines[0];
}

describe('layerwise train output', () => {
  it('never writes over its input, even through a symlink, nor over a file that is not a model without --force', () => {
    const csv = join(dir, 'data.csv');
    writeFileSync(csv, readFileSync(SAMPLE));
    const before = readFileSync(csv);
    expect(oneLine(cli(['train', csv, '--out', csv, ...TINY]))).toMatch(/is the input file itself/);
    const link = join(dir, 'link.lwm');
    symlinkSync(csv, link);
    expect(oneLine(cli(['train', csv, '--out', link, ...TINY]))).toMatch(/is the input file itself/);
    expect(readFileSync(csv).equals(before)).toBe(true);

    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes');
    chmodSync(notes, 0o600);
    expect(oneLine(cli(['train', csv, '--out', notes, ...TINY]))).toMatch(/is not a model file.*--force/);
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
    const forced = cli(['train', csv, '--out', notes, '--force', ...TINY]);
    expect(forced.status, forced.stderr).toBe(0);
    // Replaced by the model, keeping its permissions; a model may then be replaced by a model.
    expect(statSync(notes).mode & 0o777).toBe(0o600);
    const again = cli(['train', csv, '--out', notes, ...TINY]);
    expect(again.status, again.stderr).toBe(0);
  });

  it('finds an output folder that does not exist before it trains', () => {
    const started = Date.now();
    const r = cli(['train', SAMPLE, '--out', join(dir, 'missing', 'm.lwm'), ...TINY]);
    expect(oneLine(r)).toMatch(/^layerwise: Cannot write to the folder of .*missing\/m\.lwm/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('keeps the trained model in the temporary folder when the save fails, and says where', async () => {
    const folder = mkdtempSync(join(dir, 'vanishing-'));
    const out = join(folder, 'm.lwm');
    const child = spawn(
      process.execPath,
      ['bin/layerwise.mjs', 'train', SAMPLE, '--out', out, '--layers', '8,4', '--epochs', '3', '--top', 'rbm'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // The folder goes away once training has started: the checks before it passed, the save fails.
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/training rows/.test(stderr) && existsSync(folder)) rmSync(folder, { recursive: true, force: true });
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).not.toBe(0);
    const match = /The trained model was kept in (\S+\.lwm): move it/.exec(stderr);
    expect(match, stderr).not.toBeNull();
    const kept = match![1];
    try {
      expect((JSON.parse(stdout) as { model: string }).model).toBe(kept);
      const bundle = await readBundle(kept);
      expect(bundle.manifest.architecture.sizes).toEqual([8, 4]);
    } finally {
      rmSync(kept, { force: true });
    }
  });
});

describe('layerwise train settings and split', () => {
  it('refuses impossible splits and settings in one line, before training', () => {
    const run = (...args: string[]) => oneLine(cli(['train', SAMPLE, '--out', join(dir, 'x.lwm'), ...TINY, ...args]));
    expect(run('--valid', '1', '--test', '0')).toMatch(/--valid and --test must be fractions/);
    expect(run('--valid', '0.6', '--test', '0.5')).toMatch(/they are 0.6 and 0.5/);
    expect(run('--valid=-0.1')).toMatch(/--valid and --test/);
    expect(run('--valid', '-0.1')).toMatch(/^layerwise: Option '--valid' argument is ambiguous\. Did you forget/);
    expect(run('--lr', '1e308')).toMatch(
      /Learning rate of layer 1 must be more than 0 and at most 10 \(it is 1e\+308\)/,
    );
    expect(run('--inference-width', '3000000')).toMatch(/Inference width of layer 1 .* between 1 and 4096/);
    expect(run('--samples', '200000')).toMatch(/Samples per row \(S\) of layer 1 .* between 1 and 256/);
    expect(run('--top-hidden', '100000000')).toMatch(/Hidden units of the top prior .* between 1 and 1024/);
    expect(run('--layers', '8,8,8,8,8,8,8,8,8')).toMatch(/The number of layers .* between 1 and 8 \(it is 9\)/);
    expect(run('--sample', '14', '--valid', '0.3', '--test', '0.3')).toMatch(/rows are left to train on; at least 10/);
    expect(existsSync(join(dir, 'x.lwm'))).toBe(false);
  });
});

describe('layerwise train notices', () => {
  it('says what the import noticed on stderr and in the JSON summary', () => {
    const csv = join(dir, 'ragged.csv');
    const lines = ['id,region,amount,memo'];
    for (let i = 0; i < 300; i++) {
      const memo = `free text number ${i * 7919} about order ${i}`;
      const row = `${1000 + i},${['north', 'south', 'east'][i % 3]},${(i * 37) % 50},${memo}`;
      lines.push(i % 50 === 7 ? `${row},extra,fields` : row);
    }
    writeFileSync(csv, lines.join('\n'));
    const r = cli([
      'train',
      csv,
      '--out',
      join(dir, 'ragged.lwm'),
      '--layers',
      '4',
      '--epochs',
      '1',
      '--top',
      'bernoulli',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Note \(warning\): 6 rows had more than 4 fields/);
    expect(r.stderr).toMatch(/Note: the model uses 2 of 4 columns; 2 are left out/);
    const summary = JSON.parse(r.stdout) as {
      import: { notices: { code: string; message: string }[]; leftOut: { name: string; reason: string }[] };
    };
    expect(summary.import.notices.map((n) => n.code)).toContain('problems.tooManyFields.padded');
    expect(summary.import.leftOut).toEqual([
      { name: 'id', reason: 'identifier' },
      { name: 'memo', reason: 'text' },
    ]);
  });
});

describe('layerwise sample output', () => {
  it('bounds --rows and never writes over a model; an existing CSV is replaced', () => {
    const model = join(dir, 'model.lwm');
    const trained = cli(['train', SAMPLE, '--out', model, ...TINY]);
    expect(trained.status, trained.stderr).toBe(0);
    const bytes = readFileSync(model);
    expect(oneLine(cli(['sample', model, '--rows', '10000001']))).toMatch(/--rows must be between 1 and 10000000/);
    expect(oneLine(cli(['sample', model, '--rows', '5', '--out', model]))).toMatch(/is the input file itself/);
    const other = join(dir, 'other.lwm');
    writeFileSync(other, bytes);
    expect(oneLine(cli(['sample', model, '--rows', '5', '--out', other]))).toMatch(/is a model file/);
    const source = join(dir, 'sample-orders.csv');
    writeFileSync(source, 'the data the model was trained on');
    expect(oneLine(cli(['sample', model, '--rows', '5', '--out', source]))).toMatch(/--force/);
    expect(readFileSync(other).equals(bytes)).toBe(true);
    const rows = join(dir, 'rows.csv');
    writeFileSync(rows, 'old');
    const ok = cli(['sample', model, '--rows', '5', '--out', rows]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(rows, 'utf8').split('\n').length).toBeGreaterThan(5);
  });
});
