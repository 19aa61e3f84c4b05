/**
 * The local web host: serves the renderer and the contract's API on a loopback address for
 * machines where a desktop window is not possible. HTTP POST /api/rpc/<method> carries
 * requests, a WebSocket at /api/events carries server events, /api/upload takes a CSV the
 * browser picked, /api/download/<id> hands out exports. Every request needs the token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { join, normalize, resolve, sep, extname, basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Reply, ServerEvent, Service } from '../../shared/contract.js';
import { AppError, toErrorPayload } from '../../shared/domain/errors.js';
import { dispatch } from '../service/dispatch.js';
import type { FileRegistry } from '../platform/file-registry.js';
import { isAllowedOrigin, isLoopbackHost, TOKEN_COOKIE, tokenSource } from './security.js';
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

const MAX_JSON_BYTES = 16 * 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: ; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function securityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendReply(res: ServerResponse, status: number, reply: Reply): void {
  const body = JSON.stringify(reply);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, err: unknown): void {
  sendReply(res, status, { ok: false, error: toErrorPayload(err) });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_JSON_BYTES) throw new AppError('invalidRequest', { message: 'request too large' });
    chunks.push(buf);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new AppError('invalidRequest', { message: 'body is not JSON' });
  }
}

export async function startWebHost(options: WebHostOptions, port: number, host = '127.0.0.1'): Promise<WebHost> {
  const sockets = new Set<WebSocket>();
  const staticRoot = resolve(options.staticDir);
  await mkdir(options.uploadDir, { recursive: true });
  let actualPort = port;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, err);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (!isLoopbackHost(req.headers.host, actualPort) || !isAllowedOrigin(req.headers.origin, actualPort)) {
      return sendError(res, 403, new AppError('unauthorized'));
    }
    const source = tokenSource(req, url, options.token);
    if (!source) return sendError(res, 401, new AppError('unauthorized'));
    if (source === 'query') {
      res.setHeader(
        'Set-Cookie',
        `${TOKEN_COOKIE}=${encodeURIComponent(options.token)}; HttpOnly; SameSite=Strict; Path=/`,
      );
    }
    const path = url.pathname;
    if (path.startsWith('/api/rpc/')) {
      if (req.method !== 'POST') return sendError(res, 405, new AppError('invalidRequest', { message: 'POST only' }));
      const body = await readJson(req);
      const reply = await dispatch(options.service, decodeURIComponent(path.slice('/api/rpc/'.length)), body);
      return sendReply(res, 200, reply);
    }
    if (path === '/api/upload') {
      if (req.method !== 'POST') return sendError(res, 405, new AppError('invalidRequest', { message: 'POST only' }));
      const name = basename(url.searchParams.get('name') ?? 'upload.csv').slice(0, 200) || 'upload.csv';
      const target = join(options.uploadDir, `${randomUUID()}${extname(name) || '.csv'}`);
      await pipeline(req, createWriteStream(target, { mode: 0o600 }));
      return sendReply(res, 200, { ok: true, value: options.files.register(target, name) });
    }
    if (path.startsWith('/api/download/')) {
      const download = options.saver.take(path.slice('/api/download/'.length));
      if (!download) return sendError(res, 404, new AppError('unknownFile'));
      res.writeHead(200, {
        'Content-Type': download.mime,
        'Content-Length': download.bytes.byteLength,
        'Content-Disposition': `attachment; filename="${download.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
      });
      res.end(Buffer.from(download.bytes));
      return;
    }
    if (path.startsWith('/api/'))
      return sendError(res, 404, new AppError('invalidRequest', { message: `no route ${path}` }));
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, new AppError('invalidRequest', { message: 'GET only' }));
    return serveStatic(path, res);
  }

  async function serveStatic(path: string, res: ServerResponse): Promise<void> {
    const relative = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '');
    let file = resolve(staticRoot, relative);
    if (file !== staticRoot && !file.startsWith(staticRoot + sep))
      return sendError(res, 403, new AppError('unauthorized'));
    const info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) file = join(staticRoot, 'index.html');
    const body = await readFile(file).catch(() => null);
    if (!body) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The renderer is not built. Run "npm run web", which builds it first.');
      return;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', CSP);
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
    res.end(body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const ok =
      url.pathname === '/api/events' &&
      isLoopbackHost(req.headers.host, actualPort) &&
      isAllowedOrigin(req.headers.origin, actualPort) &&
      tokenSource(req, url, options.token) !== null;
    if (!ok) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', () => undefined);
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      const address = server.address();
      if (address && typeof address === 'object') actualPort = address.port;
      done();
    });
  });

  return {
    server,
    broadcast(event) {
      const text = JSON.stringify(event);
      for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
