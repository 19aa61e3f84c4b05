/** The web host sends the page with the shared CSP: its own origin only, so no WebSocket to another host or port. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_HEADER, cspDirectives } from '../../shared/csp.js';
import { serveStatic } from './static-files.js';

const root = mkdtempSync(join(tmpdir(), 'lw-static-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(root, 'app.js'), 'export {};');
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => void serveStatic(root, new URL(req.url ?? '/', 'http://x').pathname, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

describe('the web host CSP', () => {
  it('is the shared policy, whose connect-src is the page origin alone', async () => {
    const res = await fetch(`${base}/`);
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(CSP_HEADER);
    expect(cspDirectives(csp ?? '').get('connect-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/\bws:/);
  });

  it('comes with pages only', async () => {
    const res = await fetch(`${base}/app.js`);
    expect(res.headers.get('content-security-policy')).toBeNull();
  });
});
