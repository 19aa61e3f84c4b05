/**
 * `npm run web`: starts the local web host on 127.0.0.1 with a fresh session token and
 * prints the URL to open. Options: --port N (default 4750; 0 = any free port),
 * --token T (default: LAYERWISE_TOKEN, else random; at least 16 characters). The upload limit
 * is LAYERWISE_MAX_UPLOAD_MB (default 2048). Ctrl+C stops it and removes its upload folder.
 * One engine thread serves every browser session; each session has its own LayerwiseService.
 * Projects are autosaved to the per-user data folder (`platform/data-dir.ts`;
 * `LAYERWISE_DATA_DIR` to choose another), through one `Autosaves` shared by every session (a
 * project open in one tab is not offered for restoring in another); every session's autosave
 * is written when the host stops.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/domain/errors.js';
import { formatError } from '../../shared/i18n/format.js';
import { EngineClient } from '../service/engine-thread/client.js';
import { FileRegistry } from '../platform/file-registry.js';
import { memoryBudgetFromEnv, osLocale, repoRoot, sourceSamplePath } from '../platform/paths.js';
import { autosaveDirIn, userDataDir } from '../platform/data-dir.js';
import { Autosaves } from '../service/project/autosave.js';
import { LayerwiseService } from '../service/service.js';
import { MIN_TOKEN_LENGTH } from './security.js';
import { startWebHost, type WebHost, type WebHostOptions } from './server.js';
import type { OpenProject } from './sessions.js';
import { maxUploadBytesFromEnv } from './uploads.js';
import { WebSaver } from './web-saver.js';

const DEFAULT_PORT = 4750;

/** The token and upload limit, refused before anything starts when they would weaken the host. */
function settings(tokenOption: string | undefined): { token: string; maxUploadBytes: number } {
  const token = tokenOption ?? process.env.LAYERWISE_TOKEN ?? randomBytes(24).toString('hex');
  if (token.length < MIN_TOKEN_LENGTH) throw new AppError('web.tokenTooShort', { min: MIN_TOKEN_LENGTH });
  const maxUploadBytes = maxUploadBytesFromEnv();
  if (maxUploadBytes === null)
    throw new AppError('web.badUploadLimit', { value: process.env.LAYERWISE_MAX_UPLOAD_MB ?? '' });
  return { token, maxUploadBytes };
}

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, token: { type: 'string' }, quiet: { type: 'boolean' } },
    strict: true,
  });
  const { token, maxUploadBytes } = settings(values.token);
  const files = new FileRegistry();
  const saver = new WebSaver(token);
  const engine = new EngineClient();
  const autosaves = new Autosaves(autosaveDirIn(userDataDir()));
  const openProject: OpenProject = (emit) => {
    const service = new LayerwiseService({
      transport: 'web',
      osLocale: osLocale(),
      samplePath: sourceSamplePath(),
      emit,
      files,
      saver,
      engine,
      memoryBudgetBytes: memoryBudgetFromEnv(),
      autosaves,
    });
    const close = async () => {
      service.close();
      await service.session.close();
    };
    return { service, close };
  };
  const options: WebHostOptions = {
    token,
    staticDir: join(repoRoot(), 'out', 'renderer'),
    openProject,
    files,
    saver,
    upload: { maxBytes: maxUploadBytes },
  };
  const wanted = values.port !== undefined ? Number(values.port) : DEFAULT_PORT;
  let host: WebHost;
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
    await host.close();
    await engine.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

run().catch((err: unknown) => {
  process.stderr.write(`layerwise web: ${formatError(err, 'en')}\n`);
  process.exit(1);
});
