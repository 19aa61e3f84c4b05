/**
 * A pass over a file that a newer one replaces says so: the first of two imports in the same
 * project fails with `data.importSuperseded` ("A newer import replaced this one"), not with a
 * bare `cancelled`; one the user cancels still fails with `cancelled`.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors.js';
import { formatError } from '../../shared/i18n/format.js';
import { FileRegistry } from '../platform/file-registry.js';
import { sourceSamplePath } from '../platform/paths.js';
import type { Saver } from '../platform/saver.js';
import type { EngineClient } from './engine-thread/client.js';
import { LayerwiseService } from './service.js';

function service(): LayerwiseService {
  return new LayerwiseService({
    transport: 'web',
    osLocale: 'en-US',
    samplePath: sourceSamplePath(),
    emit: () => undefined,
    files: new FileRegistry(),
    saver: {} as Saver,
    engine: {} as EngineClient,
  });
}

describe('an import replaced by a newer one', () => {
  it('fails with a reason, and the newer one loads', async () => {
    const s = service();
    const first = s['data.import']({ source: { kind: 'sample' } });
    const second = s['data.import']({ source: { kind: 'sample' } });
    const err = await first.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'data.importSuperseded' });
    expect(formatError(err, 'en')).toContain('A newer import replaced this one');
    expect((await second).rows).toBeGreaterThan(1000);
  });

  it('still fails with `cancelled` when the user cancels it, and close() stops it too', async () => {
    const s = service();
    const running = s['data.import']({ source: { kind: 'sample' } });
    expect(await s['data.cancelImport']()).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    const another = s['data.import']({ source: { kind: 'sample' } });
    s.close();
    await expect(another).rejects.toMatchObject({ code: 'cancelled' });
  });
});
