/**
 * Server events to the renderer over a WebSocket at /api/events. An upgrade passes the same
 * gate as every request (auth.ts) or is refused with 401; each event goes to every open
 * socket as JSON; messages from the browser are ignored (64 KiB at most), and a socket that
 * sends a malformed frame is dropped without affecting the others.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServerEvent } from '../../shared/contract.js';
import { admitUpgrade } from './auth.js';

export class EventSockets {
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  /** port: the server's port, read at each upgrade (it is known once the server listens). */
  constructor(
    private readonly token: string,
    private readonly port: () => number,
  ) {}

  /** The server's 'upgrade' handler: accepts a checked /api/events upgrade, refuses others. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!this.admits(req)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.add(ws));
  }

  /**
   * Whether an upgrade is for /api/events and passes the gate. This runs in the server's
   * 'upgrade' event, where nothing catches an exception: a target that is no URL path ("//",
   * which any web page can open a WebSocket to) or a cookie that is not percent-encoding
   * used to throw here and stop the host. Whatever throws is refused like any other.
   */
  private admits(req: IncomingMessage): boolean {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      return url.pathname === '/api/events' && admitUpgrade(req, url, this.token, this.port());
    } catch {
      return false;
    }
  }

  broadcast(event: ServerEvent): void {
    const text = JSON.stringify(event);
    for (const ws of this.sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  }

  /** Drops every socket at once (the host is stopping). */
  close(): void {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
  }

  private add(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', () => undefined);
    // A malformed frame (reserved opcode, invalid UTF-8, over maxPayload) makes ws emit
    // 'error'; without a listener that is an uncaught exception that stops the whole host.
    // Only this socket is dropped, and nothing is logged: it is the client's fault.
    ws.on('error', () => ws.terminate());
  }
}
