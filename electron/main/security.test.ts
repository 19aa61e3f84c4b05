/**
 * The hardening rules, applied to fakes of Electron's session and web contents: permissions
 * refused, requests outside the app cancelled, the CSP on every response, navigation away
 * from the app's page prevented in every frame, no new windows, no webviews.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { CSP_HEADER } from '../../shared/csp.js';
import { APP_PAGE, appLocation, type AppLocation } from './app-location.js';
import { hardenContents, hardenSession, hardenWebContents, SECURE_WEB_PREFERENCES } from './security.js';

type Handler = (...args: never[]) => unknown;

/** A session that records the handlers it is given. */
function fakeSession() {
  const handlers: Record<string, Handler> = {};
  const record = (name: string) => (handler: Handler) => {
    handlers[name] = handler;
  };
  const ses = {
    setPermissionRequestHandler: record('permissionRequest'),
    setPermissionCheckHandler: record('permissionCheck'),
    setDevicePermissionHandler: record('devicePermission'),
    webRequest: { onBeforeRequest: record('beforeRequest'), onHeadersReceived: record('headersReceived') },
  };
  return { ses: ses as unknown as Session, handlers: handlers as Record<string, (...args: unknown[]) => unknown> };
}

/** Web contents as an event emitter that also records its window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: (() => { action: string }) | null = null;
  setWindowOpenHandler(handler: () => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits a cancellable event the way Electron does; true when a listener prevented it. */
  prevented(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.emit(name, event, ...args);
    return prevented;
  }
  /** `will-frame-navigate` passes one details object that is also the event. */
  framePrevented(url: string): boolean {
    let prevented = false;
    this.emit('will-frame-navigate', { url, isMainFrame: false, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

const bundle: AppLocation = { kind: 'bundle' };

describe('hardenSession', () => {
  it('refuses every permission and device request', () => {
    const { ses, handlers } = fakeSession();
    hardenSession(ses, bundle);
    let granted: boolean | undefined;
    handlers.permissionRequest(null, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(handlers.permissionCheck(null, 'clipboard-read')).toBe(false);
    expect(handlers.devicePermission({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels requests to the network and the disk, and puts the CSP on every response', () => {
    const { ses, handlers } = fakeSession();
    hardenSession(ses, bundle);
    const cancel = (url: string) => {
      let answer: { cancel?: boolean } = {};
      handlers.beforeRequest({ url }, (a: { cancel?: boolean }) => (answer = a));
      return answer.cancel;
    };
    expect(cancel('app://layerwise/assets/index.js')).toBe(false);
    expect(cancel('https://example.com/tracker.js')).toBe(true);
    expect(cancel('file:///etc/passwd')).toBe(true);
    expect(cancel('ws://127.0.0.1:4750/api/events')).toBe(true);
    let headers: Record<string, string[]> = {};
    handlers.headersReceived(
      { responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["connect-src 'self' ws:"] } },
      (a: { responseHeaders: Record<string, string[]> }) => (headers = a.responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([CSP_HEADER]);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });
});

describe('hardenWebContents', () => {
  const contents = new FakeContents();
  hardenWebContents(contents as unknown as WebContents, bundle);

  it.each(['file:///etc/passwd', 'file:///tmp/evil.html', 'https://example.com/', 'app://layerwise/other.html'])(
    'keeps every frame on the app page: %s is refused',
    (url) => {
      expect(contents.prevented('will-navigate', url)).toBe(true);
      expect(contents.prevented('will-redirect', url)).toBe(true);
      expect(contents.framePrevented(url)).toBe(true);
    },
  );

  it('lets the app page reload itself', () => {
    expect(contents.prevented('will-navigate', APP_PAGE)).toBe(false);
    expect(contents.framePrevented(`${APP_PAGE}#x`)).toBe(false);
  });

  it('opens no window and attaches no webview', () => {
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
    expect(contents.prevented('will-attach-webview', {}, {})).toBe(true);
  });

  it('in development, allows the dev server and nothing else', () => {
    const dev = new FakeContents();
    hardenWebContents(dev as unknown as WebContents, appLocation('http://localhost:5173', false));
    expect(dev.prevented('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(dev.prevented('will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(dev.prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
  });
});

describe('hardenContents', () => {
  it('hardens every web contents the app creates', () => {
    const app = new EventEmitter();
    hardenContents(app as unknown as Parameters<typeof hardenContents>[0], bundle);
    const created = new FakeContents();
    app.emit('web-contents-created', {}, created);
    expect(created.prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(created.openHandler?.()).toEqual({ action: 'deny' });
  });
});

describe('SECURE_WEB_PREFERENCES', () => {
  it('isolate the page from Node and the system', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});
