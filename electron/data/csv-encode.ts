/**
 * Rows as CSV bytes in the character set the user chose: UTF-8 (no byte-order mark), UTF-8 with
 * a BOM (what Excel needs to read UTF-8), or CP932 (Shift-JIS as Windows writes it, for Japanese
 * Excel and business systems). Cells are written as `csv-write.ts` writes them (RFC 4180, CRLF,
 * the formula guard unless turned off). A value CP932 cannot write is never replaced by `?`:
 * the file is refused with a message naming the column, the row and the character.
 */
import iconv from 'iconv-lite';
import type { RowTable } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import type { CsvFormat } from '../../shared/domain/samples.js';
import { csvCell } from './csv-write.js';

export const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

const utf8 = new TextEncoder();
/** Characters already checked against CP932 (true: written back unchanged). */
const cp932Known = new Map<string, boolean>();

function cp932Writes(ch: string): boolean {
  let ok = cp932Known.get(ch);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch;
    cp932Known.set(ch, ok);
  }
  return ok;
}

/** The first character of `text` that CP932 cannot write back unchanged, or null. */
export function firstNotCp932(text: string): string | null {
  for (const ch of text) if (ch.charCodeAt(0) >= 0x80 && !cp932Writes(ch)) return ch;
  return null;
}

/** Which part of a file `csvBytes` writes: with the header (and BOM) or not, and the file row of its first row (1-based). */
export interface CsvPart {
  header: boolean;
  firstRow: number;
}

function csvText(table: RowTable, format: CsvFormat, header: boolean): string {
  const d = format.delimiter;
  const lines = header ? [table.header, ...table.rows] : table.rows;
  let text = '';
  for (const row of lines) text += `${row.map((c) => csvCell(c, d, format.formulaGuard)).join(d)}\r\n`;
  return text;
}

/** Throws the message naming the first cell (header first) CP932 cannot write. */
function refuseCp932(table: RowTable, part: CsvPart): never {
  if (part.header)
    for (const name of table.header) {
      const ch = firstNotCp932(name);
      if (ch !== null) throw new AppError('export.cp932Header', { column: name, char: ch });
    }
  for (let r = 0; r < table.rows.length; r++)
    for (let c = 0; c < table.rows[r].length; c++) {
      const ch = firstNotCp932(table.rows[r][c]);
      if (ch !== null)
        throw new AppError('export.cp932Cell', {
          column: table.header[c] ?? String(c + 1),
          row: part.firstRow + r,
          value: table.rows[r][c],
          char: ch,
        });
    }
  throw new AppError('internal', { message: 'CP932 changed a text none of whose cells it changes' });
}

/** The bytes of `table` (its header and BOM only when `part.header`) as CSV in `format`. */
export function csvBytes(
  table: RowTable,
  format: CsvFormat,
  part: CsvPart = { header: true, firstRow: 1 },
): Uint8Array {
  const text = csvText(table, format, part.header);
  if (format.encoding !== 'cp932') {
    const body = utf8.encode(text);
    if (!part.header || format.encoding === 'utf8') return body;
    const out = new Uint8Array(UTF8_BOM.length + body.length);
    out.set(UTF8_BOM);
    out.set(body, UTF8_BOM.length);
    return out;
  }
  const bytes = iconv.encode(text, 'cp932');
  if (!/^[\x00-\x7f]*$/.test(text) && iconv.decode(bytes, 'cp932') !== text) refuseCp932(table, part);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
