/**
 * The privacy evidence through the service, with the real data layer and engine: the
 * selected model's rows for a seed against its training and held-out (test) rows, with
 * progress and a cancel; dropping rows too close to a real one in the preview and the export
 * alike (in every CSV format, with and without conditions), with the count dropped said, never
 * silently; the evidence reads the preview's rows for the seed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServerEvent } from '../../shared/contract.js';
import type { RowTable } from '../../shared/domain/data.js';
import { PrivacyEvidence } from '../../shared/domain/privacy.js';
import { formatError } from '../../shared/i18n/format.js';
import { EngineClient } from './engine-thread/client.js';
import { FileRegistry } from '../platform/file-registry.js';
import { sourceSamplePath } from '../platform/paths.js';
import { SampleJobs } from './sample-jobs.js';
import { LayerwiseService } from './service.js';
import { MemorySaver, trainTiny } from './project/test-support.js';

let engine: EngineClient;
let svc: LayerwiseService;
let dir: string;
const events: ServerEvent[] = [];
const saver = new MemorySaver();
const files = new FileRegistry();

const serviceWith = (out: MemorySaver) =>
  new LayerwiseService({
    transport: 'web',
    osLocale: 'en-US',
    samplePath: sourceSamplePath(),
    emit: (e) => events.push(e),
    files,
    saver: out,
    engine,
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-privacy-'));
  engine = new EngineClient();
  svc = serviceWith(saver);
  await svc['data.import']({ source: { kind: 'sample' } });
  await trainTiny(svc, events);
});
afterAll(async () => {
  svc.close();
  await engine.dispose();
  await rm(dir, { recursive: true, force: true });
});

const csvRows = (bytes: Uint8Array) =>
  Papa.parse<string[]>(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('the privacy evidence of a project', () => {
  it("compares the model's rows for the seed with its training and held-out rows, with progress", async () => {
    const before = events.length;
    const e = await svc['evidence.privacy']({ rows: 400, seed: 3 });
    expect(PrivacyEvidence.parse(JSON.parse(JSON.stringify(e)))).toEqual(e);
    const defaults = await svc['train.defaults']();
    expect(e.sample).toEqual({
      synthetic: { used: 400, of: 400 },
      training: { used: defaults.rows, of: defaults.rows },
      holdout: { used: defaults.test, of: defaults.test },
    });
    expect(e.columns).not.toContain('order_id');
    expect(e.replaced.identifiers).toEqual([
      { name: 'order_id', realValues: 8000, generatedValues: 400, equalToReal: 0 },
    ]);
    expect(e.closerToTraining?.referenceRows).toBe(defaults.test);
    const progress = events.slice(before).filter((ev) => ev.type === 'privacy.progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: expect.any(Number) });
  });

  it('works on a reopened project whose data and choices are unchanged, not on a model opened alone', async () => {
    await svc['project.save']({ as: false });
    const project = join(dir, 'orders.lwproj');
    await writeFile(project, saver.saved.at(-1)!.bytes);
    await svc['export.model']();
    const model = join(dir, 'orders.lwm');
    await writeFile(model, saver.saved.at(-1)!.bytes);
    const first = await svc['evidence.privacy']({ rows: 100, seed: 3 });

    const reopened = serviceWith(new MemorySaver());
    await reopened['project.open']({ fileId: files.register(project).fileId });
    expect(await reopened['evidence.privacy']({ rows: 100, seed: 3 })).toEqual(first);
    reopened.close();

    const alone = serviceWith(new MemorySaver());
    await alone['project.open']({ fileId: files.register(model).fileId });
    const refused = await alone['evidence.privacy']({ rows: 100, seed: 3 }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'privacy.noRealRows' });
    expect(formatError(refused, 'en')).toContain('Train the model again on your data');
    await expect(alone['samples.generate']({ rows: 10, seed: 1, dropCloserThan: 0.1 })).rejects.toMatchObject({
      code: 'privacy.noRealRows',
    });
    alone.close();
  });

  it('can be cancelled, and refuses a second run at the same time', async () => {
    const running = svc['evidence.privacy']({ rows: 2000, seed: 4 });
    await expect(svc['evidence.privacy']({ rows: 100, seed: 4 })).rejects.toMatchObject({ code: 'busy' });
    await expect(svc['evidence.cancelPrivacy']()).resolves.toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    await expect(svc['evidence.cancelPrivacy']()).resolves.toEqual({ cancelled: false });
  });
});

describe('the rows the privacy evidence reads', () => {
  it("are the preview's rows for the same seed", async () => {
    const jobs = new SampleJobs({ emit: () => undefined, engine, saver, project: () => svc.session.project });
    let read: RowTable | null = null;
    vi.spyOn(jobs.privacy, 'run').mockImplementation(async (_source, generate) => {
      read = (await generate()).table;
      return {} as PrivacyEvidence;
    });
    await jobs.privacyOf({ rows: 300, seed: 9 });
    const preview = await svc['samples.generate']({ rows: 300, seed: 9 });
    expect(read).toEqual(preview.generated);
  });
});

describe('dropping generated rows too close to a real one', () => {
  it('drops the same rows from the preview and the export and says how many', async () => {
    // A threshold that drops a good share of rows (two of 13 columns may differ a little).
    const threshold = 0.2;
    const kept = await svc['samples.generate']({ rows: 300, seed: 5 });
    expect(kept.dropped).toBe(0);
    const preview = await svc['samples.generate']({ rows: 300, seed: 5, dropCloserThan: threshold });
    expect(preview.dropped).toBeGreaterThan(0);
    expect(preview.generated.rows.length + preview.dropped).toBe(300);
    const exported = await svc['export.samples']({ rows: 300, seed: 5, dropCloserThan: threshold });
    expect(exported.dropped).toBe(preview.dropped);
    const rows = csvRows(saver.saved.at(-1)!.bytes);
    expect(rows[0]).toEqual(preview.generated.header);
    expect(rows.slice(1)).toEqual(preview.generated.rows);
    // The rows kept are those of the stream without the dropped ones, in order.
    const ids = new Set(preview.generated.rows.map((r) => r[0]));
    expect(kept.generated.rows.filter((r) => ids.has(r[0]))).toEqual(preview.generated.rows);
  });

  for (const [encoding, delimiter, where] of [
    ['utf8-bom', ',', []],
    ['utf8', ';', [{ column: 'region', value: 'Kansai' }]],
    ['cp932', '\t', [{ column: 'payment', value: 'Card' }]],
  ] as const)
    it(`drops the same rows from the preview and the export (${encoding}, ${where.length} condition)`, async () => {
      const threshold = 0.2;
      const request = { rows: 300, seed: 8, where: [...where], dropCloserThan: threshold };
      const preview = await svc['samples.generate'](request);
      expect(preview.dropped).toBeGreaterThan(0);
      expect(preview.generated.rows.length + preview.dropped).toBe(300);
      const format = { encoding, delimiter, formulaGuard: false } as const;
      const same = await svc['export.samples']({ ...request, format });
      expect(same.dropped).toBe(preview.dropped);
      expect(same.condition ?? null).toEqual(
        where.length ? expect.objectContaining({ ess: expect.any(Number) }) : null,
      );
      const longer = await svc['export.samples']({ ...request, rows: 1500, format });
      const bytes = saver.saved.at(-1)!.bytes;
      const text = encoding === 'cp932' ? iconv.decode(Buffer.from(bytes), 'cp932') : new TextDecoder().decode(bytes);
      const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true }).data;
      expect(rows).toHaveLength(1 + 1500 - longer.dropped);
      expect(rows[0]).toEqual(preview.generated.header);
      // The preview is still the start of the export: its kept rows, then the export's others.
      expect(rows.slice(1, 1 + preview.generated.rows.length)).toEqual(preview.generated.rows);
    }, 60_000);

  it('drops every row at the largest threshold', async () => {
    const all = await svc['samples.generate']({ rows: 50, seed: 6, dropCloserThan: 1 });
    expect(all).toMatchObject({ dropped: 50, generated: { rows: [] } });
  });
});
