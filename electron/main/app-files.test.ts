/** The app scheme answers with files of the renderer folder only, the page with its CSP. */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { CSP_HEADER } from '../../shared/csp.js';
import { appFileFor, appFileResponse } from './app-files.js';

const root = resolve('/opt/layerwise/out/renderer');
const files = new Map([
  [resolve(root, 'index.html'), '<!doctype html>'],
  [resolve(root, 'assets/index-x.js'), 'export {}'],
]);
const readFile = async (file: string) => {
  const text = files.get(file);
  if (text === undefined) throw new Error(`ENOENT ${file}`);
  return new TextEncoder().encode(text);
};

describe('appFileFor', () => {
  it.each([
    ['app://layerwise/index.html', resolve(root, 'index.html')],
    ['app://layerwise/assets/index-x.js', resolve(root, 'assets/index-x.js')],
    ['app://layerwise/assets/../index.html?x#y', resolve(root, 'index.html')],
    ['app://layerwise/%E5%A3%B2%E4%B8%8A.png', resolve(root, '売上.png')],
    ['app://layerwise/', null],
    ['app://layerwise/assets/', null],
    ['app://layerwise/..%2F..%2Fsecret.txt', null],
    // Dot segments stop at the folder: this names a file inside it (there is none).
    ['app://layerwise/%2e%2e/%2e%2e/etc/passwd', resolve(root, 'etc/passwd')],
    ['app://layerwise/..%5C..%5Csecret.txt', null],
    ['app://layerwise/index.html%00.png', null],
    ['app://layerwise/%E0%A4%A', null],
    ['app://other/index.html', null],
    ['app://user@layerwise/index.html', null],
    ['file:///etc/passwd', null],
    ['http://layerwise/index.html', null],
  ])('%s names %s', (url, expected) => {
    expect(appFileFor(root, url)).toBe(expected);
  });
});

describe('appFileResponse', () => {
  it('serves the page with the CSP and its scripts with their type', async () => {
    const page = await appFileResponse(root, 'GET', 'app://layerwise/index.html', readFile);
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.headers['Content-Security-Policy']).toBe(CSP_HEADER);
    expect(new TextDecoder().decode(page.body!)).toBe('<!doctype html>');
    const script = await appFileResponse(root, 'GET', 'app://layerwise/assets/index-x.js', readFile);
    expect(script.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('answers 404 for a missing file or one outside the folder, 405 for anything but GET', async () => {
    expect((await appFileResponse(root, 'GET', 'app://layerwise/missing.js', readFile)).status).toBe(404);
    expect((await appFileResponse(root, 'GET', 'app://layerwise/..%2Fmain%2Findex.js', readFile)).status).toBe(404);
    const post = await appFileResponse(root, 'POST', 'app://layerwise/index.html', readFile);
    expect(post).toMatchObject({ status: 405, body: null });
  });
});
