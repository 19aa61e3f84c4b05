/**
 * Electron hardening. The session: every permission and device request refused, no request
 * over the network or to the disk but the dev server's in development (app-location.ts), and
 * the CSP on every response (the app's scheme sends it too, and the page's meta tag says the
 * same). Every web contents: no navigation or redirect away from the app's page in any frame,
 * no new windows, no webviews. Electron's objects are passed in, so the rules are tested with fakes.
 */
import type { App, Session, WebContents } from 'electron';
import { CSP_HEADER } from '../../shared/csp.js';
import { isAllowedRequest, isAppUrl, type AppLocation } from './app-location.js';

/** The options of the app's one window that keep its page away from Node and the system. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

type SessionParts = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'> };

export function hardenSession(ses: SessionParts, location: AppLocation): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, location) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP_HEADER] } });
  });
}

type ContentsParts = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applies the navigation rules to one web contents. */
export function hardenWebContents(contents: ContentsParts, location: AppLocation): void {
  const stayOnApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, location)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => stayOnApp(event, url));
  contents.on('will-frame-navigate', (details) => stayOnApp(details, details.url));
  contents.on('will-redirect', (event, url) => stayOnApp(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies the navigation rules to every web contents the app creates, from the first one on. */
export function hardenContents(app: Pick<App, 'on'>, location: AppLocation): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location));
}
