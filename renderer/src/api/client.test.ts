/** The client: replies are validated, error replies become AppErrors, bad events are dropped. */
import { describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../../shared/contract.js';
import { AppError } from '../../../shared/domain/errors.js';
import { appInfo } from '../test/fixtures.js';
import { createClient } from './client.js';
import type { Transport } from './transport.js';

function transportReturning(reply: unknown, events: unknown[] = []): Transport & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    kind: 'web',
    sent,
    async call(method, input) {
      sent.push({ method, input });
      return reply;
    },
    subscribe(listener) {
      events.forEach((e) => listener(e));
      return () => undefined;
    },
    pickCsv: async () => null,
    pickProject: async () => null,
    download: () => undefined,
  };
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw new Error(`not an AppError: ${String(err)}`);
  }
  throw new Error('did not reject');
}

describe('createClient', () => {
  it('returns the validated value of a good reply and forwards the input', async () => {
    const t = transportReturning({ ok: true, value: appInfo('ja-JP') });
    const info = await createClient(t).api['app.info']({});
    expect(info.osLocale).toBe('ja-JP');
    expect(t.sent).toEqual([{ method: 'app.info', input: {} }]);
  });

  it('rejects a reply that is not a Reply', async () => {
    const err = await rejection(createClient(transportReturning({ hello: 1 })).api['app.info']({}));
    expect(err.code).toBe('invalidRequest');
  });

  it('rejects a value that does not match the method output', async () => {
    const err = await rejection(
      createClient(transportReturning({ ok: true, value: { name: 'x' } })).api['app.info']({}),
    );
    expect(err.code).toBe('invalidRequest');
    expect(String(err.params.message)).toContain('app.info');
  });

  it('maps an error reply to an AppError with its code and params', async () => {
    const t = transportReturning({ ok: false, error: { code: 'data.singleColumn', params: { delimiter: ';' } } });
    const err = await rejection(createClient(t).api['data.import']({ source: { kind: 'sample' } }));
    expect(err.code).toBe('data.singleColumn');
    expect(err.params).toEqual({ delimiter: ';' });
  });

  it('turns a transport failure into an internal AppError without a stack', async () => {
    const t = transportReturning(null);
    t.call = () => Promise.reject(new Error('socket closed'));
    const err = await rejection(createClient(t).api['model.info']({}));
    expect(err.code).toBe('internal');
    expect(err.params.message).toBe('socket closed');
  });

  it('drops events that do not match the contract', () => {
    const good = { type: 'import.progress', phase: 'import', bytesRead: 10, totalBytes: 100, rows: 3 };
    const t = transportReturning(null, [{ type: 'train.epoch', runId: 'r' }, good, 'garbage']);
    const seen: ServerEvent[] = [];
    createClient(t).onEvent((e) => seen.push(e));
    expect(seen).toEqual([good]);
  });
});
