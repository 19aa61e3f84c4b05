/**
 * Projects through the service, with the real data layer and engine: another file starts a new
 * project with no trace of the first model; a column left out after training marks the model
 * out of date and never reaches generated rows; the preview is the start of the export; a
 * subset changed during training is named; uploaded files keep their real names.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../../shared/i18n/format.js';
import { EngineClient } from './engine-thread/client.js';
import { penguinsCsv, trainTiny, testService } from './project/test-support.js';

let dir: string;
let engine: EngineClient;
let penguins: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-project-flow-'));
  // As the web host stores an upload: under a random name; the user's name travels with its id.
  penguins = join(dir, '3f0c6a4e-upload.csv');
  await writeFile(penguins, penguinsCsv(300));
  engine = new EngineClient();
});
afterAll(async () => {
  await engine.dispose();
  await rm(dir, { recursive: true, force: true });
});

function service() {
  return testService(engine);
}

const csvOf = (bytes: Uint8Array) =>
  Papa.parse<string[]>(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('a project', () => {
  it('starts anew with another file: nothing of the first model remains, and names are the real ones', async () => {
    const { svc, events, saver, files } = service();
    await svc['data.import']({ source: { kind: 'sample' } });
    await trainTiny(svc, events);
    expect((await svc['project.state']()).models).toHaveLength(1);

    const upload = files.register(penguins, 'penguins.csv');
    const info = await svc['data.import']({ source: { kind: 'file', fileId: upload.fileId } });
    expect(info.fileName).toBe('penguins.csv');
    const state = await svc['project.state']();
    expect(state).toMatchObject({
      name: 'penguins',
      models: [],
      selected: null,
      run: null,
      source: { name: 'penguins.csv' },
    });
    expect(await svc['model.info']()).toBeNull();
    await expect(svc['samples.generate']({ rows: 5, seed: 1 })).rejects.toMatchObject({ code: 'noModel' });
    await expect(svc['export.samples']({ rows: 5, seed: 1 })).rejects.toMatchObject({ code: 'noModel' });
    await expect(svc['export.model']()).rejects.toMatchObject({ code: 'noModel' });

    await trainTiny(svc, events);
    const exported = await svc['export.samples']({ rows: 20, seed: 1 });
    expect(exported.fileName).toBe('penguins-synthetic.csv');
    expect(csvOf(saver.saved.at(-1)!.bytes)[0]).toEqual(['species', 'island', 'bill_length_mm', 'body_mass_g', 'sex']);
    expect((await svc['export.model']()).fileName).toBe('penguins.lwm');
    await svc['export.report']();
    expect(new TextDecoder().decode(saver.saved.at(-1)!.bytes)).toContain(
      '<title>Layerwise Studio report — penguins.csv</title>',
    );
  });

  it('keeps its models when its file is read again with other options, and starts anew when data is opened', async () => {
    const { svc, events } = service();
    await svc['data.import']({ source: { kind: 'sample' } });
    await trainTiny(svc, events);
    const { id } = await svc['project.state']();
    await svc['data.import']({ source: { kind: 'sample' }, options: { missingTokens: ['', 'NA', 'none'] } });
    const again = await svc['project.state']();
    expect(again.id).toBe(id);
    expect(again.models[0].stale?.changes).toEqual([{ what: 'options', fields: ['missingTokens'] }]);
    await svc['data.import']({ source: { kind: 'sample' }, newProject: true });
    const fresh = await svc['project.state']();
    expect(fresh.id).not.toBe(id);
    expect(fresh.models).toEqual([]);
  });

  it('marks a model out of date when a column is left out after training, and leaves the column out of every row', async () => {
    const { svc, events, saver } = service();
    const info = await svc['data.import']({ source: { kind: 'sample' } });
    await trainTiny(svc, events);
    const age = info.columns.find((c) => c.name === 'customer_age')!;
    await svc['data.updateColumns']({ columns: [{ index: age.index, include: false }] });

    const state = await svc['project.state']();
    expect(state.models[0].stale).toEqual({
      changes: [{ what: 'columns', columns: [{ name: 'customer_age', change: 'leftOut', was: 'integer', now: null }] }],
    });
    expect(events.some((e) => e.type === 'project.changed' && e.project.models[0]?.stale !== null)).toBe(true);

    const shown = await svc['samples.generate']({ rows: 10, seed: 2 });
    expect(shown.notes.omitted).toEqual(['customer_age']);
    expect(shown.generated.header).not.toContain('customer_age');
    expect(shown.real.header).not.toContain('customer_age');
    const exported = await svc['export.samples']({ rows: 50, seed: 2 });
    expect(exported.notes).toEqual({ omitted: ['customer_age'], stale: state.models[0].stale, grouped: null });
    const rows = csvOf(saver.saved.at(-1)!.bytes);
    expect(rows[0]).not.toContain('customer_age');
    expect(rows[0]).toHaveLength(info.columns.length - 1);
    expect(rows).toHaveLength(51);
  });

  it('shows as a preview exactly the first rows the export writes with the same seed', async () => {
    const { svc, events, saver } = service();
    await svc['data.import']({ source: { kind: 'sample' } });
    await trainTiny(svc, events);
    const preview = await svc['samples.generate']({ rows: 30, seed: 5 });
    await svc['export.samples']({ rows: 1500, seed: 5 });
    const exported = csvOf(saver.saved.at(-1)!.bytes);
    expect(exported.slice(1, 31)).toEqual(preview.generated.rows);
    expect(exported).toHaveLength(1501);
    const other = await svc['samples.generate']({ rows: 30, seed: 6 });
    expect(other.generated.rows).not.toEqual(preview.generated.rows);
  });

  it('says a run uses the earlier subset when the subset changes while it trains', async () => {
    const { svc, events } = service();
    const info = await svc['data.import']({ source: { kind: 'sample' } });
    const { runId } = await trainTiny(svc, events, { wait: false, epochs: 200 });
    const region = info.columns.find((c) => c.name === 'region')!;
    const table = await svc['subset.segments']({ columns: [region.index] });
    const spec = {
      segments: { columns: [region.index], keep: [table.segments[0].key] },
      sample: null,
      seed: 1,
      split: { train: 0.8, valid: 0.1, test: 0.1 },
    };
    const subset = await svc['subset.apply']({ spec });
    const state = await svc['project.state']();
    expect(state.run).toMatchObject({ runId, state: 'running' });
    expect(state.run?.stale?.changes).toEqual([{ what: 'subset', wasRows: 8000, nowRows: subset.rows }]);
    await svc['train.cancel']({ runId });
    await expect.poll(async () => (await svc['project.state']()).run?.state, { timeout: 60_000 }).toBe('cancelled');
  });

  it('gives a clear message when the data it reads is not a project', async () => {
    const { svc, files } = service();
    const upload = files.register(penguins, 'penguins.csv');
    const err = await svc['project.open']({ fileId: upload.fileId }).catch((e: unknown) => e);
    expect(formatError(err, 'en')).toContain('"penguins.csv" is not a Layerwise project or model file');
  });
});
