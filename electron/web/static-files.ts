/**
 * The built renderer served as static files: a URL path is resolved inside the renderer
 * folder only (403 for anything that would lead out of it), paths that name no file get
 * index.html, and HTML pages carry the Content-Security-Policy. A path that is not valid
 * percent-encoding is a 400.
 */
import type { ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CSP_HEADER } from '../../shared/csp.js';
import { CONTENT_TYPES } from '../platform/content-types.js';
import { AppError } from '../../shared/domain/errors.js';
import { badRequest, sendError } from './http-io.js';

/**
 * The file a URL path names inside root (an absolute, resolved folder), or null if outside it;
 * a 400 for a path that is not valid percent-encoding ("/%").
 */
export function fileInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw badRequest('malformed percent-encoding');
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = resolve(root, relative);
  return file === root || file.startsWith(root + sep) ? file : null;
}

/** Serves the file urlPath names in root, index.html when there is none, 503 when not built. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<void> {
  let file = fileInside(root, urlPath);
  if (file === null) return sendError(res, 403, new AppError('unauthorized'));
  const info = await stat(file).catch(() => null);
  if (!info || info.isDirectory()) file = join(root, 'index.html');
  const body = await readFile(file).catch(() => null);
  if (!body) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The renderer is not built. Run "npm run web", which builds it first.');
    return;
  }
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', CSP_HEADER);
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
  res.end(body);
}
