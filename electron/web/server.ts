/**
 * The local web host: serves the renderer and the contract's API on a loopback address for
 * machines where a desktop window is not possible. HTTP POST /api/rpc/<method> carries
 * requests, a WebSocket at /api/events carries server events, /api/upload takes a CSV the
 * browser picked, /api/download/<id> hands out exports. Every request needs the token; the
 * browser's pages live under the session path (security.ts) and every route is served there
 * too. Each browser session (tab) has its own project (sessions.ts).
 *
 * This file starts the server and routes each request; the parts live next to it:
 * auth.ts (Host/Origin checks, token, session cookie), static-files.ts (the renderer, CSP),
 * api-routes.ts (RPC, uploads, downloads), events.ts (the WebSocket), sessions.ts (a project
 * per tab), uploads.ts and upload-dir.ts (upload limits, the host's folder), http-io.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ServerEvent } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import type { FileRegistry } from '../platform/file-registry.js';
import { routeApi, type ApiContext } from './api-routes.js';
import { admitRequest, requestTarget, type GateContext } from './auth.js';
import { EventSockets } from './events.js';
import { badRequest, securityHeaders, sendError, sendFailure } from './http-io.js';
import { MIN_TOKEN_LENGTH, sessionPath } from './security.js';
import { DEFAULT_SESSION_LIMITS, Sessions, type OpenProject, type SessionLimits } from './sessions.js';
import { serveStatic } from './static-files.js';
import { createUploadDir, removeStaleUploadDirs } from './upload-dir.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './uploads.js';
import type { WebSaver } from './web-saver.js';

export interface WebHostOptions {
  /** The session token: at least MIN_TOKEN_LENGTH characters (an empty one would let anyone in). */
  token: string;
  /** Built renderer (index.html and assets). */
  staticDir: string;
  /** Makes the project of a new browser session; `emit` sends to that session's sockets only. */
  openProject: OpenProject;
  files: FileRegistry;
  saver: WebSaver;
  /** Where the host's upload folder is made (default: the temporary directory). */
  tempRoot?: string;
  upload?: Partial<UploadLimits>;
  sessions?: Partial<SessionLimits>;
}

export interface WebHost {
  server: Server;
  /** This host's upload folder (lw-uploads-*), removed by close(). */
  uploadDir: string;
  /** The secret path the browser's pages live under. */
  sessionPath: string;
  /** Sends an event to every connected renderer, whatever its session. */
  broadcast(event: ServerEvent): void;
  /** Stops serving, closes every session and removes the upload folder. */
  close(): Promise<void>;
}

/** What the request handlers share; port is the one asked for until the server listens. */
interface HostContext extends GateContext, ApiContext {
  /** staticDir, resolved (the root no served file may leave). */
  readonly staticRoot: string;
  port: number;
}

export async function startWebHost(options: WebHostOptions, port: number, host = '127.0.0.1'): Promise<WebHost> {
  if (options.token.length < MIN_TOKEN_LENGTH) throw new AppError('web.tokenTooShort', { min: MIN_TOKEN_LENGTH });
  await removeStaleUploadDirs(options.tempRoot);
  const uploadDir = await createUploadDir(options.tempRoot);
  const sessions = new Sessions(options.openProject, { ...DEFAULT_SESSION_LIMITS, ...options.sessions });
  const ctx: HostContext = {
    token: options.token,
    sessionPath: sessionPath(options.token),
    staticRoot: resolve(options.staticDir),
    port,
    sessions,
    files: options.files,
    saver: options.saver,
    uploadDir,
    upload: { ...DEFAULT_UPLOAD_LIMITS, ...options.upload },
  };
  const server = createServer((req, res) => respond(ctx, req, res));
  const events = new EventSockets(() => ctx, sessions);
  server.on('upgrade', (req, socket, head) => events.upgrade(req, socket, head));
  try {
    ctx.port = await listen(server, port, host);
  } catch (err) {
    await sessions.close();
    await rm(uploadDir, { recursive: true, force: true });
    throw err;
  }
  return {
    server,
    uploadDir,
    sessionPath: ctx.sessionPath,
    broadcast: (event) => sessions.broadcast(event),
    async close() {
      events.close();
      // Sockets of upgraded connections count as the server's connections until they end, and
      // closeAllConnections does not reach them: end them first (sessions.close terminates them
      // at once, then closes the projects), or server.close would wait for them forever.
      const sessionsClosed = sessions.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await sessionsClosed;
      options.saver.clear();
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}

/** Runs one request; a failure becomes its HTTP error reply, or a dropped connection once headers are out. */
function respond(ctx: HostContext, req: IncomingMessage, res: ServerResponse): void {
  handleRequest(ctx, req, res).catch((err: unknown) => {
    if (!res.headersSent && !res.destroyed) sendFailure(res, err);
    else res.destroy();
  });
}

/** The gate first, then /api/ routes, then the renderer's files (GET and HEAD only). */
async function handleRequest(ctx: HostContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  securityHeaders(res);
  const target = requestTarget(req.url, ctx.sessionPath);
  if (!target) throw badRequest('the request target is not a path');
  if (!admitRequest(req, res, target, ctx)) return;
  if (target.url.pathname === ctx.sessionPath) {
    res.writeHead(308, { Location: `${ctx.sessionPath}/${target.url.search}` });
    return void res.end();
  }
  if (target.path.startsWith('/api/')) return routeApi(req, res, target.path, target.url, ctx);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendError(res, 405, new AppError('invalidRequest', { message: 'GET only' }));
  }
  return serveStatic(ctx.staticRoot, target.path, res);
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
