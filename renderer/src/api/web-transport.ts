/**
 * Transport to the local web host. The page lives under the host's session path and its
 * session cookie authenticates every request (the renderer never sees the token), so every
 * URL here is relative to the page. Requests are POST api/rpc/<method>, events come over a
 * WebSocket (reconnecting with backoff), a CSV is picked with the browser's file chooser and
 * uploaded, exports are downloaded by URL. Each tab has its own project on the host: its
 * session id goes with every request (header x-layerwise-session) and the socket (?session=).
 */
import { FileRef, Reply } from '../../../shared/contract.js';
import { AppError } from '../../../shared/domain/errors.js';
import type { Transport } from './transport.js';

/** The header the host reads the session from (electron/web/sessions.ts SESSION_HEADER). */
const SESSION_HEADER = 'x-layerwise-session';
const SESSION_KEY = 'layerwise-session';
const CHANNEL = 'layerwise-sessions';

function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * This tab's session id. It is kept in sessionStorage, so a reload keeps the tab's project; a
 * duplicated tab copies sessionStorage too, so the id is first offered to the other open tabs
 * (BroadcastChannel) and replaced by a new one if one of them already has it.
 */
export function tabSession(waitMs = 80): Promise<string> {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  let confirmed: string | null = null;
  const answer = (e: MessageEvent<{ ask?: string }>) => {
    if (confirmed !== null && e.data.ask === confirmed) channel?.postMessage({ taken: confirmed });
  };
  channel?.addEventListener('message', answer);
  const confirm = (id: string) => {
    sessionStorage.setItem(SESSION_KEY, id);
    confirmed = id;
    return id;
  };
  const stored = sessionStorage.getItem(SESSION_KEY);
  if (!stored || !channel) return Promise.resolve(confirm(stored ?? newSessionId()));
  return new Promise((resolve) => {
    const taken = (e: MessageEvent<{ taken?: string }>) => {
      if (e.data.taken !== stored) return;
      clearTimeout(timer);
      channel.removeEventListener('message', taken);
      resolve(confirm(newSessionId()));
    };
    const timer = setTimeout(() => {
      channel.removeEventListener('message', taken);
      resolve(confirm(stored));
    }, waitMs);
    channel.addEventListener('message', taken);
    channel.postMessage({ ask: stored });
  });
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

/** The reply to an upload; a failed connection or a reply that is not the contract's is `web.uploadFailed`. */
async function uploadReply(send: () => Promise<Response>): Promise<Reply> {
  try {
    return Reply.parse(await (await send()).json());
  } catch {
    throw new AppError('web.uploadFailed');
  }
}

/** The browser's file chooser, then an upload to this tab's session; the file's own name travels with it. */
async function upload(accept: string, session: Promise<string>): Promise<FileRef | null> {
  const file = await chooseFile(accept);
  if (!file) return null;
  const headers = { [SESSION_HEADER]: await session };
  const reply = await uploadReply(() =>
    fetch(`api/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', headers, body: file }),
  );
  if (!reply.ok) throw new AppError(reply.error.code, reply.error.params);
  return FileRef.parse(reply.value);
}

export function webTransport(session: Promise<string> = tabSession()): Transport {
  const listeners = new Set<(e: unknown) => void>();
  const reconnected = new Set<() => void>();
  /** Whether a socket is open or being opened. */
  let live = false;
  let retry = 500;
  /** The stream was lost: events may have been missed until it is open again. */
  let lost = false;
  const connect = async () => {
    live = true;
    const url = new URL(`api/events?session=${encodeURIComponent(await session)}`, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url.href);
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
      live = false;
      lost = true;
      if (listeners.size > 0) setTimeout(() => void connect(), (retry = Math.min(retry * 2, 10_000)));
    };
  };
  return {
    kind: 'web',
    async call(method, input) {
      const headers = { 'content-type': 'application/json', [SESSION_HEADER]: await session };
      const res = await fetch(`api/rpc/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      return res.json() as Promise<unknown>;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!live) void connect();
      return () => listeners.delete(listener);
    },
    onReconnect(listener) {
      reconnected.add(listener);
      return () => reconnected.delete(listener);
    },
    pickCsv: () => upload(CSV_TYPES, session),
    pickProject: () => upload(PROJECT_TYPES, session),
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
