/**
 * Layer by layer through the service's contract methods, with the real engine thread on a
 * small subset of the sample and one or two epochs: "Suggest a size" with its candidates as
 * events and its ranking in the project; layer 1, a layer added, the top layer retrained;
 * finishing makes an ordinary model of the project (method per layer, sizes, figures, chart,
 * the calibration of its numbers as in its file);
 * fine-tuning makes another with its log-likelihood before and after; the stack is marked out
 * of date like a model, goes with a new project, is saved in the project file with its
 * headroom and, reopened, goes on training. Refusals: no stack yet, a layer that is not there,
 * a stage while another runs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../shared/contract.js';
import type { LayerConfig } from '../../shared/domain/model.js';
import { bundleFromBytes } from '../synthesizer/index.js';
import { EngineClient } from './engine-thread/client.js';
import { projectFromBytes } from './project/project-file.js';
import { testService } from './project/test-support.js';

let engine: EngineClient;
let dir: string;
beforeAll(async () => {
  engine = new EngineClient();
  dir = await mkdtemp(join(tmpdir(), 'lw-layer-stages-'));
});
afterAll(async () => {
  await engine.dispose();
  await rm(dir, { recursive: true, force: true });
});

function service() {
  return testService(engine);
}

/** Waits for the end of job `runId`; fails saying how when it did not end done. */
async function ended(events: ServerEvent[], runId: string): Promise<Extract<ServerEvent, { type: 'train.state' }>> {
  const started = Date.now();
  for (;;) {
    const end = events.find((e) => e.type === 'train.state' && e.runId === runId && e.state !== 'running');
    if (end?.type === 'train.state') {
      if (end.state !== 'done') throw new Error(`stage ended ${end.state}: ${JSON.stringify(end.error)}`);
      return end;
    }
    if (Date.now() - started > 120_000) throw new Error('stage did not end');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const settings = { seed: 3, validationFraction: 0.1, patience: 0 };
const top = { topPrior: 'bernoulli' as const, topHidden: 4, topEpochs: 0 };

async function withSample(s: ReturnType<typeof service>): Promise<LayerConfig> {
  await s.svc['data.import']({ source: { kind: 'sample' } });
  await s.svc['subset.apply']({
    spec: {
      segments: null,
      sample: { rows: 300, stratified: false },
      seed: 2,
      split: { train: 0.8, valid: 0.1, test: 0.1 },
    },
  });
  const { config } = await s.svc['train.defaults']();
  return { ...config.layers[0], epochs: 1, batchSize: 64 };
}

describe('layer by layer through the service', () => {
  it('suggests a size, trains, adds, retrains, finishes into a model and fine-tunes it', async () => {
    const s = service();
    const layer = await withSample(s);
    await expect(s.svc['train.layer']({ layer, start: null, rareMin: 5 })).rejects.toMatchObject({
      code: 'layers.noStack',
    });

    const suggest = await s.svc['train.suggest']({ layer, sizes: [3, 6], settings, budgetSeconds: 120, rareMin: 5 });
    await ended(s.events, suggest.runId);
    const candidates = s.events.filter((e) => e.type === 'train.candidate' && e.runId === suggest.runId);
    expect(candidates).toHaveLength(2);
    const { suggestion } = await s.svc['train.stack']();
    expect(suggestion?.ranking.map((c) => c.units).sort()).toEqual([3, 6]);
    expect([3, 6]).toContain(suggestion?.recommended?.units);

    const one = await s.svc['train.layer']({ layer: { ...layer, units: 6 }, start: settings, rareMin: 5 });
    // One job at a time: a second stage is refused while the first runs.
    await expect(s.svc['train.finish']({ top })).rejects.toMatchObject({ code: expect.stringMatching(/busy|noStack/) });
    await ended(s.events, one.runId);
    let state = await s.svc['train.stack']();
    expect(state.job).toBeNull();
    expect(state.stack?.layers.map((l) => l.units)).toEqual([6]);
    expect(state.stack?.headroom.layers[0].bound?.train.value).toBeLessThan(0);
    expect(state.stack?.points.length).toBe(1);
    expect(s.events.some((e) => e.type === 'train.stackChanged' && e.layers.stack?.layers.length === 1)).toBe(true);

    const two = await s.svc['train.layer']({ layer: { ...layer, units: 4 }, start: null, rareMin: 5 });
    await ended(s.events, two.runId);
    const again = await s.svc['train.retrainLayer']({ index: 1, layer: { ...layer, units: 3, method: 'rbm' } });
    await ended(s.events, again.runId);
    state = await s.svc['train.stack']();
    expect(state.stack?.layers.map((l) => [l.units, l.method])).toEqual([
      [6, 'aeries'],
      [3, 'rbm'],
    ]);
    expect(state.stack?.configs.map((c) => c.units)).toEqual([6, 3]);
    expect(state.stack?.headroom.layers).toHaveLength(2);
    await expect(s.svc['train.retrainLayer']({ index: 5, layer })).rejects.toMatchObject({
      code: 'layers.noSuchLayer',
    });

    const finish = await s.svc['train.finish']({ top });
    const done = await ended(s.events, finish.runId);
    expect(done.summary?.layers.map((l) => l.units)).toEqual([6, 3]);
    let project = await s.svc['project.state']();
    const model = project.models.find((m) => m.id === finish.runId)!;
    expect(project.selected).toBe(finish.runId);
    expect(model.config.layers.map((l) => [l.units, l.method])).toEqual([
      [6, 'aeries'],
      [3, 'rbm'],
    ]);
    expect(model.config.topPrior).toBe('bernoulli');
    expect(model.summary.logLikelihood.train.value).toBeLessThan(0);
    // Its chart: the stack's layer points and the top prior's.
    expect(model.points.filter((p) => p.stage === 'layer').map((p) => p.layer)).toEqual([0, 1]);
    // The stack stays, to add a layer or finish another way.
    expect((await s.svc['train.stack']()).stack?.layers).toHaveLength(2);
    const rows = await s.svc['samples.generate']({ rows: 5, seed: 1 });
    expect(rows.generated.rows).toHaveLength(5);
    // The app decodes a finished or fine-tuned model as its file does: with the file's calibration.
    const calibrations = (id: string) => {
      const entry = s.svc['project'].model(id);
      return [entry.encoding.calibration, bundleFromBytes(entry.bytes!).manifest.dataEncoding.calibration];
    };
    const [kept, inFile] = calibrations(finish.runId);
    expect(kept?.columns.length).toBeGreaterThan(0);
    expect(kept).toEqual(inFile);

    const tune = await s.svc['train.fineTune']({ modelId: null, epochs: 1 });
    await ended(s.events, tune.runId);
    project = await s.svc['project.state']();
    const tuned = project.models.find((m) => m.id === tune.runId)!;
    expect(tuned.name).toBe(`${model.name}, fine-tuned`);
    expect(tuned.summary.fineTune?.before.value).toBeCloseTo(
      (model.summary.logLikelihood.valid ?? model.summary.logLikelihood.train).value,
      6,
    );
    expect(tuned.summary.fineTune?.after.value).toEqual(expect.any(Number));
    const [tunedKept, tunedInFile] = calibrations(tune.runId);
    expect(tunedKept).toEqual(tunedInFile);
    expect(tunedKept).not.toEqual(kept);
    expect(project.models).toHaveLength(2);
  });

  it('marks the stack out of date, saves it with its headroom, reopens it and goes on', async () => {
    const s = service();
    const layer = await withSample(s);
    const one = await s.svc['train.layer']({ layer: { ...layer, units: 5 }, start: settings, rareMin: 5 });
    await ended(s.events, one.runId);
    expect((await s.svc['project.state']()).unsaved).toBe(true);
    const saved = await s.svc['train.stack']();

    const { result } = await s.svc['project.save']({ as: false });
    expect(result.saved).toBe(true);
    const bytes = s.saver.saved.at(-1)!.bytes;
    const content = projectFromBytes(bytes, 'p.lwproj');
    expect(content.layers?.saved.stack?.headroom).toEqual(saved.stack?.headroom);
    expect(content.layers?.bytes?.byteLength).toBeGreaterThan(0);

    const path = join(dir, 'stack.lwproj');
    await writeFile(path, bytes);
    const other = service();
    const opened = await other.svc['project.open']({ fileId: other.files.register(path).fileId });
    expect(opened.dataMissing).toBeNull();
    const reopened = await other.svc['train.stack']();
    expect(reopened.stack?.layers).toEqual(saved.stack?.layers);
    expect(reopened.stack?.stale).toBeNull();
    const two = await other.svc['train.layer']({ layer: { ...layer, units: 3 }, start: null, rareMin: 5 });
    await ended(other.events, two.runId);
    expect((await other.svc['train.stack']()).stack?.layers.map((l) => l.units)).toEqual([5, 3]);

    // Another subset: the stack is out of date, and cannot go on with other rows.
    await other.svc['subset.apply']({
      spec: {
        segments: null,
        sample: { rows: 200, stratified: false },
        seed: 9,
        split: { train: 0.8, valid: 0.1, test: 0.1 },
      },
    });
    const stale = await other.svc['train.stack']();
    expect(stale.stack?.stale?.changes.map((c) => c.what)).toEqual(['subset']);
    const changed = other.events.filter((e) => e.type === 'train.stackChanged');
    expect(changed.at(-1)).toMatchObject({ layers: { stack: { stale: { changes: [{ what: 'subset' }] } } } });

    // Another file: a new project, without the stack.
    await other.svc['data.import']({ source: { kind: 'sample' }, newProject: true });
    expect((await other.svc['train.stack']()).stack).toBeNull();
  });

  it('stops the stage running when another project takes its place, which then has no trace of it', async () => {
    const s = service();
    const layer = await withSample(s);
    const { runId } = await s.svc['train.layer']({ layer: { ...layer, epochs: 200 }, start: settings, rareMin: 5 });
    expect((await s.svc['train.stack']()).job).toMatchObject({ runId, kind: 'layer' });
    await s.svc['data.import']({ source: { kind: 'sample' }, newProject: true });
    await expect(ended(s.events, runId)).rejects.toThrow(/stage ended cancelled/);
    expect(await s.svc['train.stack']()).toMatchObject({ stack: null, job: null });
  });
});
