import { describe, expect, it } from 'vitest';
import type { AppInfo, Service } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import { dispatch } from './dispatch.js';
import { defaultTrainConfig } from '../../shared/domain/model.js';
import { formatError } from '../../shared/i18n/format.js';

const info: AppInfo = {
  name: 'Layerwise Studio',
  version: '1.0.0',
  backend: 'cpu',
  transport: 'web',
  osLocale: 'en-US',
  platform: 'linux',
};

/** A service where only the methods a test needs exist; the rest fail loudly. */
function fakeService(methods: Partial<Service>): Service {
  return new Proxy(methods, {
    get(target, key: string) {
      return target[key as keyof Service] ?? (() => Promise.reject(new Error(`unexpected call ${key}`)));
    },
  }) as Service;
}

describe('dispatch', () => {
  it('returns a validated value', async () => {
    const reply = await dispatch(fakeService({ 'app.info': async () => info }), 'app.info', {});
    expect(reply).toEqual({ ok: true, value: info });
  });

  it('refuses unknown methods and invalid inputs without calling the service', async () => {
    let called = false;
    const service = fakeService({
      'data.rows': async () => {
        called = true;
        return { header: [], rows: [] };
      },
    });
    const unknown = await dispatch(service, 'data.dropTables', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    const invalid = await dispatch(service, 'data.rows', { offset: -1, limit: 5 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    const extra = await dispatch(service, 'app.info', { evil: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalidRequest' } });
    expect(called).toBe(false);
  });

  it('refuses an output that breaks the contract', async () => {
    const service = fakeService({ 'app.info': async () => ({ ...info, backend: 42 }) as unknown as AppInfo });
    const reply = await dispatch(service, 'app.info', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes translatable errors through and wraps others', async () => {
    const failing = fakeService({ 'model.info': async () => Promise.reject(new AppError('noModel')) });
    expect(await dispatch(failing, 'model.info', {})).toEqual({ ok: false, error: { code: 'noModel', params: {} } });
    const crashing = fakeService({
      'model.info': async () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')")),
    });
    const logged: unknown[][] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const reply = await dispatch(crashing, 'model.info', {});
      // The user reads a reference, never the internal message; the log has both.
      expect(reply).toEqual({ ok: false, error: { code: 'internal', params: { ref: expect.any(String) } } });
      const text = formatError(reply.ok ? null : reply.error, 'en');
      expect(text).not.toContain('Cannot read');
      const ref = reply.ok ? '' : String(reply.error.params.ref);
      expect(text).toContain(ref);
      expect(String(logged[0]?.[0])).toContain(ref);
      expect(String(logged[0]?.[1])).toContain('Cannot read properties of undefined');
    } finally {
      console.error = log;
    }
  });

  it('answers a training setting or a split outside its limits in the user words, without calling the service', async () => {
    let called = false;
    const service = fakeService({
      'train.start': async () => {
        called = true;
        return { runId: 'r' };
      },
      'subset.apply': async () => {
        called = true;
        throw new Error('not reached');
      },
    });
    const config = defaultTrainConfig(40, 2000);
    const wide = { ...config, layers: [{ ...config.layers[0], inferenceWidth: 3_000_000 }] };
    const reply = await dispatch(service, 'train.start', { config: wide });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'train.badSetting',
        params: { setting: '@setting.inferenceWidth', layer: 1, min: 1, max: 4096, value: '3000000' },
      },
    });
    if (reply.ok) throw new Error('unreachable');
    expect(formatError(reply.error, 'en')).toBe(
      'Inference width of layer 1 must be a whole number between 1 and 4096 (it is 3000000). Change it and start again.',
    );
    expect(formatError(reply.error, 'ja')).toContain('第 1 層の推論モデルの幅');
    const top = await dispatch(service, 'train.start', { config: { ...config, topHidden: 1e8 } });
    expect(top).toMatchObject({
      ok: false,
      error: { code: 'train.badSetting', params: { setting: '@setting.topHidden' } },
    });
    const spec = { segments: null, sample: null, seed: 1, split: { train: 0.7, valid: 0.2, test: 0.2 } };
    const split = await dispatch(service, 'subset.apply', { spec });
    expect(split).toMatchObject({ ok: false, error: { code: 'train.badSplit', params: { total: 110 } } });
    const outOfRange = await dispatch(service, 'subset.apply', {
      spec: { ...spec, split: { train: 0, valid: 1.5, test: 0 } },
    });
    expect(outOfRange).toMatchObject({ ok: false, error: { code: 'train.badSplit' } });
    expect(called).toBe(false);
  });

  it('answers a setting of a layer-by-layer stage outside its limits in the user words', async () => {
    const service = fakeService({ 'train.layer': async () => ({ runId: 'r' }) });
    const layer = { ...defaultTrainConfig(40, 2000).layers[0], units: 0 };
    const reply = await dispatch(service, 'train.retrainLayer', { index: 2, layer });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'train.badSetting', params: { setting: '@setting.units', layer: 3 } },
    });
    if (!reply.ok)
      expect(formatError(reply.error, 'en')).toBe(
        'Units of layer 3 must be a whole number between 1 and 1024 (it is 0). Change it and start again.',
      );
    const first = await dispatch(service, 'train.layer', {
      layer,
      start: { seed: 1, validationFraction: 0.1, patience: 0 },
    });
    expect(first).toMatchObject({ ok: false, error: { params: { setting: '@setting.units', layer: 1 } } });
    const settings = { seed: 1, validationFraction: 0.9, patience: 0 };
    const start = await dispatch(service, 'train.layer', { layer: { ...layer, units: 4 }, start: settings });
    expect(start).toMatchObject({ ok: false, error: { params: { setting: '@setting.validationFraction' } } });
    const top = await dispatch(service, 'train.finish', { top: { topPrior: 'rbm', topHidden: 5000, topEpochs: 1 } });
    expect(top).toMatchObject({ ok: false, error: { params: { setting: '@setting.topHidden' } } });
    const tune = await dispatch(service, 'train.fineTune', { epochs: 0 });
    expect(tune).toMatchObject({ ok: false, error: { params: { setting: '@setting.fineTuneEpochs' } } });
  });
});
