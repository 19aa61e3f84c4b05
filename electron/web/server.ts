/**
 * The local web host: serves the renderer and the contract's API on a loopback address for
 * machines where a desktop window is not possible. HTTP POST /api/rpc/<method> carries
 * requests, a WebSocket at /api/events carries server events, /api/upload takes a CSV the
 * browser picked, /api/download/<id> hands out exports. Every request needs the token.
 *
 * This file starts the server and routes each request; the parts live next to it:
 * auth.ts (Host/Origin checks, token, session cookie), static-files.ts (the renderer, CSP),
 * api-routes.ts (RPC, uploads, downloads), events.ts (the WebSocket), http-io.ts (replies).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ServerEvent, Service } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import type { FileRegistry } from '../platform/file-registry.js';
import { routeApi } from './api-routes.js';
import { admitRequest } from './auth.js';
import { EventSockets } from './events.js';
import { securityHeaders, sendError } from './http-io.js';
import { serveStatic } from './static-files.js';
import type { WebSaver } from './web-saver.js';

export interface WebHostOptions {
  token: string;
  /** Built renderer (index.html and assets). */
  staticDir: string;
  /** Where uploaded CSVs are kept for the session. */
  uploadDir: string;
  service: Service;
  files: FileRegistry;
  saver: WebSaver;
}

export interface WebHost {
  server: Server;
  /** Sends an event to every connected renderer. */
  broadcast(event: ServerEvent): void;
  close(): Promise<void>;
}

/** What the request handlers share; port is the one asked for until the server listens. */
interface HostContext {
  readonly options: WebHostOptions;
  /** staticDir, resolved (the root no served file may leave). */
  readonly staticRoot: string;
  port: number;
}

export async function startWebHost(options: WebHostOptions, port: number, host = '127.0.0.1'): Promise<WebHost> {
  const ctx: HostContext = { options, staticRoot: resolve(options.staticDir), port };
  await mkdir(options.uploadDir, { recursive: true });
  const server = createServer((req, res) => respond(ctx, req, res));
  const events = new EventSockets(options.token, () => ctx.port);
  server.on('upgrade', (req, socket, head) => events.upgrade(req, socket, head));
  ctx.port = await listen(server, port, host);
  return {
    server,
    broadcast: (event) => events.broadcast(event),
    async close() {
      events.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Runs one request; a failure becomes a 500 reply, or a dropped connection once headers are out. */
function respond(ctx: HostContext, req: IncomingMessage, res: ServerResponse): void {
  handleRequest(ctx, req, res).catch((err: unknown) => {
    if (!res.headersSent) sendError(res, 500, err);
    else res.destroy();
  });
}

/** The gate first, then /api/ routes, then the renderer's files (GET and HEAD only). */
async function handleRequest(ctx: HostContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  securityHeaders(res);
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  if (!admitRequest(req, res, url, ctx.options.token, ctx.port)) return;
  if (url.pathname.startsWith('/api/')) return routeApi(req, res, url, ctx.options);
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return sendError(res, 405, new AppError('invalidRequest', { message: 'GET only' }));
  return serveStatic(ctx.staticRoot, url.pathname, res);
}

/** Listens on host:port (0 = any free port) and resolves with the port it got. */
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      const address = server.address();
      done(address && typeof address === 'object' ? address.port : port);
    });
  });
}
