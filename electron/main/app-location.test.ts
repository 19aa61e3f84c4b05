/** Which URLs are the app's page, which requests the window may make, and who may call over IPC. */
import { describe, expect, it } from 'vitest';
import {
  APP_PAGE,
  appLocation,
  isAllowedRequest,
  isAppUrl,
  isTrustedSender,
  startUrl,
  type AppLocation,
} from './app-location.js';

const bundle: AppLocation = { kind: 'bundle' };
const dev = appLocation('http://localhost:5173', false);

describe('appLocation', () => {
  it('serves the bundle through the app scheme, the dev server only in development and only on this machine', () => {
    expect(startUrl(appLocation(undefined, false))).toBe('app://layerwise/index.html');
    expect(dev).toEqual({ kind: 'devServer', url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
    expect(startUrl(dev)).toBe('http://localhost:5173/');
    expect(appLocation('http://127.0.0.1:5173/', false).kind).toBe('devServer');
    expect(appLocation('http://[::1]:5173/', false).kind).toBe('devServer');
    for (const url of ['http://evil.example:5173', 'file:///tmp/index.html', 'javascript:alert(1)', 'not a url', ''])
      expect(appLocation(url, false), url).toEqual(bundle);
    expect(appLocation('http://user:pw@localhost:5173', false)).toEqual(bundle);
    // An installed app ignores the variable: its window, with the preload, never loads another page.
    expect(appLocation('http://localhost:5173', true)).toEqual(bundle);
  });
});

describe('isAppUrl', () => {
  it.each([
    [APP_PAGE, true],
    ['app://layerwise/index.html#top', true],
    ['app://layerwise/assets/../index.html', true],
    ['app://layerwise/index.html?x=1', false],
    ['app://layerwise/other.html', false],
    ['app://layerwise/', false],
    ['app://layerwise/assets/index.js', false],
    ['app://evil/index.html', false],
    ['app://layerwise:80/index.html', false],
    ['app://user@layerwise/index.html', false],
    ['file:///opt/Layerwise%20Studio/resources/app.asar/out/renderer/index.html', false],
    ['file:///etc/passwd', false],
    ['file:///C:/Users/a/Downloads/page.html', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['javascript:alert(1)', false],
    ['http://evil.example/', false],
    ['http://localhost:5173/', false],
    ['about:blank', false],
    ['', false],
  ])('in a build, %s is the app page: %s', (url, expected) => {
    expect(isAppUrl(url, bundle)).toBe(expected);
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/index.html?x#y', true],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['http://127.0.0.1:5173/', false],
    ['http://localhost/', false],
    ['http://user@localhost:5173/', false],
    ['ws://localhost:5173/', false],
    [APP_PAGE, false],
    ['file:///etc/passwd', false],
  ])('in development, %s is the app page: %s', (url, expected) => {
    expect(isAppUrl(url, dev)).toBe(expected);
  });
});

describe('isAllowedRequest', () => {
  it.each([
    ['app://layerwise/assets/index-x.js', true, true],
    ['app://evil/x.js', false, false],
    ['data:image/png;base64,AAAA', true, true],
    ['blob:app://layerwise/1234', true, true],
    ['devtools://devtools/bundled/inspector.html', true, true],
    ['http://localhost:5173/src/main.ts', false, true],
    ['ws://localhost:5173/', false, true],
    ['wss://localhost:5173/', false, false],
    ['http://localhost:5174/', false, false],
    ['https://example.com/x.js', false, false],
    ['ws://127.0.0.1:4750/api/events', false, false],
    ['file:///etc/passwd', false, false],
    ['ftp://example.com/x', false, false],
    ['::', false, false],
  ])('%s: allowed in a build %s, in development %s', (url, inBuild, inDev) => {
    expect(isAllowedRequest(url, bundle)).toBe(inBuild);
    expect(isAllowedRequest(url, dev)).toBe(inDev);
  });
});

describe('isTrustedSender', () => {
  it('answers the app page in the top frame only', () => {
    expect(isTrustedSender({ url: APP_PAGE, parent: null }, bundle)).toBe(true);
    expect(isTrustedSender({ url: APP_PAGE, parent: {} }, bundle)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, bundle)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, appLocation(undefined, false))).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, dev)).toBe(true);
    expect(isTrustedSender(null, bundle)).toBe(false);
    expect(isTrustedSender(undefined, bundle)).toBe(false);
  });
});
