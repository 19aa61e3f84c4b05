/**
 * The API behind the gate: POST /api/rpc/<method> runs a contract call, POST /api/upload
 * stores a CSV the browser picked (under a random name, readable by this user only) and
 * registers it, /api/download/<id> hands out an export once. Other /api/ paths are 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { join, extname, basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/domain/errors.js';
import { dispatch } from '../service/dispatch.js';
import { readJson, sendError, sendReply } from './http-io.js';
import type { WebHostOptions } from './server.js';

type ApiOptions = Pick<WebHostOptions, 'service' | 'files' | 'saver' | 'uploadDir'>;

const RPC_PREFIX = '/api/rpc/';
const DOWNLOAD_PREFIX = '/api/download/';

/** Answers a request whose path starts with /api/. */
export async function routeApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: ApiOptions,
): Promise<void> {
  const path = url.pathname;
  if (path.startsWith(RPC_PREFIX)) return handleRpc(req, res, path.slice(RPC_PREFIX.length), options);
  if (path === '/api/upload') return handleUpload(req, res, url, options);
  if (path.startsWith(DOWNLOAD_PREFIX)) return handleDownload(res, path.slice(DOWNLOAD_PREFIX.length), options);
  return sendError(res, 404, new AppError('invalidRequest', { message: `no route ${path}` }));
}

/** True for POST; otherwise the request has been answered 405. */
function requirePost(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'POST') return true;
  sendError(res, 405, new AppError('invalidRequest', { message: 'POST only' }));
  return false;
}

/** A contract call: the JSON body is the input, the reply is the contract's Reply. */
async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  options: ApiOptions,
): Promise<void> {
  if (!requirePost(req, res)) return;
  const body = await readJson(req);
  const reply = await dispatch(options.service, decodeURIComponent(method), body);
  return sendReply(res, 200, reply);
}

/** The body is the file; ?name= is its display name (its extension is kept, .csv by default). */
async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL, options: ApiOptions): Promise<void> {
  if (!requirePost(req, res)) return;
  const name = basename(url.searchParams.get('name') ?? 'upload.csv').slice(0, 200) || 'upload.csv';
  const target = join(options.uploadDir, `${randomUUID()}${extname(name) || '.csv'}`);
  await pipeline(req, createWriteStream(target, { mode: 0o600 }));
  return sendReply(res, 200, { ok: true, value: options.files.register(target, name) });
}

/** An export saved by the WebSaver, as an attachment; each id serves once (404 after). */
function handleDownload(res: ServerResponse, id: string, options: ApiOptions): void {
  const download = options.saver.take(id);
  if (!download) return sendError(res, 404, new AppError('unknownFile'));
  res.writeHead(200, {
    'Content-Type': download.mime,
    'Content-Length': download.bytes.byteLength,
    'Content-Disposition': `attachment; filename="${download.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
  });
  res.end(Buffer.from(download.bytes));
}
