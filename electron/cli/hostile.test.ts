/**
 * The hostile-input suite: every generated file (test/hostile-files.ts) through `inspect`,
 * `train` and `sample` as a user runs them — in this process through the CLI's entry, and a
 * handful through the real `bin/layerwise.mjs` — with tiny training settings. Each gives a
 * correct result with its notices, or one translated line on stderr and exit code 2; never a
 * stack trace, an internal error or a formula in the CSV written for Excel; values seen fewer
 * than 5 times are in neither the model file nor the generated rows.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { errorMessages } from '../../shared/i18n/format.js';
import { toCsv } from '../data/index.js';
import { main } from './main.js';
import { writeHostileFiles, type HostileFile } from './test/hostile-files.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = writeHostileFiles(dir);
const TINY = ['--layers', '4', '--epochs', '1', '--top', 'bernoulli', '--seed', '1', '--quiet'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI in this process, as `bin/layerwise.mjs` runs it, with its output captured. */
async function cli(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (to: string[]) =>
    ((chunk: string | Uint8Array) => {
      to.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
  const so = vi.spyOn(process.stdout, 'write').mockImplementation(sink(out));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation(sink(err));
  try {
    const status = await main(args);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

/** The real command in a child process. */
function spawned(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['bin/layerwise.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace, no Node error line, no internal error: exit 0, or 2 for a message the user can act on. */
function calm(r: Run): void {
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/^(\w*Error|Error)\b.*:/m);
  expect([0, 2], r.stderr).toContain(r.status);
}

/** One translated line for `code` on stderr, nothing on stdout, exit 2. */
function refused(r: Run, code: string): void {
  calm(r);
  expect(r.status, r.stdout).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  const template = errorMessages.en[code];
  expect(template, code).toBeDefined();
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '.*');
  expect(lines[0]).toMatch(new RegExp(`^layerwise: ${pattern}$`));
}

/** A cell Excel would run as a formula: =, @, tab, CR (also full-width, after spaces), or a sign before a non-number. */
const FORMULA = /^[ \u3000]*([=@＝＠\t\r]|[+\-＋－](?![\d０-９.,' ]*%?$))/;

function readCsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(false); // UTF-8 without a BOM: the CLI's default
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

interface Inspected {
  encoding: string;
  delimiter: string;
  rows: number;
  columns: { name: string; type: string }[];
  problems: { code: string; message: string }[];
}

function checkInspect(file: HostileFile, r: Run): Inspected | null {
  const e = file.expect;
  if (!e.ok) {
    refused(r, e.error);
    return null;
  }
  calm(r);
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as Inspected;
  if (e.encoding) expect(out.encoding).toBe(e.encoding);
  if (e.delimiter) expect(out.delimiter).toBe(e.delimiter);
  if (e.rows !== undefined) expect(out.rows).toBe(e.rows);
  const types = Object.fromEntries(out.columns.map((c) => [c.name, c.type]));
  expect(types).toMatchObject(e.types ?? {});
  const codes = out.problems.map((p) => p.code);
  for (const code of e.problems ?? []) expect(codes).toContain(code);
  for (const code of e.absent ?? []) expect(codes).not.toContain(code);
  for (const p of out.problems) expect(p.message, 'a translated notice').not.toBe(p.code);
  return out;
}

/** Generated rows: the file's columns (names guarded as Excel needs them), no formula, no rare value. */
function checkSample(file: HostileFile, inspected: Inspected, csvPath: string, model: string): void {
  const e = file.expect;
  if (!e.ok) return;
  const [header, ...rows] = readCsv(csvPath);
  const names = inspected.columns.map((c) => c.name);
  expect(header).toEqual(Papa.parse<string[]>(toCsv({ header: names, rows: [] }, { bom: false })).data[0]);
  expect(rows).toHaveLength(150);
  expect(rows.filter((row) => row.length !== names.length)).toEqual([]);
  expect([...header, ...rows.flat()].filter((cell) => FORMULA.test(cell))).toEqual([]);
  const modelText = readFileSync(model).toString('utf8');
  for (const secret of e.secret ?? []) {
    expect(modelText.includes(secret), `${secret} in the model file`).toBe(false);
    expect(
      rows.some((r) => r.some((c) => c.includes(secret))),
      `${secret} in generated rows`,
    ).toBe(false);
  }
  for (const [name, shape] of Object.entries(e.generated ?? {})) {
    const j = names.indexOf(name);
    expect(rows.map((r) => r[j]).filter((cell) => !shape.test(cell))).toEqual([]);
  }
  if (e.formulas) {
    expect(header[0]).toBe("'=cmd|' /C calc'!A0");
    expect(rows.some((r) => r[0].startsWith("'="))).toBe(true);
    expect(rows.some((r) => /^-\d$/.test(r[1]))).toBe(true);
  }
}

describe('hostile input, in process', () => {
  it.each(files.map((f) => [f.name, f] as const))('%s', async (_name, file) => {
    const inspected = checkInspect(file, await cli('inspect', file.path, '--json'));
    if (!file.expect.ok || !inspected) {
      refused(
        await cli('train', file.path, '--out', join(dir, 'never.lwm'), ...TINY),
        file.expect.ok ? '' : file.expect.error,
      );
      expect(existsSync(join(dir, 'never.lwm'))).toBe(false);
      return;
    }
    const model = join(dir, `${file.name}.lwm`);
    const trained = await cli('train', file.path, '--out', model, ...TINY);
    calm(trained);
    if (file.expect.train) {
      refused(trained, file.expect.train);
      return;
    }
    expect(trained.status, trained.stderr).toBe(0);
    expect(JSON.parse(trained.stdout)).toMatchObject({ model });
    const out = join(dir, `${file.name}.out.csv`);
    const sampled = await cli('sample', model, '--rows', '150', '--seed', '2', '--out', out);
    calm(sampled);
    expect(sampled.status, sampled.stderr).toBe(0);
    checkSample(file, inspected, out, model);
  });
});

describe('hostile input, through bin/layerwise.mjs', () => {
  const file = (name: string) => files.find((f) => f.name === name)!;

  it('refuses binary data with one line', () => {
    refused(spawned('inspect', file('random.bin.csv').path, '--json'), 'data.binary');
  });

  it('trains on formulas and samples them as text, or as they are when told to', async () => {
    const formulas = file('formulas.csv');
    const model = join(dir, 'spawned.lwm');
    const trained = spawned('train', formulas.path, '--out', model, ...TINY);
    calm(trained);
    expect(trained.status, trained.stderr).toBe(0);
    const guarded = spawned('sample', model, '--rows', '150', '--seed', '2', '--out', join(dir, 'guarded.csv'));
    calm(guarded);
    const inspected = checkInspect(formulas, await cli('inspect', formulas.path, '--json'))!;
    checkSample(formulas, inspected, join(dir, 'guarded.csv'), model);
    const raw = spawned('sample', model, '--rows', '150', '--seed', '2', '--no-formula-guard');
    calm(raw);
    expect(raw.status).toBe(0);
    const [header, ...rows] = Papa.parse<string[]>(raw.stdout, { skipEmptyLines: true }).data;
    expect(header[0]).toBe("=cmd|' /C calc'!A0");
    expect(rows.some((r) => r[0].startsWith('='))).toBe(true);
  });
});
