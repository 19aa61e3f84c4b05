/**
 * HTTP helpers of the web host: the security headers every response carries, JSON replies
 * in the contract's Reply shape, and a JSON body reader that refuses bodies over 16 MiB.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from '../../shared/contract.js';
import { AppError, toErrorPayload } from '../../shared/domain/errors.js';

const MAX_JSON_BYTES = 16 * 1024 * 1024;

/** Headers set on every response before it is routed: no sniffing, framing, referrers or caching. */
export function securityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export function sendReply(res: ServerResponse, status: number, reply: Reply): void {
  const body = JSON.stringify(reply);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

export function sendError(res: ServerResponse, status: number, err: unknown): void {
  sendReply(res, status, { ok: false, error: toErrorPayload(err) });
}

/** The request body parsed as JSON ({} when empty); invalidRequest when too large or not JSON. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
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
