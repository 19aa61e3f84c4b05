/**
 * Transport to the local web host: requests are POST /api/rpc/<method> with the session
 * token in a header, events come over a WebSocket (reconnecting with backoff), a CSV is
 * picked with the browser's file chooser and uploaded, exports are downloaded by URL.
 */
import { FileRef, Reply } from '../../../shared/contract.js';
import { AppError } from '../../../shared/domain/errors.js';
import type { Transport } from './transport.js';

const TOKEN_KEY = 'layerwise-token';

export function sessionToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const CSV_TYPES = '.csv,.tsv,.txt,text/csv,text/plain';
const PROJECT_TYPES = '.lwproj,.lwm';

function chooseFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** The browser's file chooser, then an upload; the file's own name travels with it. */
async function upload(accept: string, token: string): Promise<FileRef | null> {
  const file = await chooseFile(accept);
  if (!file) return null;
  const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'x-layerwise-token': token },
    body: file,
  });
  const reply = Reply.parse(await res.json());
  if (!reply.ok) throw new AppError(reply.error.code, reply.error.params);
  return FileRef.parse(reply.value);
}

export function webTransport(token = sessionToken()): Transport {
  const headers = { 'content-type': 'application/json', 'x-layerwise-token': token };
  const listeners = new Set<(e: unknown) => void>();
  const reconnected = new Set<() => void>();
  let socket: WebSocket | null = null;
  let retry = 500;
  let lost = false;
  const connect = () => {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${window.location.host}/api/events?token=${encodeURIComponent(token)}`);
    socket.onopen = () => {
      retry = 500;
      if (lost) reconnected.forEach((l) => l());
      lost = false;
    };
    socket.onmessage = (m) => {
      let data: unknown;
      try {
        data = JSON.parse(String(m.data));
      } catch {
        return;
      }
      listeners.forEach((l) => l(data));
    };
    socket.onclose = () => {
      socket = null;
      lost = true;
      if (listeners.size > 0) setTimeout(connect, (retry = Math.min(retry * 2, 10_000)));
    };
  };
  return {
    kind: 'web',
    async call(method, input) {
      const res = await fetch(`/api/rpc/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      return res.json() as Promise<unknown>;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => listeners.delete(listener);
    },
    onReconnect(listener) {
      reconnected.add(listener);
      return () => reconnected.delete(listener);
    },
    pickCsv: () => upload(CSV_TYPES, token),
    pickProject: () => upload(PROJECT_TYPES, token),
    download(url, fileName) {
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      a.remove();
    },
  };
}
