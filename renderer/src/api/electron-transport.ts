/** Transport through the Electron preload bridge (`window.layerwise`). */
import { BRIDGE_KEY, type LayerwiseBridge } from '../../../shared/bridge.js';
import { FileRef, parseOutput, Reply } from '../../../shared/contract.js';
import { AppError } from '../../../shared/domain/errors.js';
import type { Transport } from './transport.js';

export function bridge(): LayerwiseBridge | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_KEY];
  return candidate && typeof candidate === 'object' ? (candidate as LayerwiseBridge) : null;
}

async function pick(b: LayerwiseBridge, method: 'files.pickCsv' | 'files.pickProject'): Promise<FileRef | null> {
  const reply = Reply.parse(await b.invoke(method, {}));
  if (!reply.ok) throw new AppError(reply.error.code, reply.error.params);
  return parseOutput(method, reply.value) as FileRef | null;
}

export function electronTransport(b: LayerwiseBridge): Transport {
  return {
    kind: 'electron',
    call: (method, input) => b.invoke(method, input),
    subscribe: (listener) => b.onEvent(listener),
    pickCsv: () => pick(b, 'files.pickCsv'),
    pickProject: () => pick(b, 'files.pickProject'),
    download() {
      // Desktop exports are written by the main process where the user chose; nothing to do.
    },
  };
}
