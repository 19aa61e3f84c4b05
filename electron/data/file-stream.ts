/**
 * One streaming pass over a CSV file: read in 1 MB chunks, cut after their last line end,
 * decoded (Node's decoder for UTF-8, iconv-lite otherwise) and handed to the record splitter;
 * each record goes to a handler. Progress at most every 100 ms, cancel between chunks,
 * file-system errors as the app's errors, and a file that changed during the pass refused.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import type { CsvOptions } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import { ICONV_NAME } from './charset.js';
import { CsvSplitter, type BlankLines } from './csv-parse.js';

/** Bytes of a partial last line carried over to the next chunk at most. */
const MAX_CARRY = 1 << 20;

/** Progress and cancel for one pass over a file. */
export interface PassHooks {
  signal?: AbortSignal;
  onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
}

/** A record handler: the splitter gives the record's fields (`fields`, `field`, `keep`). */
export type RecordHandler = (rec: CsvSplitter, count: number, line: number) => void;

/** A file-system error as the app's error (not found, no permission, a folder, or the reason). */
export function fileError(path: string, err: unknown): AppError {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ENOENT') return new AppError('data.notFound', { path: basename(path) });
  if (code === 'EACCES' || code === 'EPERM') return new AppError('data.permission', { path: basename(path) });
  if (code === 'EISDIR') return new AppError('data.isDirectory', { path: basename(path) });
  return new AppError('readFailed', { path: basename(path), message });
}

/** A chunk decoder for the file's encoding: keeps multi-byte characters split across chunks intact and drops a BOM. */
function textDecoder(encoding: CsvOptions['encoding']): { write(b: Buffer): string; end(): string } {
  // UTF-8 needs no iconv pass: Node's own decoder is faster.
  const inner =
    encoding === 'utf-8' ? new StringDecoder('utf8') : iconv.getDecoder(ICONV_NAME[encoding], { stripBOM: false });
  let first = true;
  const strip = (text: string) => {
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
    }
    return text;
  };
  return { write: (b) => strip(inner.write(b)), end: () => strip(inner.end() ?? '') };
}

/** A file as it was before a pass: its size and modification time. */
export interface FileState {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Refuses a file whose size or modification time changed since `before` (written, truncated or
 * replaced during the pass), or of which the pass read another number of bytes.
 */
async function checkUnchanged(before: FileState, bytesRead: number): Promise<void> {
  let now: { size: number; mtimeMs: number };
  try {
    now = await stat(before.path);
  } catch (err) {
    throw fileError(before.path, err);
  }
  if (now.size !== before.size || now.mtimeMs !== before.mtimeMs || bytesRead !== before.size)
    throw new AppError('data.changedWhileReading', { path: basename(before.path) });
}

/**
 * One pass over a file: decoded chunk by chunk, split into records, each handed to `onRecord`.
 * Progress at most every 100 ms (with `rows()` as the row count so far), cancel between chunks.
 * Returns the blank lines skipped.
 */
export async function streamRecords(
  file: FileState,
  options: CsvOptions,
  crOnly: boolean,
  hooks: PassHooks,
  rows: () => number,
  onRecord: RecordHandler,
): Promise<BlankLines> {
  const { path, size } = file;
  const splitter: CsvSplitter = new CsvSplitter(options.delimiter, options.quote, (count, line) =>
    onRecord(splitter, count, line),
  );
  const decoder = textDecoder(options.encoding);
  let stream: ReturnType<typeof createReadStream> | null = null;
  let bytesRead = 0;
  let lastProgress = 0;
  try {
    if (hooks.signal?.aborted) throw new AppError('cancelled');
    stream = createReadStream(path, { highWaterMark: 1 << 20 });
    // Chunks are cut after their last line-end byte and the tail carried to the next one, so the
    // splitter is handed whole lines and rarely has to join a partial line to new text (a joined
    // string is slower to scan). Not for UTF-16, whose line-end byte also occurs inside other characters.
    const lineEnd = options.encoding === 'utf-16le' || options.encoding === 'utf-16be' ? -1 : crOnly ? 13 : 10;
    let carry: Buffer | null = null;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (hooks.signal?.aborted) throw new AppError('cancelled');
      bytesRead += chunk.length;
      let bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      carry = null;
      if (lineEnd >= 0) {
        const cut = bytes.lastIndexOf(lineEnd) + 1;
        // A line longer than a chunk goes to the splitter as it is (carrying it would copy it again and again).
        if (cut < bytes.length && bytes.length - cut <= MAX_CARRY) {
          carry = Buffer.from(bytes.subarray(cut));
          bytes = bytes.subarray(0, cut);
        }
      }
      const text = decoder.write(bytes);
      splitter.write(crOnly ? text.replaceAll('\r', '\n') : text);
      const now = Date.now();
      if (now - lastProgress > 100) {
        lastProgress = now;
        hooks.onProgress?.({ bytesRead, totalBytes: size, rows: rows() });
        // Let timers and abort handlers run between chunks.
        await new Promise<void>((r) => setImmediate(r));
      }
    }
    const tail = (carry ? decoder.write(carry) : '') + decoder.end();
    splitter.write(crOnly ? tail.replaceAll('\r', '\n') : tail);
    splitter.end();
  } catch (err) {
    stream?.destroy();
    throw err instanceof AppError ? err : fileError(path, err);
  }
  if (hooks.signal?.aborted) throw new AppError('cancelled');
  await checkUnchanged(file, bytesRead);
  hooks.onProgress?.({ bytesRead: size, totalBytes: size, rows: rows() });
  return splitter.blank;
}
