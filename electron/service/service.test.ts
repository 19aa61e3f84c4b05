/**
 * The service end to end in Node, with the real data layer and the real engine worker:
 * sample import, subset, defaults, training with events, pause/resume/cancel, sampling,
 * exports. No Electron, no browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { SaveResult, ServerEvent } from '../../shared/contract.js';
import type { TrainConfig } from '../../shared/domain/model.js';
import { AppError } from '../../shared/domain/errors.js';
import { EngineClient } from './engine-thread/client.js';
import { FileRegistry } from '../platform/file-registry.js';
import { sourceSamplePath } from '../platform/paths.js';
import type { SaveRequest, Saver } from '../platform/saver.js';
import { LayerwiseService } from './service.js';

class MemorySaver implements Saver {
  readonly saved: SaveRequest[] = [];
  async save(request: SaveRequest): Promise<SaveResult> {
    this.saved.push(request);
    return {
      saved: true,
      fileName: request.suggestedName,
      path: `/memory/${request.suggestedName}`,
      downloadUrl: null,
    };
  }
}

function waitFor<T extends ServerEvent>(
  events: ServerEvent[],
  match: (e: ServerEvent) => e is T,
  timeoutMs = 120_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const found = events.find(match);
      if (found) return resolve(found);
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out waiting for an event'));
      setTimeout(tick, 25);
    };
    tick();
  });
}

const isState =
  (runId: string, state: string) =>
  (e: ServerEvent): e is Extract<ServerEvent, { type: 'train.state' }> =>
    e.type === 'train.state' && e.runId === runId && e.state === state;

describe('LayerwiseService', () => {
  const events: ServerEvent[] = [];
  const saver = new MemorySaver();
  let engine: EngineClient;
  let service: LayerwiseService;
  let subsetRows = 0;

  beforeAll(() => {
    engine = new EngineClient();
    service = new LayerwiseService({
      transport: 'web',
      osLocale: 'ja-JP',
      samplePath: sourceSamplePath(),
      emit: (e) => events.push(e),
      files: new FileRegistry(),
      saver,
      engine,
    });
  });

  afterAll(async () => {
    await engine.dispose();
  });

  it('says which backend the engine runs on', async () => {
    const info = await service['app.info']();
    expect(['wasm', 'cpu', 'tensorflow']).toContain(info.backend);
    expect(info.osLocale).toBe('ja-JP');
  });

  it('asks for data before training', async () => {
    await expect(service['train.defaults']()).rejects.toMatchObject({ code: 'noDataset' });
    await expect(service['samples.generate']({ rows: 5, seed: 1 })).rejects.toBeInstanceOf(AppError);
  });

  it('imports the sample, reports progress, and takes a segment subset', async () => {
    const info = await service['data.import']({ source: { kind: 'sample' } });
    expect(info.rows).toBeGreaterThan(5000);
    expect(events.some((e) => e.type === 'import.progress')).toBe(true);
    const segmentColumn = info.columns.find((c) => c.include && c.type === 'categorical');
    expect(segmentColumn).toBeDefined();
    const table = await service['subset.segments']({ columns: [segmentColumn!.index] });
    expect(table.segments.length).toBeGreaterThan(1);
    const keep = [table.segments[0].key];
    const subset = await service['subset.apply']({
      spec: {
        segments: { columns: [segmentColumn!.index], keep },
        sample: null,
        seed: 3,
        split: { train: 0.8, valid: 0.1, test: 0.1 },
      },
    });
    expect(subset.rows).toBe(table.segments[0].count);
    subsetRows = subset.rows;
    expect(subset.train + subset.valid + subset.test).toBe(subset.rows);
  });

  it('trains with progress events, then samples and exports rows with the sample header', async () => {
    const { config, bits } = await service['train.defaults']();
    expect(bits).toBeGreaterThan(10);
    const small: TrainConfig = {
      ...config,
      layers: [
        { ...config.layers[0], units: 8, epochs: 2 },
        { ...config.layers[0], units: 4, epochs: 2 }, // the defaults have one layer (METHOD.md §9): a second of the same kind
      ],
      topPrior: 'table',
      topEpochs: 2,
    };
    const { runId } = await service['train.start']({ rareMin: 5, config: small });
    await expect(service['train.start']({ rareMin: 5, config: small })).rejects.toMatchObject({ code: 'busy' });
    const done = await waitFor(events, isState(runId, 'done'));
    expect(done.summary?.layers).toHaveLength(2);
    expect(events.filter((e) => e.type === 'train.epoch' && e.runId === runId).length).toBeGreaterThanOrEqual(4);
    expect(events.filter((e) => e.type === 'train.layer' && e.runId === runId)).toHaveLength(2);
    // Trained on the most frequent segment: the other segments' rows hold a value it never saw.
    expect(done.summary?.outside).toEqual({ rows: 8000 - subsetRows, represented: 0, logLikelihood: null });

    const { generated, real } = await service['samples.generate']({ rows: 25, seed: 7 });
    expect(generated.rows).toHaveLength(25);
    expect(real.rows.length).toBeGreaterThan(0);
    const again = await service['samples.generate']({ rows: 25, seed: 7 });
    expect(again.generated).toEqual(generated);

    const result = await service['export.samples']({ rows: 300, seed: 1 });
    expect(result.saved).toBe(true);
    const text = new TextDecoder().decode(saver.saved.at(-1)!.bytes).replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    const header = (await service['data.rows']({ offset: 0, limit: 1 })).header;
    expect(parsed.data[0]).toEqual(header);
    expect(parsed.data).toHaveLength(301);

    await service['export.model']();
    expect(saver.saved.at(-1)!.suggestedName).toMatch(/\.lwm$/);
    await service['export.report']();
    const report = new TextDecoder().decode(saver.saved.at(-1)!.bytes);
    expect(report).toContain('BLM');
    expect(report).toContain(done.summary!.backend);
  });

  it('pauses, resumes and cancels between mini-batches and keeps the last good model', async () => {
    const before = await service['model.info']();
    const { config } = await service['train.defaults']();
    const long: TrainConfig = {
      ...config,
      layers: [{ ...config.layers[0], units: 24, epochs: 200, batchSize: 16 }],
      topPrior: 'bernoulli',
      patience: 0,
    };
    const { runId } = await service['train.start']({ rareMin: 5, config: long });
    await waitFor(events, (e): e is ServerEvent => e.type === 'train.epoch' && e.runId === runId);
    await service['train.pause']({ runId });
    await new Promise((r) => setTimeout(r, 400));
    const countWhilePaused = events.filter((e) => e.type === 'train.epoch' && e.runId === runId).length;
    await new Promise((r) => setTimeout(r, 800));
    expect(events.filter((e) => e.type === 'train.epoch' && e.runId === runId).length).toBe(countWhilePaused);
    await service['train.resume']({ runId });
    await service['train.cancel']({ runId });
    await waitFor(events, isState(runId, 'cancelled'));
    expect(await service['model.info']()).toEqual(before);
  });
});
