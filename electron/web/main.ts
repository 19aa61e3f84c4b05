/**
 * `npm run web`: starts the local web host on 127.0.0.1 with a fresh session token and
 * prints the URL to open. Options: --port N (default 4750; 0 = any free port),
 * --token T (default: random; for tests). Ctrl+C stops it. Projects are autosaved to the
 * per-user data folder (`platform/data-dir.ts`; `LAYERWISE_DATA_DIR` to choose another).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ServerEvent } from '../../shared/contract.js';
import { formatError } from '../../shared/i18n/format.js';
import { EngineClient } from '../service/engine-thread/client.js';
import { FileRegistry } from '../platform/file-registry.js';
import { memoryBudgetFromEnv, osLocale, repoRoot, sourceSamplePath } from '../platform/paths.js';
import { autosaveDirIn, userDataDir } from '../platform/data-dir.js';
import { Autosaves } from '../service/project/autosave.js';
import { LayerwiseService } from '../service/service.js';
import { startWebHost, type WebHost } from './server.js';
import { WebSaver } from './web-saver.js';

const DEFAULT_PORT = 4750;

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, token: { type: 'string' }, quiet: { type: 'boolean' } },
    strict: true,
  });
  const token = values.token ?? process.env.LAYERWISE_TOKEN ?? randomBytes(24).toString('hex');
  const uploadDir = await mkdtemp(join(tmpdir(), 'layerwise-uploads-'));
  const files = new FileRegistry();
  const saver = new WebSaver(token);
  const engine = new EngineClient();
  let host: WebHost | null = null;
  const emit = (event: ServerEvent) => host?.broadcast(event);
  const service = new LayerwiseService({
    transport: 'web',
    osLocale: osLocale(),
    samplePath: sourceSamplePath(),
    emit,
    files,
    saver,
    engine,
    memoryBudgetBytes: memoryBudgetFromEnv(),
    autosaves: new Autosaves(autosaveDirIn(userDataDir())),
  });
  const options = { token, staticDir: join(repoRoot(), 'out', 'renderer'), uploadDir, service, files, saver };
  const wanted = values.port !== undefined ? Number(values.port) : DEFAULT_PORT;
  try {
    host = await startWebHost(options, wanted);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || values.port !== undefined) throw err;
    host = await startWebHost(options, 0);
  }
  const address = host.server.address();
  const port = address && typeof address === 'object' ? address.port : wanted;
  const backend = await engine.backend();
  process.stdout.write(`Layerwise Studio is running at http://127.0.0.1:${port}/?token=${token}\n`);
  if (!values.quiet)
    process.stdout.write(`Engine backend: ${backend}. Only this machine can connect. Press Ctrl+C to stop.\n`);
  const stop = async () => {
    await service.session.flush();
    await host?.close();
    await engine.dispose();
    await rm(uploadDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

run().catch((err: unknown) => {
  process.stderr.write(`layerwise web: ${formatError(err, 'en')}\n`);
  process.exit(1);
});
