/**
 * The typed API the stores use, derived from the contract: every method validates the reply
 * and its value, turns an error reply into an AppError (a translation key, never a stack
 * trace), and events are validated before anyone sees them.
 */
import {
  methodNames,
  parseOutput,
  Reply,
  ServerEvent,
  type Api,
  type FileRef,
  type MethodName,
} from '../../../shared/contract.js';
import { AppError } from '../../../shared/domain/errors.js';
import type { Transport } from './transport.js';

export interface Client {
  api: Api;
  kind: Transport['kind'];
  onEvent(listener: (event: ServerEvent) => void): () => void;
  /** The event stream is back after it was lost (events meanwhile were missed). */
  onReconnect(listener: () => void): () => void;
  pickCsv(): Promise<FileRef | null>;
  pickProject(): Promise<FileRef | null>;
  download(url: string, fileName: string): void;
}

async function callValidated(transport: Transport, method: MethodName, input: unknown): Promise<unknown> {
  let raw: unknown;
  try {
    raw = await transport.call(method, input);
  } catch (err) {
    throw new AppError('internal', { message: err instanceof Error ? err.message : String(err) });
  }
  const reply = Reply.safeParse(raw);
  if (!reply.success) throw new AppError('invalidRequest', { message: `malformed reply to ${method}` });
  if (!reply.data.ok) throw new AppError(reply.data.error.code, reply.data.error.params);
  try {
    return parseOutput(method, reply.data.value);
  } catch {
    throw new AppError('invalidRequest', { message: `unexpected result of ${method}` });
  }
}

export function createClient(transport: Transport): Client {
  const api = Object.fromEntries(
    methodNames.map((m) => [m, (input: unknown) => callValidated(transport, m, input ?? {})]),
  ) as unknown as Api;
  return {
    api,
    kind: transport.kind,
    onEvent(listener) {
      return transport.subscribe((raw) => {
        const parsed = ServerEvent.safeParse(raw);
        if (parsed.success) listener(parsed.data);
      });
    },
    onReconnect: (listener) => transport.onReconnect?.(listener) ?? (() => undefined),
    pickCsv: () => transport.pickCsv(),
    pickProject: () => transport.pickProject(),
    download: (url, fileName) => transport.download(url, fileName),
  };
}
