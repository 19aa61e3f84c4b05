/**
 * Receiving an uploaded file: the body goes to a new file (readable by this user only) in the
 * host's upload folder, at most `maxBytes` (413 beyond, refused up front when Content-Length
 * says so), and a request that sends nothing for `idleMs` is dropped (408). Whenever the body
 * does not arrive whole (too large, stalled, or the browser went away) the partial file is
 * removed before the request ends.
 */
import type { IncomingMessage } from 'node:http';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError } from './http-io.js';

export interface UploadLimits {
  /** Largest upload accepted, in bytes. */
  maxBytes: number;
  /** An upload that sends no byte for this long is dropped. */
  idleMs: number;
}

const MB = 1024 * 1024;
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxBytes: 2048 * MB, idleMs: 30_000 };

/** The upload limit from `LAYERWISE_MAX_UPLOAD_MB` (megabytes), or the default; null when set but not a positive number. */
export function maxUploadBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number | null {
  const text = env.LAYERWISE_MAX_UPLOAD_MB;
  if (text === undefined || text === '') return DEFAULT_UPLOAD_LIMITS.maxBytes;
  const mb = Number(text);
  return Number.isFinite(mb) && mb > 0 ? Math.round(mb * MB) : null;
}

const tooLarge = (limits: UploadLimits) =>
  new HttpError(413, 'web.uploadTooLarge', { max: Math.max(1, Math.round(limits.maxBytes / MB)) });

/** Throws 413 when the request says up front that its body is over the limit. */
export function checkDeclaredSize(req: IncomingMessage, limits: UploadLimits): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw tooLarge(limits);
}

/** Writes the request body to `target`; the file is gone again unless it arrived whole. */
export async function receiveUpload(req: IncomingMessage, target: string, limits: UploadLimits): Promise<number> {
  checkDeclaredSize(req, limits);
  let size = 0;
  let failure: HttpError | null = null;
  const fail = (err: HttpError) => {
    failure ??= err;
    req.destroy();
  };
  const stall = setTimeout(
    () => fail(new HttpError(408, 'web.uploadStalled', { seconds: limits.idleMs / 1000 })),
    limits.idleMs,
  );
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      stall.refresh();
      size += chunk.length;
      if (size > limits.maxBytes) {
        failure ??= tooLarge(limits);
        done(failure);
      } else done(null, chunk);
    },
  });
  try {
    await pipeline(req, counter, createWriteStream(target, { mode: 0o600, flags: 'wx' }));
    return size;
  } catch (err) {
    await rm(target, { force: true });
    throw failure ?? err;
  } finally {
    clearTimeout(stall);
  }
}
