/**
 * A web host with a stub service, run in its own process by tests that must see whether a
 * bad client can crash it (in the test runner an uncaught exception would be caught instead).
 * Usage: node --import tsx electron/web/test-host.ts <token> <temp root>. Prints `port <n>`
 * once listening; SIGTERM stops it, and the host removes its upload folder.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppInfo, Service } from '../../shared/contract.js';
import { FileRegistry } from '../platform/file-registry.js';
import { startWebHost } from './server.js';
import { WebSaver } from './web-saver.js';

const STUB_INFO: AppInfo = {
  name: 'Layerwise Studio',
  version: '0.0.0',
  backend: 'cpu',
  transport: 'web',
  osLocale: 'en-US',
  platform: 'linux',
};

async function run(token: string, tempRoot: string): Promise<void> {
  const service = new Proxy({} as Service, {
    get: (_t, key: string) => async () => (key === 'app.info' ? STUB_INFO : Promise.reject(new Error(key))),
  });
  const options = {
    token,
    staticDir: join(tempRoot, 'static'),
    tempRoot,
    openProject: () => ({ service, close: () => undefined }),
    files: new FileRegistry(),
    saver: new WebSaver(token),
  };
  const host = await startWebHost(options, 0);
  const address = host.server.address();
  process.stdout.write(`port ${address && typeof address === 'object' ? address.port : 0}\n`);
  process.once('SIGTERM', () => {
    void host.close().then(() => process.exit(0));
  });
}

void run(process.argv[2] ?? 'token', process.argv[3] ?? tmpdir());
