/**
 * For the web host's tests: a host on a free loopback port with a renderer stand-in and a
 * project per session (a stub service unless given), its upload folder in a fresh lw-web-*
 * folder that close() removes with everything in it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppInfo, Service } from '../../shared/contract.js';
import { FileRegistry } from '../platform/file-registry.js';
import { startWebHost, type WebHost, type WebHostOptions } from './server.js';
import type { OpenProject } from './sessions.js';
import { WebSaver } from './web-saver.js';

export const TEST_TOKEN = 'test-token-123-abcdef';

export const STUB_INFO: AppInfo = {
  name: 'Layerwise Studio',
  version: '1.0.0',
  backend: 'cpu',
  transport: 'web',
  osLocale: 'en-US',
  platform: 'linux',
};

/** A service whose methods are the given ones; app.info answers STUB_INFO, any other method fails. */
export function stubService(methods: Partial<Record<string, () => Promise<unknown>>> = {}): Service {
  return new Proxy({} as Service, {
    get: (_t, key: string) =>
      methods[key] ??
      (key === 'app.info' ? async () => STUB_INFO : async () => Promise.reject(new Error(`unexpected ${key}`))),
  });
}

export interface TestHost {
  host: WebHost;
  /** http://127.0.0.1:<port> */
  base: string;
  port: number;
  /** The lw-web-* folder: the renderer stand-in in static/, and the host's upload folder. */
  root: string;
  files: FileRegistry;
  saver: WebSaver;
  close(): Promise<void>;
}

type Extra = Partial<Omit<WebHostOptions, 'openProject' | 'staticDir' | 'files' | 'saver'>>;

export async function startTestHost(
  open: (saver: WebSaver) => OpenProject = () => () => ({ service: stubService(), close: () => undefined }),
  extra: Extra = {},
): Promise<TestHost> {
  const token = extra.token ?? TEST_TOKEN;
  const root = mkdtempSync(join(tmpdir(), 'lw-web-'));
  const staticDir = join(root, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Layerwise</title>');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  const files = new FileRegistry();
  const saver = new WebSaver(token);
  const host = await startWebHost(
    { tempRoot: root, ...extra, token, staticDir, files, saver, openProject: open(saver) },
    0,
  ).catch(async (err: unknown) => {
    await rm(root, { recursive: true, force: true });
    throw err;
  });
  const address = host.server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  return {
    host,
    base: `http://127.0.0.1:${port}`,
    port,
    root,
    files,
    saver,
    async close() {
      await host.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
