/**
 * User-facing errors that cross a process boundary. An error is a translation key plus
 * parameters, never a stack trace: every process formats it with the shared message catalogs.
 */
import { z } from 'zod';

export const ErrorPayload = z.object({
  code: z.string().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

/** An error the user can act on. `code` is a key of the `errors` section of the catalogs. */
export class AppError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  constructor(code: string, params: Record<string, string | number> = {}, options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'AppError';
    this.code = code;
    // An internal error always carries the reference its details are logged under.
    this.params = code === 'internal' && !('ref' in params) ? { ...params, ref: errorReference() } : params;
  }
  toPayload(): ErrorPayload {
    return { code: this.code, params: this.params };
  }
}

/** Turns anything thrown into a payload; unknown errors become `internal` with their message. */
export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof AppError) return err.toPayload();
  if (isErrorPayload(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  // The message is for the log; what the user reads names only the reference (see `internal`).
  return { code: 'internal', params: { ref: errorReference(), message } };
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return ErrorPayload.safeParse(value).success;
}

/** A short reference that ties what the user reads to the details written to the log. */
export function errorReference(): string {
  return Math.floor(Math.random() * 0x100000000)
    .toString(36)
    .toUpperCase()
    .padStart(7, '0');
}
