/**
 * What a CLI command is, and the helpers every command uses: option parsing with
 * `node:util.parseArgs`, one-line error messages (no stack traces), JSON on stdout,
 * progress on stderr.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/domain/errors.js';
import { formatError } from '../../shared/i18n/format.js';

export interface Command {
  name: string;
  /** One line for `layerwise --help`. */
  summary: string;
  /** Full usage text for `layerwise <name> --help`. */
  usage: string;
  run(argv: string[]): Promise<number>;
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses argv; unknown options and missing values become a one-line AppError. */
export function parse<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    // Node's messages may span lines (with a hint): one line, as every message of the CLI.
    const message = (err instanceof Error ? err.message : String(err)).replace(/\.?\s*\n\s*/g, '. ').replace(/\.$/, '');
    throw new AppError('cli.badArguments', { message });
  }
}

export function intOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new AppError('cli.notAnInteger', { option: name, value });
  return n;
}

export function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new AppError('cli.notANumber', { option: name, value });
  return n;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Progress and notes for a person: stderr, so stdout stays machine-readable. */
export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Prints an error as one translated line and returns the exit code. */
export function reportError(err: unknown): number {
  process.stderr.write(`layerwise: ${formatError(err, 'en')}\n`);
  const internal = !(err instanceof AppError) || err.code === 'internal';
  if (process.env.LAYERWISE_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else if (internal) process.stderr.write('layerwise: run it again with LAYERWISE_DEBUG=1 to see the details.\n');
  return err instanceof AppError ? 2 : 1;
}
