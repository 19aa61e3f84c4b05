/**
 * Request checks of the local web host: only loopback Host and Origin headers (defence
 * against DNS rebinding and cross-site requests), and the session token on every request,
 * compared in constant time. Tokens come in a header, a query parameter or a cookie.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-layerwise-token';
export const TOKEN_COOKIE = 'lw_token';
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

export function cookieValue(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function tokensEqual(a: string | null, b: string): boolean {
  if (a === null) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Where the request's token came from, if it carries the right one. */
export function tokenSource(req: IncomingMessage, url: URL, token: string): 'header' | 'query' | 'cookie' | null {
  const header = req.headers[TOKEN_HEADER];
  if (tokensEqual(typeof header === 'string' ? header : null, token)) return 'header';
  if (tokensEqual(url.searchParams.get('token'), token)) return 'query';
  if (tokensEqual(cookieValue(req.headers.cookie, TOKEN_COOKIE), token)) return 'cookie';
  return null;
}
