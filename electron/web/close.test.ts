/** Stopping the web host while a page is still connected: its event sockets are ended, and close() returns. */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestHost, TEST_TOKEN } from './test-fixture.js';

describe('web host close', () => {
  it('returns promptly while a client still holds an event socket', async () => {
    const t = await startTestHost();
    const ws = new WebSocket(`ws://127.0.0.1:${t.port}/api/events?token=${TEST_TOKEN}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closedSocket = new Promise((resolve) => ws.once('close', resolve));
    const outcome = await Promise.race([
      t.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000)),
    ]);
    expect(outcome).toBe('closed');
    await closedSocket;
    expect(ws.readyState).toBe(WebSocket.CLOSED);
  });
});
