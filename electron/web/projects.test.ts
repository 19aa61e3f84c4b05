/**
 * Tabs of the web host do not share a project: with the real service, two sessions import
 * different files and each reads its own rows and sees its own progress events; 50 sessions
 * importing at once each end with their data or a clear refusal (the session limit), never a
 * bare `cancelled`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { DatasetInfo, RowTable } from '../../shared/domain/data.js';
import type { Reply, ServerEvent } from '../../shared/contract.js';
import { formatError } from '../../shared/i18n/format.js';
import type { EngineClient } from '../service/engine-thread/client.js';
import { sourceSamplePath } from '../platform/paths.js';
import { LayerwiseService } from '../service/service.js';
import { startTestHost, TEST_TOKEN, type TestHost } from './test-fixture.js';

/** Importing and reading rows never reach the engine; app.info asks its backend only. */
const engine = { backend: async () => 'cpu' } as unknown as EngineClient;

describe('a project per browser session', () => {
  let t: TestHost;

  beforeAll(async () => {
    t = await startTestHost(
      (saver) => (emit) => {
        const service = new LayerwiseService({
          transport: 'web',
          osLocale: 'en-US',
          samplePath: sourceSamplePath(),
          emit,
          files: t.files,
          saver,
          engine,
        });
        return { service, close: () => service.close() };
      },
      { sessions: { max: 8 } },
    );
  });

  afterAll(async () => {
    await t.close();
  });

  const headers = (session: string) => ({ 'x-layerwise-token': TEST_TOKEN, 'x-layerwise-session': session });

  async function call<T>(
    session: string,
    method: string,
    input: unknown,
  ): Promise<{ status: number; reply: Reply & { value?: T } }> {
    const res = await fetch(`${t.base}/api/rpc/${method}`, {
      method: 'POST',
      headers: { ...headers(session), 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return { status: res.status, reply: (await res.json()) as Reply & { value?: T } };
  }

  async function upload(session: string, name: string, body: string): Promise<string> {
    const res = await fetch(`${t.base}/api/upload?name=${name}`, { method: 'POST', headers: headers(session), body });
    return ((await res.json()) as { value: { fileId: string } }).value.fileId;
  }

  async function socketOf(session: string): Promise<{ events: ServerEvent[]; ws: WebSocket }> {
    const ws = new WebSocket(`${t.base.replace('http', 'ws')}/api/events?token=${TEST_TOKEN}&session=${session}`);
    const events: ServerEvent[] = [];
    ws.on('message', (data) => events.push(JSON.parse(String(data)) as ServerEvent));
    await new Promise((resolve) => ws.once('open', resolve));
    return { events, ws };
  }

  it('lets two tabs import different files, each reading its own rows and seeing its own events', async () => {
    const a = 'tab-a-0000000001';
    const b = 'tab-b-0000000002';
    const [sockA, sockB] = [await socketOf(a), await socketOf(b)];
    const fileA = await upload(a, 'a.csv', 'city,amount\nOsaka,10\nKobe,20\nNara,30\n');
    await call<DatasetInfo>(a, 'data.import', { source: { kind: 'file', fileId: fileA } });
    const eventsOfA = sockA.events.length;
    expect(eventsOfA).toBeGreaterThan(0);
    expect(sockB.events).toEqual([]);
    const fileB = await upload(b, 'b.csv', 'product,units\nTea,1\nRice,2\n');
    await call<DatasetInfo>(b, 'data.import', { source: { kind: 'file', fileId: fileB } });
    const rowsA = (await call<RowTable>(a, 'data.rows', { offset: 0, limit: 10 })).reply.value;
    const rowsB = (await call<RowTable>(b, 'data.rows', { offset: 0, limit: 10 })).reply.value;
    expect(rowsA?.header).toEqual(['city', 'amount']);
    expect(rowsA?.rows).toEqual([
      ['Osaka', '10'],
      ['Kobe', '20'],
      ['Nara', '30'],
    ]);
    expect(rowsB?.header).toEqual(['product', 'units']);
    expect(rowsB?.rows).toHaveLength(2);
    expect(sockA.events.length).toBe(eventsOfA);
    expect(sockB.events.length).toBeGreaterThan(0);
    const other = await call(`tab-c-0000000003`, 'data.rows', { offset: 0, limit: 10 });
    expect(other.reply).toMatchObject({ ok: false, error: { code: 'noDataset' } });
    sockA.ws.close();
    sockB.ws.close();
  });

  it('ends 50 imports from 50 tabs at once with the data or a clear refusal, none cancelled', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call<DatasetInfo>(`many-tabs-${String(i).padStart(6, '0')}`, 'data.import', { source: { kind: 'sample' } }),
      ),
    );
    const done = results.filter((r) => r.reply.ok);
    const refused = results.filter((r) => !r.reply.ok);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThanOrEqual(8);
    expect(done.length + refused.length).toBe(50);
    for (const r of done) expect(r.reply.value?.rows).toBeGreaterThan(1000);
    for (const r of refused) {
      expect(r.status).toBe(503);
      if (r.reply.ok) throw new Error('unreachable');
      expect(r.reply.error.code).toBe('web.tooManySessions');
      expect(formatError(r.reply.error, 'en')).toContain('Close a tab');
    }
  });
});
