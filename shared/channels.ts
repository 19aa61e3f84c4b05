/**
 * IPC channel naming, free of any dependency so the sandboxed preload can use it: a
 * contract method `area.verb` travels on `lw:area.verb`; server events on `lw:event`.
 */
export const ipcChannel = (method: string): string => `lw:${method}`;
export const EVENT_CHANNEL = 'lw:event';
