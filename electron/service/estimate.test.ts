/**
 * The time estimate before a run, with the real data layer and engine worker: a plausible
 * number of seconds that grows with the work asked for, the subset's split counts beside the
 * defaults, the defaults' speed measured once per subset, and no measurement while
 * a run holds the engine thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import { DEFAULT_PATIENCE, EPOCH_LIMITS } from '../../shared/domain/train-defaults.js';
import { EngineClient } from './engine-thread/client.js';
import { FileRegistry } from '../platform/file-registry.js';
import { sourceSamplePath } from '../platform/paths.js';
import { LayerwiseService } from './service.js';

describe('train.estimate', () => {
  const events: ServerEvent[] = [];
  let engine: EngineClient;
  let service: LayerwiseService;

  beforeAll(async () => {
    engine = new EngineClient();
    service = new LayerwiseService({
      transport: 'web',
      osLocale: 'en-US',
      samplePath: sourceSamplePath(),
      emit: (e) => events.push(e),
      files: new FileRegistry(),
      saver: { save: () => Promise.reject(new Error('no saving here')) },
      engine,
    });
    await service['data.import']({ source: { kind: 'sample' } });
  });

  afterAll(async () => {
    await engine.dispose();
  });

  it('gives the training, validation and test rows with the defaults', async () => {
    const d = await service['train.defaults']();
    expect(d.rows + d.valid + d.test).toBe(8000);
    expect(d.valid).toBe(800);
    expect(d.test).toBe(800);
  });

  it('chooses the defaults at the speed it measured once for the subset: the same when asked again', async () => {
    // (Whether they fit the budget depends on the load of the moment: shared/domain/train-defaults.test.ts
    // checks the rule at given speeds.)
    const first = await service['train.defaults']();
    const again = await service['train.defaults']();
    expect(again.config).toEqual(first.config);
    expect(first.config.patience).toBe(DEFAULT_PATIENCE);
    expect(first.config.layers[0].epochs).toBeGreaterThanOrEqual(EPOCH_LIMITS.min);
  });

  it('estimates seconds that grow with the epochs asked for', async () => {
    const { config } = await service['train.defaults']();
    const few = { ...config, layers: config.layers.map((l) => ({ ...l, epochs: 2 })), topEpochs: 2 };
    const many = { ...config, layers: config.layers.map((l) => ({ ...l, epochs: 40 })), topEpochs: 40 };
    const short = await service['train.estimate']({ config: few });
    const long = await service['train.estimate']({ config: many });
    expect(short.seconds).toBeGreaterThan(0.1);
    expect(long.seconds).toBeGreaterThan(short.seconds);
    expect(long.seconds).toBeLessThan(3600);
  });

  it('gives the same estimate when asked again, at the speed the defaults were chosen at', async () => {
    const { config } = await service['train.defaults']();
    const first = await service['train.estimate']({ config });
    const again = await service['train.estimate']({ config });
    expect(again.seconds).toBe(first.seconds);
  });

  it('refuses to measure while a run holds the engine thread', async () => {
    const { config } = await service['train.defaults']();
    const { runId } = await service['train.start']({ rareMin: 5, config });
    await expect(service['train.estimate']({ config })).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === 'busy',
    );
    // The defaults are still given, without measuring: the speed measured for this subset before.
    expect((await service['train.defaults']()).config).toEqual(config);
    await service['train.cancel']({ runId });
    await expect
      .poll(() => events.some((e) => e.type === 'train.state' && e.runId === runId && e.state === 'cancelled'), {
        timeout: 60_000,
      })
      .toBe(true);
  });
});
