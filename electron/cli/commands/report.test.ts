/**
 * `layerwise report` on files saved by the app: a model file alone (its provenance, settings and
 * figures), the same with its data (data summary, histograms, representativeness), a project
 * (its models compared, training curves), in English or Japanese; wrong arguments are one line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../service/engine-thread/client.js';
import { sourceSamplePath } from '../../platform/paths.js';
import { testService, trainTiny } from '../../service/project/test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-report-cli-'));
const projectFile = join(dir, 'orders.lwproj');
const modelFile = join(dir, 'orders.lwm');
const out = join(dir, 'report.html');

function cli(args: string[]) {
  return spawnSync(process.execPath, ['bin/layerwise.mjs', ...args], { encoding: 'utf8', timeout: 120_000 });
}
const svgs = (html: string) => html.match(/<svg /g)?.length ?? 0;

beforeAll(async () => {
  const engine = new EngineClient();
  const { svc: service, events, saver } = testService(engine);
  await service['data.import']({ source: { kind: 'sample' } });
  await trainTiny(service, events, { epochs: 2 });
  await trainTiny(service, events, { epochs: 2, seed: 2 });
  await service['export.model']();
  writeFileSync(modelFile, saver.saved.at(-1)!.bytes);
  await service['project.save']({ as: false });
  writeFileSync(projectFile, saver.saved.at(-1)!.bytes);
  await engine.dispose();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('layerwise report', () => {
  it('writes a model file’s report in Japanese from the file alone, titled with the data’s real name', () => {
    const run = cli(['report', modelFile, '--out', out, '--lang', 'ja']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ out, lang: 'ja', model: 'orders.lwm', data: 'sample-orders.csv' });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<title>Layerwise Studio レポート — sample-orders.csv</title>');
    expect(html).toContain('データは読み込まれていません');
    expect(html).toContain('<h2>層ごとの上界</h2>');
    expect(html).toContain('<h2>対数尤度</h2>');
    expect(svgs(html)).toBe(1);
  });

  it('adds the data summary, its histograms and the subset’s representativeness with --data', () => {
    const run = cli(['report', modelFile, '--data', sourceSamplePath(), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).not.toContain('The data was not loaded');
    expect(html).toContain('<th scope="col">Distinct values</th>');
    // The model was trained on every row of the file: its subset represents the data exactly.
    expect(html).toContain('The subset is every row, so it represents the data exactly');
    expect(svgs(html)).toBeGreaterThan(4);
  });

  it('reports a project’s selected model with its curves and the other model, with its data', () => {
    const run = cli(['report', projectFile, '--data', sourceSamplePath(), '--out', out, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h2>Models of the project</h2>');
    expect(html).toContain('Model 2 (this report)');
    expect(html).toContain('Layer 1: criterion per epoch');
    expect(html).toContain('<th scope="col">Distinct values</th>');
  });

  it('refuses a language it does not have, a missing --out, a file that is no model, and writing over a model or a project, in one line each', () => {
    const before = readFileSync(projectFile);
    for (const args of [
      ['report', modelFile, '--out', out, '--lang', 'fr'],
      ['report', modelFile],
      ['report', sourceSamplePath(), '--out', out],
      ['report', modelFile, '--out', modelFile],
      ['report', modelFile, '--out', projectFile],
    ]) {
      const run = cli(args);
      expect(run.status).not.toBe(0);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^layerwise: /);
    }
    expect(readFileSync(projectFile).equals(before)).toBe(true);
  });
});
