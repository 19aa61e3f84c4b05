/**
 * Browser sessions of the web host: each page load (tab) has its own project, a service made
 * on its first request and named by the id the page sends (header x-layerwise-session, or
 * ?session= on the event socket; none = the session "default", for scripts). Events of a
 * project go to its own sockets only. A session with no socket and no request for idleMs is
 * closed; beyond `max` sessions a new one takes the place of the longest-idle session without
 * a socket (a closed or reloaded tab), or is refused with a message saying to close a tab.
 */
import { rm } from 'node:fs/promises';
import type { WebSocket } from 'ws';
import type { ServerEvent, Service } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';

/** The project of one session, and how to stop what it runs when the session closes (and write its autosave). */
export interface HostedProject {
  service: Service;
  close(): void | Promise<void>;
}

export type OpenProject = (emit: (event: ServerEvent) => void) => HostedProject;

export interface SessionLimits {
  /** Most sessions at once. */
  max: number;
  /** A session with no socket and no request for this long is closed. */
  idleMs: number;
  /** A session without a socket for this long may give its place to a new one. */
  graceMs: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { max: 8, idleMs: 30 * 60_000, graceMs: 10_000 };
export const SESSION_HEADER = 'x-layerwise-session';
export const DEFAULT_SESSION = 'default';
const SESSION_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The session a request names: its header or query value, "default" when none, null when malformed. */
export function sessionIdOf(value: string | string[] | null | undefined): string | null {
  if (value === undefined || value === null) return DEFAULT_SESSION;
  return typeof value === 'string' && SESSION_ID.test(value) ? value : null;
}

interface Session {
  readonly project: HostedProject;
  /** Requests being answered. */
  calls: number;
  lastSeen: number;
  /** Files uploaded in this session, removed when it closes. */
  readonly uploads: string[];
}

export class Sessions {
  private readonly sessions = new Map<string, Session>();
  /** Sockets by session id; a page may open its socket before its first request. */
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly open: OpenProject,
    private readonly limits: SessionLimits = DEFAULT_SESSION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(60_000, Math.max(1_000, limits.idleMs / 4)));
    this.sweeper.unref();
  }

  /**
   * Runs `call` with the session's service (made on first use) and a way to keep a file that
   * is removed with the session; throws web.tooManySessions when there is no room for it.
   */
  async use<T>(id: string, call: (service: Service, keepFile: (path: string) => void) => Promise<T>): Promise<T> {
    const session = this.sessions.get(id) ?? this.create(id);
    session.calls++;
    session.lastSeen = this.now();
    try {
      return await call(session.project.service, (path) => session.uploads.push(path));
    } finally {
      session.calls--;
      session.lastSeen = this.now();
    }
  }

  addSocket(id: string, ws: WebSocket): void {
    const set = this.sockets.get(id) ?? new Set<WebSocket>();
    this.sockets.set(id, set);
    set.add(ws);
    ws.on('close', () => {
      set.delete(ws);
      if (set.size === 0 && this.sockets.get(id) === set) this.sockets.delete(id);
      const session = this.sessions.get(id);
      if (session) session.lastSeen = this.now();
    });
  }

  send(id: string, event: ServerEvent): void {
    const text = JSON.stringify(event);
    for (const ws of this.sockets.get(id) ?? []) if (ws.readyState === ws.OPEN) ws.send(text);
  }

  /** Sends an event to every socket of every session. */
  broadcast(event: ServerEvent): void {
    for (const id of this.sockets.keys()) this.send(id, event);
  }

  get size(): number {
    return this.sessions.size;
  }

  has(id: string): boolean {
    return this.sessions.has(id);
  }

  /** Closes the sessions idle for longer than the limit. */
  sweep(): void {
    const cutoff = this.now() - this.limits.idleMs;
    for (const [id, s] of this.sessions) if (this.idle(id, s) && s.lastSeen <= cutoff) void this.drop(id);
  }

  /** Closes every session and socket (the host is stopping); resolves once their uploads are gone. */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    for (const set of this.sockets.values()) for (const ws of set) ws.terminate();
    this.sockets.clear();
    await Promise.all([...this.sessions.keys()].map((id) => this.drop(id)));
  }

  private create(id: string): Session {
    if (this.sessions.size >= this.limits.max && !this.makeRoom())
      throw new AppError('web.tooManySessions', { max: this.limits.max });
    const session: Session = {
      project: this.open((event) => this.send(id, event)),
      calls: 0,
      lastSeen: this.now(),
      uploads: [],
    };
    this.sessions.set(id, session);
    return session;
  }

  /** Closes the longest-idle session that has had no socket for graceMs; false if there is none. */
  private makeRoom(): boolean {
    const cutoff = this.now() - this.limits.graceMs;
    let oldest: [string, Session] | null = null;
    for (const entry of this.sessions)
      if (this.idle(...entry) && entry[1].lastSeen <= cutoff && (!oldest || entry[1].lastSeen < oldest[1].lastSeen))
        oldest = entry;
    if (!oldest) return false;
    void this.drop(oldest[0]);
    return true;
  }

  private idle(id: string, s: Session): boolean {
    return s.calls === 0 && !this.sockets.has(id);
  }

  private async drop(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    await Promise.resolve(session.project.close()).catch(() => undefined);
    await Promise.all(session.uploads.map((path) => rm(path, { force: true })));
  }
}
