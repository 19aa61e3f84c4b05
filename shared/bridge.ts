/**
 * The object the Electron preload exposes on `window.layerwise` through contextBridge.
 * It is deliberately generic (a method name and an unknown payload): the renderer's client
 * validates what comes back against the contract, and the main process validates what
 * arrives, so nothing typed is declared twice.
 */
export interface LayerwiseBridge {
  /** Calls a contract method; resolves with the transport `Reply` (validated by the client). */
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Subscribes to server events; returns an unsubscribe function. */
  onEvent(listener: (event: unknown) => void): () => void;
}

export const BRIDGE_KEY = 'layerwise';
