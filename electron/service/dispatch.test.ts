import { describe, expect, it } from 'vitest';
import type { AppInfo, Service } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import { dispatch } from './dispatch.js';

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
    const crashing = fakeService({ 'model.info': async () => Promise.reject(new Error('boom')) });
    expect(await dispatch(crashing, 'model.info', {})).toEqual({
      ok: false,
      error: { code: 'internal', params: { message: 'boom' } },
    });
  });
});
