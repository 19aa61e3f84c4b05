/**
 * The gate in front of every route and the event socket: the Host and Origin headers must
 * name this server on a loopback address, and the request must carry the session token
 * (checks in security.ts, the token compared in constant time). The link printed at start
 * carries the token in its query: that page load gets the session cookie (HttpOnly,
 * SameSite=Strict, for the session path only) and a 303 to the same page under the session
 * path without the token, so the token leaves the address bar and the history at once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../shared/domain/errors.js';
import { cookieName, cookieSecret, isAllowedOrigin, isLoopbackHost, tokenSource } from './security.js';
import { sendError } from './http-io.js';

/** What the gate needs to know of the host. */
export interface GateContext {
  readonly token: string;
  /** The server's port (known once it listens). */
  readonly port: number;
  /** The secret path prefix of the browser's pages (security.ts sessionPath). */
  readonly sessionPath: string;
}

/** A request's target: the parsed URL, and its path with the session prefix taken off. */
export interface Target {
  url: URL;
  path: string;
}

/** The target of a request, or null when it is not an origin-form path ("//", "http://…", garbage). */
export function requestTarget(raw: string | undefined, sessionPath: string): Target | null {
  if (!raw?.startsWith('/') || raw.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(raw, 'http://localhost');
  } catch {
    return null;
  }
  const p = url.pathname;
  const path = p === sessionPath ? '/' : p.startsWith(`${sessionPath}/`) ? p.slice(sessionPath.length) : p;
  return { url, path };
}

/** The Set-Cookie value that keeps the session: the derived secret, named for this port, on the session path. */
export function sessionCookie(gate: GateContext): string {
  return `${cookieName(gate.port)}=${cookieSecret(gate.token)}; HttpOnly; SameSite=Strict; Path=${gate.sessionPath}`;
}

/**
 * Whether an HTTP request may go on. If not, it has been answered: 403 for a foreign Host or
 * Origin, 401 without the token, 303 for a page load that carried the token in its URL.
 */
export function admitRequest(req: IncomingMessage, res: ServerResponse, target: Target, gate: GateContext): boolean {
  if (!isLoopbackHost(req.headers.host, gate.port) || !isAllowedOrigin(req.headers.origin, gate.port)) {
    sendError(res, 403, new AppError('unauthorized'));
    return false;
  }
  const source = tokenSource(req, target.url, gate.token, gate.port);
  if (!source) {
    sendError(res, 401, new AppError('unauthorized'));
    return false;
  }
  if (source === 'query' && isPageLoad(req, target)) {
    const query = new URLSearchParams(target.url.searchParams);
    query.delete('token');
    const search = query.toString() ? `?${query.toString()}` : '';
    res.writeHead(303, { 'Set-Cookie': sessionCookie(gate), Location: `${gate.sessionPath}${target.path}${search}` });
    res.end();
    return false;
  }
  return true;
}

/** A browser loading a page (not an API call): GET or HEAD outside /api/. */
function isPageLoad(req: IncomingMessage, target: Target): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && !target.path.startsWith('/api/');
}

/** Whether a WebSocket upgrade passes the same checks (loopback Host and Origin, the token). */
export function admitUpgrade(req: IncomingMessage, url: URL, gate: GateContext): boolean {
  return (
    isLoopbackHost(req.headers.host, gate.port) &&
    isAllowedOrigin(req.headers.origin, gate.port) &&
    tokenSource(req, url, gate.token, gate.port) !== null
  );
}
