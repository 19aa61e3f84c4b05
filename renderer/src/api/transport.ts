/**
 * How the renderer reaches the Node side. Two implementations: the Electron preload bridge
 * and the web host (HTTP + WebSocket). Everything above this interface is the same.
 */
import type { FileRef, MethodName } from '../../../shared/contract.js';

export interface Transport {
  kind: 'electron' | 'web';
  /** Sends a request; resolves with the raw reply (validated by the client). */
  call(method: MethodName, input: unknown): Promise<unknown>;
  /** Receives raw server events (validated by the client). */
  subscribe(listener: (event: unknown) => void): () => void;
  /** Lets the user pick a CSV: a native dialog, or the browser's file chooser and an upload. */
  pickCsv(): Promise<FileRef | null>;
  /** Lets the user pick a project (.lwproj) or a model file (.lwm), the same ways. */
  pickProject(): Promise<FileRef | null>;
  /** Called when the event stream comes back after it was lost (web host); events meanwhile are missed. */
  onReconnect?(listener: () => void): () => void;
  /** Hands an export to the user when it came back as a download URL (web host). */
  download(url: string, fileName: string): void;
}
