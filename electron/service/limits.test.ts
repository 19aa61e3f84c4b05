/**
 * The service's limits end to end, through `dispatch` as both transports call it, on the real
 * data layer: a split that does not add up to 100 % is refused (by the contract, and by the
 * data layer when called directly) instead of rescaled; a configuration within every limit
 * that still would not fit in the engine's memory, or a subset that leaves too few training
 * rows, is refused by `train.start` itself, before any run starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveResult } from '../../shared/contract.js';
import { formatError } from '../../shared/i18n/format.js';
import { FileRegistry } from '../platform/file-registry.js';
import { sourceSamplePath } from '../platform/paths.js';
import type { Saver } from '../platform/saver.js';
import { dispatch } from './dispatch.js';
import { EngineClient } from './engine-thread/client.js';
import { LayerwiseService } from './service.js';

const saver: Saver = {
  async save(): Promise<SaveResult> {
    return { saved: false, fileName: 'unused', path: null, downloadUrl: null };
  },
};

let engine: EngineClient;
let service: LayerwiseService;
const spec = (split: { train: number; valid: number; test: number }, sample: number | null = null) => ({
  segments: null,
  sample: sample === null ? null : { rows: sample, stratified: false },
  seed: 1,
  split,
});

beforeAll(async () => {
  engine = new EngineClient();
  service = new LayerwiseService({
    transport: 'web',
    osLocale: 'en-US',
    samplePath: sourceSamplePath(),
    emit: () => undefined,
    files: new FileRegistry(),
    saver,
    engine,
  });
  await service['data.import']({ source: { kind: 'sample' } });
});

afterAll(async () => {
  await engine.dispose();
});

describe('service limits', () => {
  it('refuses a split that does not add up to 100 % instead of rescaling it', async () => {
    const reply = await dispatch(service, 'subset.apply', { spec: spec({ train: 0.7, valid: 0.2, test: 0.2 }) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'train.badSplit' } });
    if (!reply.ok) expect(formatError(reply.error, 'ja')).toContain('合計 110 %');
    await expect(service['subset.apply']({ spec: spec({ train: 0.7, valid: 0.2, test: 0.2 }) })).rejects.toMatchObject({
      code: 'train.badSplit',
    });
    const fine = await dispatch(service, 'subset.apply', { spec: spec({ train: 0.8, valid: 0.1, test: 0.1 }) });
    expect(fine).toMatchObject({ ok: true, value: { rows: 8000, train: 6400 } });
  });

  it('refuses in train.start a run that would not fit in memory, naming the setting', async () => {
    const { config } = await service['train.defaults']();
    // An RBM top: the default exact table above 1,024 units would be refused first, for its own reason.
    const layers = [{ ...config.layers[0], units: 1024, samples: 256, batchSize: 4096 }];
    const heavy = { ...config, topPrior: 'rbm' as const, topHidden: 16, layers };
    const reply = await dispatch(service, 'train.start', { config: heavy });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'train.tooLarge', params: { setting: '@setting.samples' } },
    });
    if (!reply.ok)
      expect(formatError(reply.error, 'en')).toMatch(/Lower "Samples per row \(S\) of layer 1" \(now 256\)/);
  });

  it('refuses in train.start a subset that leaves fewer than 10 training rows', async () => {
    await service['subset.apply']({ spec: spec({ train: 0.5, valid: 0.25, test: 0.25 }, 12) });
    const { config } = await service['train.defaults']();
    const reply = await dispatch(service, 'train.start', { config });
    expect(reply).toMatchObject({ ok: false, error: { code: 'train.tooFewRows', params: { rows: 6, min: 10 } } });
  });
});
