/**
 * One project per browser session: the host keeps a service per session id, events reach
 * that session's sockets only, idle sessions close, and beyond the limit a new session takes
 * the place of a closed tab's or is refused with a message saying to close a tab.
 */
import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import type { ServerEvent, Service } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import { formatError } from '../../shared/i18n/format.js';
import { sessionIdOf, Sessions, type SessionLimits } from './sessions.js';

/** A socket that records what it is sent. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  readonly sent: unknown[] = [];
  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  terminate(): void {
    this.readyState = 3;
    this.emit('close');
  }
}

const event: ServerEvent = { type: 'import.progress', phase: 'import', bytesRead: 1, totalBytes: 2, rows: 1 };

function setup(limits: Partial<SessionLimits> = {}) {
  let clock = 0;
  const opened: { emit: (e: ServerEvent) => void; closed: boolean }[] = [];
  const sessions = new Sessions(
    (emit) => {
      const project = { emit, closed: false };
      opened.push(project);
      return { service: { project } as unknown as Service, close: () => void (project.closed = true) };
    },
    { max: 3, idleMs: 60_000, graceMs: 5_000, ...limits },
    () => clock,
  );
  const socket = (id: string) => {
    const ws = new FakeSocket();
    sessions.addSocket(id, ws as unknown as WebSocket);
    return ws;
  };
  return { sessions, opened, socket, tick: (ms: number) => (clock += ms) };
}

const touch = (sessions: Sessions, id: string) => sessions.use(id, async (service) => service);

describe('browser sessions', () => {
  it('gives each session its own service and sends its events to its own sockets only', async () => {
    const { sessions, opened, socket } = setup();
    const a = await touch(sessions, 'session-a');
    const b = await touch(sessions, 'session-b');
    expect(a).not.toBe(b);
    expect(await touch(sessions, 'session-a')).toBe(a);
    const wsA = socket('session-a');
    const wsB = socket('session-b');
    opened[0].emit(event);
    expect(wsA.sent).toEqual([event]);
    expect(wsB.sent).toEqual([]);
    await sessions.close();
  });

  it('closes a session with no socket and no request for the idle limit, and keeps one with a socket', async () => {
    const { sessions, opened, socket, tick } = setup();
    await touch(sessions, 'session-a');
    await touch(sessions, 'session-b');
    socket('session-b');
    tick(60_001);
    sessions.sweep();
    expect(sessions.has('session-a')).toBe(false);
    expect(opened[0].closed).toBe(true);
    expect(sessions.has('session-b')).toBe(true);
    await sessions.close();
  });

  it('beyond the limit, takes the place of a closed tab, else refuses with a message saying to close a tab', async () => {
    const { sessions, socket, tick } = setup();
    const sockets: Record<string, FakeSocket> = {};
    for (const id of ['session-1', 'session-2', 'session-3']) {
      await touch(sessions, id);
      sockets[id] = socket(id);
    }
    const refused = await touch(sessions, 'session-4').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'web.tooManySessions', params: { max: 3 } });
    expect(formatError(refused, 'en')).toContain('Close a tab');
    expect(formatError(refused, 'ja')).toContain('タブを閉じて');
    // Tab 2 closes (its socket goes); after the grace period its place is free.
    sockets['session-2'].terminate();
    await expect(touch(sessions, 'session-4')).rejects.toMatchObject({ code: 'web.tooManySessions' });
    tick(5_001);
    await touch(sessions, 'session-4');
    expect(sessions.has('session-2')).toBe(false);
    expect(sessions.size).toBe(3);
    await sessions.close();
  });

  it('never closes a session while it answers a request', async () => {
    const { sessions, tick } = setup({ max: 1 });
    let release = () => undefined as void;
    const busy = sessions.use('session-a', () => new Promise<void>((r) => (release = r)));
    tick(120_000);
    sessions.sweep();
    await expect(touch(sessions, 'session-b')).rejects.toMatchObject({ code: 'web.tooManySessions' });
    expect(sessions.has('session-a')).toBe(true);
    release();
    await busy;
    await sessions.close();
  });

  it('reads session ids: none is the default session, a malformed one is refused', () => {
    expect(sessionIdOf(undefined)).toBe('default');
    expect(sessionIdOf(null)).toBe('default');
    expect(sessionIdOf('0f3a9c2e4b5d6e7f8a9b0c1d2e3f4a5b')).toBe('0f3a9c2e4b5d6e7f8a9b0c1d2e3f4a5b');
    for (const bad of ['', 'short', 'has space in it', '../../etc/passwd', 'x'.repeat(65), ['a', 'b']])
      expect(sessionIdOf(bad)).toBeNull();
  });
});
