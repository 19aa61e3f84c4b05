/**
 * Server events to the renderer over a WebSocket at /api/events (under the session path, or
 * not). An upgrade passes the same gate as every request (auth.ts) or is refused with 401;
 * ?session= names the browser session whose events the socket receives (sessions.ts).
 * Messages from the browser are ignored (64 KiB at most), and a socket that sends a malformed
 * frame is dropped without affecting the others.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { admitUpgrade, requestTarget, type GateContext } from './auth.js';
import { sessionIdOf, type Sessions } from './sessions.js';

export class EventSockets {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  /** gate: read at each upgrade (the port is known once the server listens). */
  constructor(
    private readonly gate: () => GateContext,
    private readonly sessions: Sessions,
  ) {}

  /** The server's 'upgrade' handler: accepts a checked /api/events upgrade, refuses others. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const session = this.admits(req);
    if (session === null) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.add(session, ws));
  }

  /**
   * The session of an upgrade for /api/events that passes the gate, or null. This runs in
   * the server's 'upgrade' event, where nothing catches an exception: a target that is no URL
   * path ("//", which any web page can open a WebSocket to) or a cookie that is not
   * percent-encoding used to throw here and stop the host. Whatever throws is refused.
   */
  private admits(req: IncomingMessage): string | null {
    try {
      const gate = this.gate();
      const target = requestTarget(req.url, gate.sessionPath);
      if (!target || target.path !== '/api/events' || !admitUpgrade(req, target.url, gate)) return null;
      return sessionIdOf(target.url.searchParams.get('session'));
    } catch {
      return null;
    }
  }

  /** Drops every socket at once (the host is stopping). */
  close(): void {
    this.wss.close();
  }

  private add(session: string, ws: WebSocket): void {
    this.sessions.addSocket(session, ws);
    ws.on('message', () => undefined);
    // A malformed frame (reserved opcode, invalid UTF-8, over maxPayload) makes ws emit
    // 'error'; without a listener that is an uncaught exception that stops the whole host.
    // Only this socket is dropped, and nothing is logged: it is the client's fault.
    ws.on('error', () => ws.terminate());
  }
}
