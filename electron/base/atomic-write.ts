/**
 * Atomic file writes: the bytes go to a temporary file in the same folder, are flushed to
 * disk, then renamed over the target. A crash or a full disk leaves the old file intact. An
 * existing target keeps its permissions (a 0600 file stays 0600); a new file gets the default
 * mode (0666 less the umask). The temporary file is removed when the write fails, and when
 * the process is interrupted (SIGINT, SIGTERM) or exits while the write is under way.
 */
import { unlinkSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/domain/errors.js';

/** What may be written: bytes, text, or chunks of either (written one after the other). */
export type WriteContent = Uint8Array | string | Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>;

const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function removePending(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
}

/**
 * On a signal nobody else handles, the temporary files go and the signal then takes its
 * default course (the process ends as it would have). When the program handles the signal
 * itself (e.g. `train` cancels), the write finishes or fails and cleans up after itself.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  removePending();
  detach();
  process.kill(process.pid, signal);
}

function attach(): void {
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removePending);
}

function detach(): void {
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', removePending);
}

function track(tmp: string): void {
  if (pending.size === 0) attach();
  pending.add(tmp);
}

function untrack(tmp: string): void {
  pending.delete(tmp);
  if (pending.size === 0) detach();
}

/** Permission bits of the file at `path`, or null when there is none. */
async function existingMode(path: string): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.mode & 0o7777 : null;
  } catch {
    return null;
  }
}

export async function writeFileAtomic(path: string, content: WriteContent): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  track(tmp);
  try {
    const mode = await existingMode(path);
    const handle = await open(tmp, 'wx', 0o666);
    try {
      if (mode !== null) await handle.chmod(mode);
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
      else
        for await (const chunk of content)
          await (typeof chunk === 'string' ? handle.write(chunk) : handle.write(chunk));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    if (err instanceof AppError) throw err;
    throw new AppError('writeFailed', { path, message: err instanceof Error ? err.message : String(err) });
  } finally {
    untrack(tmp);
  }
}
