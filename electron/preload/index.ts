/**
 * Preload (sandboxed, context-isolated): exposes `window.layerwise`, a two-function bridge
 * to the main process. It forwards a method name and payload, and server events; the main
 * process validates every request and the renderer validates every reply and event.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, type LayerwiseBridge } from '../../shared/bridge.js';
import { EVENT_CHANNEL, ipcChannel } from '../../shared/channels.js';

const bridge: LayerwiseBridge = {
  invoke(method, input) {
    if (typeof method !== 'string' || !/^[a-z]+\.[A-Za-z]+$/.test(method)) {
      return Promise.reject(new Error('invalid method name'));
    }
    return ipcRenderer.invoke(ipcChannel(method), input) as Promise<unknown>;
  },
  onEvent(listener) {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
