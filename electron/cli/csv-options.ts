/** CSV reading options shared by the commands that read a CSV (train, evaluate). */
import { CsvOptionsOverride, DEFAULT_MISSING_TOKENS, Delimiter, TextEncoding } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import type { Options } from './command.js';

export const csvOptionSpec = {
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'no-header': { type: 'boolean' },
  quote: { type: 'string' },
  missing: { type: 'string', multiple: true },
} satisfies Options;

export const csvOptionUsage = `CSV options:
  --encoding E       utf-8, utf-16le, utf-16be, shift_jis, euc-jp, windows-1252 (default: detected)
  --delimiter D      , ; tab | (default: detected)
  --no-header        the first row is data, not column names
  --quote Q          quote character: " (default) or '
  --missing T        also treat T as a missing value (besides empty, NA, N/A, null, -, ?, #N/A); repeatable`;

export function csvOverrides(values: {
  encoding?: string;
  delimiter?: string;
  'no-header'?: boolean;
  quote?: string;
  missing?: string[];
}): CsvOptionsOverride {
  const out: CsvOptionsOverride = {};
  if (values.encoding !== undefined) {
    const e = TextEncoding.safeParse(values.encoding.toLowerCase());
    if (!e.success) throw new AppError('cli.badArguments', { message: `unknown encoding "${values.encoding}"` });
    out.encoding = e.data;
  }
  if (values.delimiter !== undefined) {
    const raw = values.delimiter === 'tab' ? '\t' : values.delimiter;
    const d = Delimiter.safeParse(raw);
    if (!d.success) throw new AppError('cli.badArguments', { message: `unknown delimiter "${values.delimiter}"` });
    out.delimiter = d.data;
  }
  if (values['no-header']) out.header = false;
  if (values.quote !== undefined) {
    if (values.quote !== '"' && values.quote !== "'")
      throw new AppError('cli.badArguments', { message: `--quote: give " or ', not "${values.quote}"` });
    out.quote = values.quote;
  }
  if (values.missing !== undefined)
    out.missingTokens = [...new Set([...DEFAULT_MISSING_TOKENS, ...values.missing.map((t) => t.trim())])];
  return out;
}
