/**
 * The service with a file larger than its memory budget: the import keeps a sample, segment
 * counts and the subset come from passes over the whole file (with progress events of their
 * phase), and training uses the rows drawn from the file.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SaveResult, ServerEvent } from '../../shared/contract.js';
import type { TrainConfig } from '../../shared/domain/model.js';
import { EngineClient } from './engine-thread/client.js';
import { FileRegistry } from '../platform/file-registry.js';
import { memoryBudgetFromEnv, sourceSamplePath } from '../platform/paths.js';
import type { Saver } from '../platform/saver.js';
import { LayerwiseService } from './service.js';

const reports: string[] = [];
const saver: Saver = {
  save: async (request): Promise<SaveResult> => {
    if (request.kind === 'report') reports.push(new TextDecoder().decode(request.bytes));
    return { saved: true, fileName: request.suggestedName, path: null, downloadUrl: null };
  },
};

describe('LayerwiseService with a file larger than memory', () => {
  const events: ServerEvent[] = [];
  const engine = new EngineClient();
  const service = new LayerwiseService({
    transport: 'web',
    osLocale: 'en-US',
    samplePath: sourceSamplePath(),
    emit: (e) => events.push(e),
    files: new FileRegistry(),
    saver,
    engine,
    memoryBudgetBytes: memoryBudgetFromEnv({ LAYERWISE_MEMORY_MB: '1.5' }),
  });
  afterAll(() => engine.dispose());

  it('counts segments and draws the subset from the whole file, stratified', async () => {
    const info = await service['data.import']({ source: { kind: 'sample' } });
    expect(info.sampledOnImport).toBe(true);
    expect(info.fileRows).toBe(8000);
    expect(info.rows).toBeLessThan(4000);
    const region = info.columns.find((c) => c.name === 'region');
    expect(region).toBeDefined();
    const table = await service['subset.segments']({ columns: [region!.index] });
    expect(table.wholeFile).toBe(true);
    expect(table.total).toBe(8000);
    expect(table.segments.reduce((s, x) => s + x.count, 0)).toBe(8000);
    expect(events.some((e) => e.type === 'import.progress' && e.phase === 'count')).toBe(true);

    const keep = table.segments.slice(0, 2).map((s) => s.key);
    const matching = table.segments[0].count + table.segments[1].count;
    const subset = await service['subset.apply']({
      spec: {
        segments: { columns: [region!.index], keep },
        sample: { rows: 1000, stratified: true },
        seed: 5,
        split: { train: 0.8, valid: 0.1, test: 0.1 },
      },
    });
    expect(subset.rows).toBe(1000);
    expect(subset.fromFile).toEqual({ fileRows: 8000, matchingRows: matching, stratified: true });
    expect(events.some((e) => e.type === 'import.progress' && e.phase === 'draw')).toBe(true);
    const defaults = await service['train.defaults']();
    expect(defaults.rows).toBe(subset.train);

    // A model trained on the drawn rows: the real rows shown beside generated ones are drawn rows of the kept regions.
    const small: TrainConfig = {
      ...defaults.config,
      layers: [{ ...defaults.config.layers[0], units: 6, epochs: 1 }],
      topPrior: 'bernoulli',
      topEpochs: 1,
    };
    const { runId } = await service['train.start']({ rareMin: 5, config: small });
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const end = events.find(
          (e) => e.type === 'train.state' && e.runId === runId && (e.state === 'done' || e.state === 'failed'),
        );
        if (!end) return;
        clearInterval(timer);
        if (end.type === 'train.state' && end.state === 'done') resolve();
        else reject(new Error('training failed'));
      }, 25);
    });
    const { real } = await service['samples.generate']({ rows: 50, seed: 1 });
    const regionAt = real.header.indexOf('region');
    const kept = new Set(keep.map((k) => k[0]));
    expect(real.rows.length).toBe(50);
    for (const r of real.rows) expect(kept.has(r[regionAt])).toBe(true);
    await service['export.report']();
    const report = reports.at(-1)!;
    expect(report).toContain(
      'drawn from the whole file: 1000 of ' + matching + ' rows in the segments, stratified by segment',
    );
    expect(report).toContain(`8000 (${info.rows} read into memory as a random sample)`);

    // Without segments the import's uniform sample is subset in memory.
    const all = await service['subset.apply']({
      spec: { segments: null, sample: null, seed: 1, split: { train: 0.8, valid: 0.1, test: 0.1 } },
    });
    expect(all.fromFile).toBeNull();
    expect(all.rows).toBe(info.rows);
  });

  it('ignores a memory budget that is not a positive number', () => {
    expect(memoryBudgetFromEnv({ LAYERWISE_MEMORY_MB: 'lots' })).toBeUndefined();
    expect(memoryBudgetFromEnv({ LAYERWISE_MEMORY_MB: '-3' })).toBeUndefined();
    expect(memoryBudgetFromEnv({})).toBeUndefined();
    expect(memoryBudgetFromEnv({ LAYERWISE_MEMORY_MB: '64' })).toBe(64 * 1024 * 1024);
  });
});
