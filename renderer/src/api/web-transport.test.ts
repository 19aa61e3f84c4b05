/**
 * The web transport: every request and the event socket name this tab's session (kept across
 * a reload, a new one for a duplicated tab), and no URL carries the token (the page's cookie
 * authenticates it); URLs are relative to the page, which lives under the host's session path.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tabSession, webTransport } from './web-transport.js';

const calls: { url: string; init: RequestInit }[] = [];
const sockets: string[] = [];

class FakeWebSocket {
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(url: string) {
    sockets.push(url);
  }
}

beforeEach(() => {
  sessionStorage.clear();
  calls.length = 0;
  sockets.length = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return { json: async () => ({ ok: true, value: null }) };
  });
  vi.stubGlobal('WebSocket', FakeWebSocket);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const sessionHeader = (init: RequestInit) => (init.headers as Record<string, string>)['x-layerwise-session'];

describe('the web transport', () => {
  it('sends requests to relative URLs with the session header and no token', async () => {
    const transport = webTransport();
    await transport.call('app.info', {});
    await transport.call('data.rows', { offset: 0, limit: 5 });
    expect(calls.map((c) => c.url)).toEqual(['api/rpc/app.info', 'api/rpc/data.rows']);
    const [a, b] = calls.map((c) => sessionHeader(c.init));
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toBe(a);
    for (const c of calls) expect(JSON.stringify(c.init.headers)).not.toContain('token');
  });

  it('opens the event socket for its session, next to the page, without the token', async () => {
    const transport = webTransport();
    transport.subscribe(() => undefined);
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    const url = new URL(sockets[0]);
    expect(url.protocol).toBe('ws:');
    expect(url.pathname).toBe(new URL('api/events', window.location.href).pathname);
    expect(url.searchParams.get('session')).toBe(sessionStorage.getItem('layerwise-session'));
    expect(url.searchParams.has('token')).toBe(false);
  });

  it('keeps the session across a reload, and takes a new one when another open tab has it', async () => {
    // The page before the reload is gone; its id is in sessionStorage.
    const first = 'ab'.repeat(16);
    sessionStorage.setItem('layerwise-session', first);
    expect(await tabSession(10)).toBe(first);
    // Another tab with the same id (a duplicated tab copies sessionStorage) answers the question.
    const other = new BroadcastChannel('layerwise-sessions');
    other.onmessage = (e: MessageEvent<{ ask?: string }>) => {
      if (e.data.ask === first) other.postMessage({ taken: first });
    };
    const duplicate = await tabSession(500);
    other.close();
    expect(duplicate).not.toBe(first);
    expect(duplicate).toMatch(/^[0-9a-f]{32}$/);
    expect(sessionStorage.getItem('layerwise-session')).toBe(duplicate);
  });
});
