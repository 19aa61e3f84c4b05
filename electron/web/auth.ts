/**
 * The gate in front of every route and the event socket: the Host and Origin headers must
 * name this server on a loopback address, and the request must carry the session token
 * (checks in security.ts, the token compared in constant time). A token that came in the
 * URL (the link printed at start) is turned into a session cookie, HttpOnly and
 * SameSite=Strict, so the page's own requests carry it from then on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../shared/domain/errors.js';
import { isAllowedOrigin, isLoopbackHost, TOKEN_COOKIE, tokenSource } from './security.js';
import { sendError } from './http-io.js';

/** The Set-Cookie value that keeps the token for the session. */
export function sessionCookie(token: string): string {
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * Whether an HTTP request may go on. If not, it has been answered: 403 for a foreign Host or
 * Origin, 401 without the token.
 */
export function admitRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  token: string,
  port: number,
): boolean {
  if (!isLoopbackHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
    sendError(res, 403, new AppError('unauthorized'));
    return false;
  }
  const source = tokenSource(req, url, token);
  if (!source) {
    sendError(res, 401, new AppError('unauthorized'));
    return false;
  }
  if (source === 'query') res.setHeader('Set-Cookie', sessionCookie(token));
  return true;
}

/** Whether a WebSocket upgrade passes the same checks (loopback Host and Origin, the token). */
export function admitUpgrade(req: IncomingMessage, url: URL, token: string, port: number): boolean {
  return (
    isLoopbackHost(req.headers.host, port) &&
    isAllowedOrigin(req.headers.origin, port) &&
    tokenSource(req, url, token) !== null
  );
}
