/**
 * The API behind the gate: POST /api/rpc/<method> runs a contract call in the caller's
 * session, POST /api/upload stores a CSV the browser picked (under a random name, readable by
 * this user only, within the upload limits) and registers it, GET or HEAD /api/download/<id>
 * hands out an export once (HEAD answers the headers and keeps it). Other /api/ paths are 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, extname, basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/domain/errors.js';
import { dispatch } from '../service/dispatch.js';
import { CSP_REPORT } from '../service/report/csp.js';
import type { FileRegistry } from '../platform/file-registry.js';
import { badRequest, HttpError, readJson, sendError, sendReply } from './http-io.js';
import { SESSION_HEADER, sessionIdOf, type Sessions } from './sessions.js';
import { receiveUpload, type UploadLimits } from './uploads.js';
import type { Download, WebSaver } from './web-saver.js';

export interface ApiContext {
  readonly sessions: Sessions;
  readonly files: FileRegistry;
  readonly saver: WebSaver;
  readonly uploadDir: string;
  readonly upload: UploadLimits;
}

const RPC_PREFIX = '/api/rpc/';
const DOWNLOAD_PREFIX = '/api/download/';

/** Answers a request whose path (without the session prefix) starts with /api/. */
export async function routeApi(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  url: URL,
  ctx: ApiContext,
): Promise<void> {
  if (path.startsWith(RPC_PREFIX)) return handleRpc(req, res, path.slice(RPC_PREFIX.length), ctx);
  if (path === '/api/upload') return handleUpload(req, res, url, ctx);
  if (path.startsWith(DOWNLOAD_PREFIX)) return handleDownload(req, res, path.slice(DOWNLOAD_PREFIX.length), ctx);
  return sendError(res, 404, new AppError('invalidRequest', { message: 'no such route' }));
}

/** True for POST; otherwise the request has been answered 405. */
function requirePost(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'POST') return true;
  res.setHeader('Allow', 'POST');
  sendError(res, 405, new AppError('invalidRequest', { message: 'POST only' }));
  return false;
}

/** The session the request names in its header (400 when the header is malformed). */
function sessionOf(req: IncomingMessage): string {
  const id = sessionIdOf(req.headers[SESSION_HEADER]);
  if (id === null) throw badRequest('malformed session id');
  return id;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest('malformed percent-encoding');
  }
}

/** The status of a refused session: 503, the host is full. */
function withStatus(err: unknown): unknown {
  return err instanceof AppError && err.code === 'web.tooManySessions' ? new HttpError(503, err.code, err.params) : err;
}

/** A contract call: the JSON body is the input, the reply is the contract's Reply. */
async function handleRpc(req: IncomingMessage, res: ServerResponse, method: string, ctx: ApiContext): Promise<void> {
  if (!requirePost(req, res)) return;
  const name = decodeSegment(method);
  const session = sessionOf(req);
  const body = await readJson(req);
  const reply = await ctx.sessions
    .use(session, (service) => dispatch(service, name, body))
    .catch((err: unknown) => Promise.reject(withStatus(err)));
  return sendReply(res, 200, reply);
}

/** The body is the file; ?name= is its display name (its extension is kept, .csv by default). */
async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL, ctx: ApiContext): Promise<void> {
  if (!requirePost(req, res)) return;
  const name = basename(url.searchParams.get('name') ?? 'upload.csv').slice(0, 200) || 'upload.csv';
  const target = join(ctx.uploadDir, `${randomUUID()}${extname(name) || '.csv'}`);
  const ref = await ctx.sessions
    .use(sessionOf(req), async (_service, keepFile) => {
      await receiveUpload(req, target, ctx.upload);
      keepFile(target);
      return ctx.files.register(target, name);
    })
    .catch((err: unknown) => {
      // Refused before the body was read: close the connection rather than read the rest.
      if (err instanceof HttpError && err.status === 413) res.setHeader('Connection', 'close');
      return Promise.reject(withStatus(err));
    });
  return sendReply(res, 200, { ok: true, value: ref });
}

/** An export saved by the WebSaver, as an attachment: GET takes it (once), HEAD only looks. */
function handleDownload(req: IncomingMessage, res: ServerResponse, id: string, ctx: ApiContext): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendError(res, 405, new AppError('invalidRequest', { message: 'GET or HEAD only' }));
  }
  const download = req.method === 'HEAD' ? ctx.saver.peek(id) : ctx.saver.take(id);
  if (!download) return sendError(res, 404, new AppError('unknownFile'));
  res.writeHead(200, downloadHeaders(download));
  res.end(
    req.method === 'HEAD'
      ? undefined
      : Buffer.from(download.bytes.buffer, download.bytes.byteOffset, download.bytes.byteLength),
  );
}

function downloadHeaders(download: Download): Record<string, string | number> {
  const name = `filename="${download.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`;
  const headers = {
    'Content-Type': download.mime,
    'Content-Length': download.bytes.byteLength,
    'Content-Disposition': `${download.inline ? 'inline' : 'attachment'}; ${name}`,
  };
  // A report to view and print: sandboxed (an opaque origin, no scripts), nothing loads.
  return download.inline ? { ...headers, 'Content-Security-Policy': `sandbox; ${CSP_REPORT}` } : headers;
}
