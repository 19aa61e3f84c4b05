/**
 * The quality check through the service, with the real data layer and engine: the sample's
 * model scored against its training rows, the test rows it kept apart and the marginal floor,
 * on the same rows the preview shows for the seed; progress events; a cancel; a request
 * without the training rows refused in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../shared/contract.js';
import { QualityEvidence } from '../../shared/domain/quality.js';
import { EngineClient } from './engine-thread/client.js';
import { FileRegistry } from '../platform/file-registry.js';
import { sourceSamplePath } from '../platform/paths.js';
import { LayerwiseService } from './service.js';
import { MemorySaver, trainTiny } from './project/test-support.js';

let engine: EngineClient;
const events: ServerEvent[] = [];
let svc: LayerwiseService;
beforeAll(async () => {
  engine = new EngineClient();
  svc = new LayerwiseService({
    transport: 'web',
    osLocale: 'en-US',
    samplePath: sourceSamplePath(),
    emit: (e) => events.push(e),
    files: new FileRegistry(),
    saver: new MemorySaver(),
    engine,
  });
  await svc['data.import']({ source: { kind: 'sample' } });
  await trainTiny(svc, events);
}, 120_000);
afterAll(async () => {
  await engine.dispose();
});

describe('evidence.quality', () => {
  it('scores the model between its references on as many generated rows as test rows', async () => {
    const q = QualityEvidence.parse(await svc['evidence.quality']({ seed: 7 }));
    expect(q.holdoutKind).toBe('test');
    expect(q.rows).toMatchObject({ train: 6400, holdout: 800, compared: 800 });
    expect(q.columns.map((c) => c.column)).toContain('region');
    // Numbers encoded by quantile codes are generated, so judged (they were skipped as not generated).
    expect(q.columns.map((c) => c.column)).toContain('revenue');
    expect(q.skipped).toContainEqual({ column: 'order_id', reason: 'identifier' });
    expect(q.overall.model).toBeGreaterThan(0.3);
    expect(q.overall.ceiling).toBeGreaterThan(q.overall.model ?? 1);
    expect(q.tstr?.target).toBe('returned');
    const phases = events
      .filter((e) => e.type === 'quality.progress')
      .map((e) => e.type === 'quality.progress' && e.phase);
    expect(phases).toContain('sample');
    expect(phases).toContain('score');
  }, 60_000);

  it('judges the rows the preview shows for the seed', async () => {
    const preview = await svc['samples.generate']({ rows: 800, seed: 7 });
    const region = preview.generated.header.indexOf('region');
    const shares = new Map<string, number>();
    for (const r of preview.generated.rows) shares.set(r[region], (shares.get(r[region]) ?? 0) + 1 / 800);
    const q = await svc['evidence.quality']({ seed: 7 });
    const chart = q.columns.find((c) => c.column === 'region')?.chart;
    if (chart?.kind !== 'frequencies') throw new Error('region has no frequencies');
    chart.labels.forEach((label, i) => expect(chart.synthetic[i]).toBeCloseTo(shares.get(label) ?? 0, 9));
  }, 60_000);

  it('takes a target, refuses one it cannot predict, and stops on cancel', async () => {
    expect((await svc['evidence.quality']({ seed: 1, target: 'revenue' })).tstr).toMatchObject({ metric: 'r2' });
    await expect(svc['evidence.quality']({ seed: 1, target: 'order_id' })).rejects.toMatchObject({
      code: 'quality.unknownTarget',
    });
    const running = svc['evidence.quality']({ seed: 2 });
    expect((await svc['evidence.cancel']()).cancelled).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
  }, 60_000);
});
