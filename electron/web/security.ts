/**
 * Request checks of the local web host: only loopback Host and Origin headers (defence
 * against DNS rebinding and cross-site requests), and the session token on every request,
 * compared in constant time. Tokens come in a header, a query parameter or a cookie.
 *
 * Browsers send a 127.0.0.1 cookie to every port of 127.0.0.1, so the cookie must be useless
 * to another server there: it holds a value derived from the token (never the token), it is
 * named after this host's port, and its Path is the session path, a secret prefix derived
 * from the token under which the browser's pages live. A server on another port never sees a
 * request to that path, so the browser never sends it the cookie.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-layerwise-token';
/** Shortest token the host accepts: an empty or short one would leave it open to guessing. */
export const MIN_TOKEN_LENGTH = 16;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function hostPart(hostHeader: string): { host: string; port: string } | null {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  return m ? { host: m[1], port: m[2] ?? '80' } : null;
}

/** The Host header names this server on a loopback address (and the right port). */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const h = hostPart(hostHeader);
  return h !== null && LOOPBACK_HOSTS.has(h.host) && h.port === String(port);
}

/** No Origin (same-origin navigation, curl) or a loopback origin on this port. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && isLoopbackHost(url.host, port);
  } catch {
    return false;
  }
}

/** A cookie's value (percent-decoded), or null when absent or not valid percent-encoding. */
export function cookieValue(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null;
    }
  }
  return null;
}

export function tokensEqual(a: string | null, b: string): boolean {
  if (a === null) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function derive(token: string, purpose: string): string {
  return createHmac('sha256', token).update(`layerwise web host: ${purpose}`).digest('base64url');
}

/** The secret path prefix the browser's pages live under (no trailing slash), e.g. /s/AbC…. */
export function sessionPath(token: string): string {
  return `/s/${derive(token, 'path').slice(0, 24)}`;
}

/** The session cookie's name on this port (another host on another port keeps its own). */
export function cookieName(port: number): string {
  return `lw_token_${port}`;
}

/** The session cookie's value: derived from the token, so the token itself never leaves the first request. */
export function cookieSecret(token: string): string {
  return derive(token, 'cookie');
}

/** Where the request's token came from, if it carries the right one. */
export function tokenSource(
  req: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): 'header' | 'query' | 'cookie' | null {
  const header = req.headers[TOKEN_HEADER];
  if (tokensEqual(typeof header === 'string' ? header : null, token)) return 'header';
  if (tokensEqual(url.searchParams.get('token'), token)) return 'query';
  if (tokensEqual(cookieValue(req.headers.cookie, cookieName(port)), cookieSecret(token))) return 'cookie';
  return null;
}
