/**
 * Character sets: which text encoding a file is in, from its first bytes. A byte-order mark settles it
 * (UTF-8, UTF-16 LE/BE); UTF-16 without a mark shows as NUL bytes in every other position
 * (the ASCII of delimiters, digits and line ends) and decodes to clean text; otherwise valid
 * UTF-8 is UTF-8; otherwise the Japanese legacy
 * encodings (Shift-JIS/CP932, EUC-JP) are scored by how cleanly they decode and how much
 * Japanese text results, with Windows-1252 as the Western fallback. Binary data is refused.
 */
import iconv from 'iconv-lite';
import type { TextEncoding } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';

/** iconv-lite's name for each encoding we offer. */
export const ICONV_NAME: Record<TextEncoding, string> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  shift_jis: 'cp932',
  'euc-jp': 'eucjp',
  'windows-1252': 'win1252',
};

export function bomOf(head: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function validUtf8(bytes: Uint8Array): boolean {
  // A cut multi-byte sequence at the very end of the sample is not an error.
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back];
    if ((b & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f\u3000-\u303f\uff01-\uff5e]/g;

function score(bytes: Uint8Array, encoding: TextEncoding): number {
  const text = iconv.decode(Buffer.from(bytes), ICONV_NAME[encoding]);
  const bad = (text.match(/\ufffd/g) ?? []).length;
  const japanese = (text.match(JAPANESE) ?? []).length;
  const controls = (text.match(/[\u0080-\u009f]/g) ?? []).length;
  return japanese - 20 * bad - 5 * controls;
}

/** Refuses data that is clearly not text (NUL bytes outside UTF-16, many control bytes). */
export function assertText(head: Uint8Array, encoding: TextEncoding): void {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return;
  let nul = 0;
  let control = 0;
  const n = Math.min(head.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (nul > 0 || control > n * 0.01) throw new AppError('data.binary');
}

/** UTF-16 without a byte-order mark: NULs at one parity of byte positions only, decoding to text with line ends and no control characters. */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(Math.min(bytes.length, 65536) / 2);
  if (pairs < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  const encoding: TextEncoding | null =
    oddNul >= pairs * 0.2 && evenNul <= pairs * 0.02
      ? 'utf-16le'
      : evenNul >= pairs * 0.2 && oddNul <= pairs * 0.02
        ? 'utf-16be'
        : null;
  if (!encoding) return null;
  const text = iconv.decode(Buffer.from(bytes.subarray(0, pairs * 2)), ICONV_NAME[encoding]);
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  return text.includes('\n') || text.includes('\r') ? (controls <= text.length * 0.01 ? encoding : null) : null;
}

export function detectEncoding(head: Uint8Array): TextEncoding {
  const bom = bomOf(head);
  if (bom) return bom.encoding;
  const sample = head.subarray(0, 256 * 1024);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return utf16;
  if (validUtf8(sample)) return 'utf-8';
  const candidates: TextEncoding[] = ['shift_jis', 'euc-jp', 'windows-1252'];
  const scores = candidates.map((c) => ({ c, s: score(sample, c) }));
  scores.sort((a, b) => b.s - a.s);
  const best = scores[0];
  return best.s > 0 ? best.c : 'windows-1252';
}
