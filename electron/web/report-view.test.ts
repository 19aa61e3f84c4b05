/**
 * A report to view and print in a browser tab (web host, "Print / save as PDF"): served inline
 * under a sandboxing CSP that lets nothing run or load; every other export stays an attachment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspDirectives } from '../../shared/csp.js';
import { startTestHost, stubService, TEST_TOKEN, type TestHost } from './test-fixture.js';

describe('web host: a report to view', () => {
  let t: TestHost;
  const auth = { 'x-layerwise-token': TEST_TOKEN };
  const bytes = new TextEncoder().encode('<!doctype html><title>r</title><p>report</p>');

  beforeAll(async () => {
    t = await startTestHost((saver) => () => ({
      service: stubService({
        'export.report': async () =>
          saver.save({ kind: 'report', suggestedName: '売上-report.html', bytes, inline: true }),
        'export.model': async () => saver.save({ kind: 'model', suggestedName: 'm.lwm', bytes, inline: true }),
      }),
      close: () => undefined,
    }));
  });
  afterAll(async () => {
    await t.close();
  });

  const download = async (method: string) => {
    const res = await fetch(`${t.base}/api/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({}),
    });
    const reply = (await res.json()) as { ok: true; value: { downloadUrl: string } };
    return fetch(`${t.base}${reply.value.downloadUrl}`, { headers: auth });
  };

  it('is served inline, sandboxed, with nothing allowed to load or run', async () => {
    const res = await download('export.report');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('売上-report.html'));
    const csp = cspDirectives(res.headers.get('content-security-policy') ?? '');
    expect(csp.get('sandbox')).toEqual([]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.has('script-src')).toBe(false);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<p>report</p>');
  });

  it('serves any other export as an attachment, even if asked inline', async () => {
    const res = await download('export.model');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(res.headers.get('content-security-policy')).toBeNull();
  });
});
