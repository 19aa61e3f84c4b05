/**
 * A file's CSV options from its first 256 KB: the text encoding (charset.ts), the delimiter and
 * whether the first row is a header (sniff.ts), whether lines end with CR alone; then the
 * user's overrides on top. Refuses an empty or binary file.
 */
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { type CsvOptions, type CsvOptionsOverride, DEFAULT_MISSING_TOKENS } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import { assertText, bomOf, detectEncoding, ICONV_NAME } from './charset.js';
import { detectDelimiter, detectHeader, parseSample } from './sniff.js';

const HEAD_BYTES = 256 * 1024;

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function detectOptions(
  path: string,
  overrides: CsvOptionsOverride = {},
): Promise<{ detected: CsvOptions; options: CsvOptions; head: Uint8Array; crOnly: boolean }> {
  const head = await readHead(path);
  if (head.length === 0) throw new AppError('data.empty');
  const encoding = detectEncoding(head);
  const chosenEncoding = overrides.encoding ?? encoding;
  assertText(head, chosenEncoding);
  const bom = bomOf(head);
  const text = iconv.decode(
    Buffer.from(head.subarray(bom && bom.encoding === chosenEncoding ? bom.length : 0)),
    ICONV_NAME[chosenEncoding],
  );
  if (text.trim() === '') throw new AppError('data.empty');
  const delimiter = detectDelimiter(text);
  const chosenDelimiter = overrides.delimiter ?? delimiter;
  const complete = text.slice(0, Math.max(text.lastIndexOf('\n'), 0)) || text;
  const header = detectHeader(parseSample(complete, chosenDelimiter, overrides.quote ?? '"'));
  const detected: CsvOptions = {
    encoding,
    delimiter,
    quote: '"',
    header,
    raggedRows: 'pad',
    missingTokens: [...DEFAULT_MISSING_TOKENS],
    dayFirst: null,
  };
  // Old Mac exports end lines with CR alone.
  const crOnly = text.includes('\r') && !text.includes('\n');
  return { detected, options: { ...detected, ...stripUndefined(overrides) }, head, crOnly };
}
