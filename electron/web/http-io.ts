/**
 * HTTP helpers of the web host: the security headers every response carries, JSON replies
 * in the contract's Reply shape, errors that carry their HTTP status, and a JSON body reader
 * that refuses bodies over 16 MiB (413) and bodies that are not JSON (400).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from '../../shared/contract.js';
import { AppError, toErrorPayload } from '../../shared/domain/errors.js';

const MAX_JSON_BYTES = 16 * 1024 * 1024;

/** A refusal with its HTTP status; its code and params are what the reply says. */
export class HttpError extends AppError {
  constructor(
    readonly status: number,
    code: string,
    params: Record<string, string | number> = {},
  ) {
    super(code, params);
  }
}

/** A 400 for a request the host cannot read (bad percent-encoding, a target that is no path). */
export const badRequest = (what: string): HttpError => new HttpError(400, 'invalidRequest', { message: what });

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

/**
 * Answers a request whose handler failed: an HttpError with its status and message, any other
 * AppError as 500 with its message (it is written for the user), anything else as a generic
 * 500 (an internal message, "URI malformed" or a stack, never reaches the client).
 */
export function sendFailure(res: ServerResponse, err: unknown): void {
  if (err instanceof HttpError) return sendError(res, err.status, err);
  if (err instanceof AppError) return sendError(res, 500, err);
  if (process.env.LAYERWISE_DEBUG) console.error(err);
  sendError(res, 500, new AppError('internal', { message: 'the web host could not answer this request' }));
}

/** The request body parsed as JSON ({} when empty). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_JSON_BYTES) throw new HttpError(413, 'invalidRequest', { message: 'request too large' });
    chunks.push(buf);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw badRequest('body is not JSON');
  }
}
