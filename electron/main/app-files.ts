/**
 * What the app's own scheme answers (app-protocol.ts registers it): a GET of
 * `app://layerwise/<path>` gets that file of the built renderer folder, with its content type
 * and, for the page, the Content-Security-Policy. Nothing outside that folder, no directory
 * listing, no other host. Plain functions, so they are tested without Electron.
 */
import { extname, resolve, sep } from 'node:path';
import { CSP_HEADER } from '../../shared/csp.js';
import { CONTENT_TYPES } from '../platform/content-types.js';
import { APP_HOST, APP_SCHEME } from './app-location.js';

export interface AppFileResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/** The file of `root` (an absolute folder) that an app URL names, or null when the URL names none inside it. */
export function appFileFor(root: string, url: string): string | null {
  let u: URL;
  let path: string;
  try {
    u = new URL(url);
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) return null;
  if (path.includes('\0') || path.includes('\\') || path.endsWith('/')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  return file.startsWith(base + sep) ? file : null;
}

const plain = (status: number): AppFileResponse => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  body: null,
});

/** The answer to one request of the app's scheme; `readFile` rejects when there is no such file. */
export async function appFileResponse(
  root: string,
  method: string,
  url: string,
  readFile: (file: string) => Promise<Uint8Array>,
): Promise<AppFileResponse> {
  if (method !== 'GET') return plain(405);
  const file = appFileFor(root, url);
  if (file === null) return plain(404);
  const body = await readFile(file).catch(() => null);
  if (body === null) return plain(404);
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CSP_HEADER;
  return { status: 200, headers, body };
}
