/**
 * A file's fingerprint, to recognise the data of a project when it is reopened: its size, its
 * modification time and a SHA-256 of its bytes — of the whole file up to 64 MiB (a read at
 * disk speed, beside the import), beyond that of its first and last MiB and its size, so a
 * large file is recognised without a second full pass.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { AppError } from '../../shared/domain/errors.js';
import type { SourceFingerprint } from '../../shared/domain/project.js';

/** Files up to this size are hashed whole. */
export const WHOLE_HASH_LIMIT = 64 * 1024 * 1024;
const END_BYTES = 1024 * 1024;

export async function fingerprintFile(path: string, displayName = path): Promise<SourceFingerprint> {
  try {
    const info = await stat(path);
    const hash = createHash('sha256');
    const scope = info.size <= WHOLE_HASH_LIMIT ? 'whole' : 'ends';
    if (scope === 'whole') {
      for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    } else {
      const file = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(END_BYTES);
        await file.read(buffer, 0, END_BYTES, 0);
        hash.update(buffer);
        await file.read(buffer, 0, END_BYTES, info.size - END_BYTES);
        hash.update(buffer);
      } finally {
        await file.close();
      }
      hash.update(String(info.size));
    }
    return { bytes: info.size, mtimeMs: Math.round(info.mtimeMs), sha256: hash.digest('hex'), scope };
  } catch (err) {
    throw new AppError('readFailed', { path: displayName, message: err instanceof Error ? err.message : String(err) });
  }
}

/** The same bytes: size and hash agree (the time may differ after a copy). */
export function sameContents(a: SourceFingerprint, b: SourceFingerprint): boolean {
  return a.bytes === b.bytes && a.scope === b.scope && a.sha256 === b.sha256;
}
