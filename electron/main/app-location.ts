/**
 * Where the desktop window's page comes from, and which URLs count as that page. In a build
 * the page is the one file `app://layerwise/index.html`, served from the bundled renderer by
 * the app's own scheme (app-protocol.ts); during development (`npm start`, not packaged) it
 * is the electron-vite dev server on this machine. Navigation, the IPC sender check and the
 * session's request filter all use the predicates here, so they cannot disagree.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'layerwise';
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type AppLocation = { kind: 'bundle' } | { kind: 'devServer'; url: string; origin: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Schemes that reach the network or the disk: the window loads nothing through them but its dev server. */
const OUTSIDE_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The page's location. `ELECTRON_RENDERER_URL` (set by electron-vite's dev server) is honoured
 * only when the app is not packaged and only for an http(s) address on this machine, so an
 * environment variable can never point an installed app's window, with its preload, elsewhere.
 */
export function appLocation(devUrl: string | undefined, packaged: boolean): AppLocation {
  const u = !packaged && devUrl ? parse(devUrl) : null;
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || !LOOPBACK_HOSTS.has(u.hostname)) {
    return { kind: 'bundle' };
  }
  if (u.username || u.password) return { kind: 'bundle' };
  return { kind: 'devServer', url: u.href, origin: u.origin };
}

/** The URL the window loads. */
export const startUrl = (location: AppLocation): string => (location.kind === 'bundle' ? APP_PAGE : location.url);

/**
 * True when a URL is the app's own page: exactly `app://layerwise/index.html` (a fragment is
 * the same document; a query, another path or host is not), or in development any page of the
 * dev server's exact origin (scheme, host and port). Any `file:` URL, other scheme or origin is not.
 */
export function isAppUrl(url: string, location: AppLocation): boolean {
  const u = parse(url);
  if (!u || u.username || u.password) return false;
  if (location.kind === 'devServer') return u.origin === location.origin;
  u.hash = '';
  return u.href === APP_PAGE;
}

/**
 * True when the window's session may make this request: the app's own files, data: and
 * blob: URLs and the browser's internal pages (the CSP still governs their use), and in
 * development the dev server's origin with its hot-reload WebSocket. Nothing else over the
 * network or from the disk.
 */
export function isAllowedRequest(url: string, location: AppLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
  if (!OUTSIDE_SCHEMES.has(u.protocol)) return true;
  if (location.kind !== 'devServer' || u.username || u.password) return false;
  const dev = new URL(location.origin);
  const socket = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return (u.protocol === dev.protocol || u.protocol === socket) && u.host === dev.host;
}

/** The frame an IPC message came from, as Electron describes it (`event.senderFrame`). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** True when an IPC request comes from the app's page in the window's top frame, not a subframe or another page. */
export const isTrustedSender = (frame: SenderFrame | null | undefined, location: AppLocation): boolean =>
  !!frame && frame.parent === null && isAppUrl(frame.url, location);
