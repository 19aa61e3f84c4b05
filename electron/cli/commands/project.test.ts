/**
 * The CLI on a project file saved by the app: `project info` lists its models with their
 * figures; `sample --model N` writes the rows the app exports for that seed, without the
 * columns the project leaves out, also where a column is fixed (in CP932 with semicolons); a
 * model number it does not have is one clear line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowTable } from '../../../shared/domain/data.js';
import { EngineClient } from '../../service/engine-thread/client.js';
import { testService, trainTiny } from '../../service/project/test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-project-cli-'));
const file = join(dir, 'orders.lwproj');
let appRows: RowTable;
let appKansai: RowTable;

function cli(args: string[]) {
  return spawnSync(process.execPath, ['bin/layerwise.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
}

beforeAll(async () => {
  const engine = new EngineClient();
  const { svc: service, events, saver } = testService(engine);
  const info = await service['data.import']({ source: { kind: 'sample' } });
  await trainTiny(service, events);
  await trainTiny(service, events, { seed: 2 });
  const age = info.columns.find((c) => c.name === 'customer_age')!;
  await service['data.updateColumns']({ columns: [{ index: age.index, include: false }] });
  await service['project.selectModel']({ modelId: (await service['project.state']()).models[0].id });
  appRows = (await service['samples.generate']({ rows: 12, seed: 3 })).generated;
  const where = [{ column: 'region', value: 'Kansai' }];
  appKansai = (await service['samples.generate']({ rows: 12, seed: 3, where })).generated;
  await service['project.save']({ as: false });
  writeFileSync(file, saver.saved.at(-1)!.bytes);
  await engine.dispose();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('layerwise project and sample on a project file', () => {
  it('prints the models with their figures, and what changed since they were trained', () => {
    const run = cli(['project', 'info', file]);
    expect(run.status, run.stderr).toBe(0);
    const info = JSON.parse(run.stdout) as {
      name: string;
      source: { name: string; sha256: string };
      models: {
        index: number;
        name: string;
        selected: boolean;
        layers: { units: number }[];
        logLikelihood: { train: { value: number; exact: boolean } };
        chartPoints: number;
        stale: { changes: { what: string }[] } | null;
      }[];
    };
    expect(info.name).toBe('sample-orders');
    expect(info.source.name).toBe('sample-orders.csv');
    expect(info.models.map((m) => [m.index, m.name, m.selected])).toEqual([
      [1, 'Model 1', true],
      [2, 'Model 2', false],
    ]);
    expect(info.models[0].layers).toMatchObject([{ units: 6 }]);
    expect(info.models[0].logLikelihood.train.value).toBeLessThan(0);
    expect(info.models[0].chartPoints).toBeGreaterThan(0);
    expect(info.models[0].stale?.changes.map((c) => c.what)).toEqual(['columns']);
  });

  it('generates the rows the app shows for the same seed, without the column left out', () => {
    const out = join(dir, 'rows.csv');
    const run = cli(['sample', file, '--model', '1', '--rows', '12', '--seed', '3', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const parsed = Papa.parse<string[]>(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(parsed[0]).toEqual(appRows.header);
    expect(parsed[0]).not.toContain('customer_age');
    expect(parsed.slice(1)).toEqual(appRows.rows);
    const other = cli(['sample', file, '--model', '2', '--rows', '12', '--seed', '3']);
    expect(other.status, other.stderr).toBe(0);
    expect(other.stdout).not.toBe(readFileSync(out, 'utf8'));
  });

  it('writes UTF-8 without a BOM by default, and with --where, --encoding cp932 --delimiter ";" the app\'s rows for region = Kansai', () => {
    const plain = cli(['sample', file, '--rows', '3', '--seed', '3']);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout.startsWith('order_id,')).toBe(true);
    const out = join(dir, 'kansai.csv');
    const args = ['--rows', '12', '--seed', '3', '--where', 'region=Kansai', '--encoding', 'cp932', '--delimiter', ';'];
    const run = cli(['sample', file, ...args, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      encoding: 'cp932',
      delimiter: ';',
      condition: { ess: expect.any(Number) },
    });
    const text = iconv.decode(readFileSync(out), 'cp932');
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(appKansai.header);
    expect(parsed.slice(1)).toEqual(appKansai.rows);
    expect(parsed.slice(1).every((r) => r[parsed[0].indexOf('region')] === 'Kansai')).toBe(true);
    const unknown = cli(['sample', file, '--rows', '3', '--where', 'region=Atlantis']);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('cannot generate "Atlantis" in column "region"');
    const bad = cli(['sample', file, '--encoding', 'latin1']);
    expect(bad.stderr).toContain('--encoding must be utf8, utf8-bom or cp932');
  });

  it('says in one line which model numbers exist', () => {
    const run = cli(['sample', file, '--model', '5', '--rows', '3']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--model must be between 1 and 2');
  });
});
