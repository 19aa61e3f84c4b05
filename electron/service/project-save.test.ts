/**
 * Saving and reopening through the service: a project saved as one file reopens with its
 * models, figures and chart points; its data is found again when it is where it was, asked for
 * otherwise and checked by fingerprint; the models work without it. A model file opens on its
 * own. Autosave after each layer; an autosaved project is offered and restored.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../shared/i18n/format.js';
import { EngineClient } from './engine-thread/client.js';
import { sourceSamplePath } from '../platform/paths.js';
import { Autosaves } from './project/autosave.js';
import { projectFromBytes } from './project/project-file.js';
import { penguinsCsv, trainTiny, testService } from './project/test-support.js';

let dir: string;
let engine: EngineClient;
let penguins: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-project-save-'));
  penguins = join(dir, 'a1b2-upload.csv');
  await writeFile(penguins, penguinsCsv(300));
  engine = new EngineClient();
});
afterAll(async () => {
  await engine.dispose();
  await rm(dir, { recursive: true, force: true });
});

function service(autosaves: Autosaves | null = null) {
  return testService(engine, { autosaves });
}

/** Saves the project and writes the bytes the saver got to `name` in the test folder. */
async function saveTo(s: ReturnType<typeof service>, name: string): Promise<string> {
  const { result, project } = await s.svc['project.save']({ as: false });
  expect(result).toMatchObject({ saved: true, fileName: `${project.name}.lwproj` });
  expect(project.dirty).toBe(false);
  const path = join(dir, name);
  await writeFile(path, s.saver.saved.at(-1)!.bytes);
  return path;
}

describe('saving and reopening', () => {
  it('reopens an uploaded file’s project with its models, figures and chart, asks for the data and checks it', async () => {
    const first = service();
    const upload = first.files.register(penguins, 'penguins.csv');
    const info = await first.svc['data.import']({ source: { kind: 'file', fileId: upload.fileId } });
    const sex = info.columns.find((c) => c.name === 'sex')!;
    await first.svc['data.updateColumns']({ columns: [{ index: sex.index, type: 'text' }] });
    await first.svc['subset.apply']({
      spec: {
        segments: null,
        sample: { rows: 200, stratified: false },
        seed: 4,
        split: { train: 0.8, valid: 0.1, test: 0.1 },
      },
    });
    await trainTiny(first.svc, first.events);
    const before = await first.svc['project.state']();
    expect(before.unsaved).toBe(true);
    expect(before.models[0].points.length).toBeGreaterThan(0);
    const path = await saveTo(first, 'penguins.lwproj');
    const preview = await first.svc['samples.generate']({ rows: 8, seed: 3 });

    // Another session (the web host restarted): the upload is gone, so the data is asked for.
    const second = service();
    const state = await second.svc['project.open']({ fileId: second.files.register(path).fileId });
    expect(state).toMatchObject({
      name: 'penguins',
      fileName: 'penguins.lwproj',
      dataMissing: 'notFound',
      dirty: false,
    });
    expect(state.models.map((m) => ({ ...m, stale: null }))).toEqual(before.models.map((m) => ({ ...m, stale: null })));
    expect(state.selected).toBe(before.selected);
    expect(state.subset?.spec).toEqual(before.subset?.spec);
    expect(state.columns.find((c) => c.name === 'sex')?.type).toBe('text');
    // The model works without its data: the same rows for the same seed, a model file, a report.
    expect((await second.svc['samples.generate']({ rows: 8, seed: 3 })).generated).toEqual(preview.generated);
    expect((await second.svc['export.model']()).fileName).toBe('penguins.lwm');
    await second.svc['export.report']();
    expect(new TextDecoder().decode(second.saver.saved.at(-1)!.bytes)).toContain('penguins.csv');
    await expect(second.svc['train.defaults']()).rejects.toMatchObject({ code: 'project.noData' });

    // Another file is refused, saying which one it expected; the same bytes under another name are taken.
    const wrong = second.files.register(sourceSamplePath());
    const err = await second.svc['project.locateData']({ fileId: wrong.fileId }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'project.otherData' });
    expect(formatError(err, 'en')).toContain(
      '"sample-orders.csv" is not the data this project was made with ("penguins.csv"',
    );
    expect((await second.svc['project.state']()).dataMissing).toBe('changed');
    const copy = join(dir, 'penguins-moved.csv');
    await copyFile(penguins, copy);
    const found = await second.svc['project.locateData']({
      fileId: second.files.register(copy, 'penguins.csv').fileId,
    });
    expect(found.dataMissing).toBeNull();
    expect(found.data?.columns.find((c) => c.name === 'sex')?.type).toBe('text');
    expect(found.subset?.rows).toBe(200);
    expect(found.models[0].stale).toBeNull();
  });

  it('finds the sample again by itself, and opens a model file on its own', async () => {
    const first = service();
    await first.svc['data.import']({ source: { kind: 'sample' } });
    await trainTiny(first.svc, first.events);
    const path = await saveTo(first, 'orders.lwproj');
    await first.svc['export.model']();
    const modelPath = join(dir, 'orders.lwm');
    await writeFile(modelPath, first.saver.saved.at(-1)!.bytes);

    const second = service();
    const reopened = await second.svc['project.open']({ fileId: second.files.register(path).fileId });
    expect(reopened.dataMissing).toBeNull();
    expect(reopened.data?.fileName).toBe('sample-orders.csv');
    expect(reopened.importSource).toEqual({ kind: 'sample' });
    expect(reopened.models[0].stale).toBeNull();

    const third = service();
    const model = await third.svc['project.open']({ fileId: third.files.register(modelPath).fileId });
    expect(model).toMatchObject({
      name: 'orders',
      dataMissing: 'modelOnly',
      models: [{ name: 'orders.lwm', origin: 'opened', stale: null }],
    });
    expect((await third.svc['samples.generate']({ rows: 4, seed: 1 })).generated.rows).toHaveLength(4);
    // Loading data after a model opened alone starts a project of that data.
    await third.svc['data.import']({ source: { kind: 'sample' } });
    expect((await third.svc['project.state']()).models).toEqual([]);
  });

  it('autosaves after each layer and at the end, and restores the last session in another one', async () => {
    const folder = join(dir, 'autosave');
    const first = service(new Autosaves(folder));
    await first.svc['data.import']({ source: { kind: 'sample' } });
    await trainTiny(first.svc, first.events);
    await first.svc.session.flush();
    const project = await first.svc['project.state']();
    expect(project.autosavedAt).not.toBeNull();
    // The project open here is not offered to itself; another session sees it.
    expect(await first.svc['project.autosaved']()).toEqual([]);
    const second = service(new Autosaves(folder));
    const offered = await second.svc['project.autosaved']();
    expect(offered).toEqual([{ id: project.id, name: 'sample-orders', savedAt: expect.any(String), models: 1 }]);
    const restored = await second.svc['project.restore']({ id: project.id });
    expect(restored.models.map((m) => m.summary)).toEqual(project.models.map((m) => m.summary));
    expect(restored.dataMissing).toBeNull();
    expect((await second.svc['samples.generate']({ rows: 3, seed: 1 })).generated.rows).toHaveLength(3);
    expect(await second.svc['project.forgetAutosave']({ id: project.id })).toEqual({ removed: true });
  });

  it('autosaves a run after each layer, so a killed process leaves its figures so far', async () => {
    const autosaves = new Autosaves(join(dir, 'layers'));
    const s = service(autosaves);
    await s.svc['data.import']({ source: { kind: 'sample' } });
    const { config } = await s.svc['train.defaults']();
    const layer = { ...config.layers[0], units: 6, epochs: 1 };
    const long = { ...config, layers: [layer, { ...layer, units: 4, epochs: 500, batchSize: 16 }], patience: 0 };
    const { runId } = await s.svc['train.start']({ rareMin: 5, config: long });
    await expect
      .poll(() => s.events.some((e) => e.type === 'train.layer' && e.runId === runId), { timeout: 60_000 })
      .toBe(true);
    await s.svc.session.flush();
    const id = (await s.svc['project.state']()).id;
    const saved = projectFromBytes(await autosaves.read(id), 'autosave');
    expect(saved.run).toMatchObject({ runId, state: 'cancelled', layers: [{ layer: 0, units: 6 }] });
    expect(saved.run!.points.length).toBeGreaterThan(0);
    await s.svc['train.cancel']({ runId });
  });
});
