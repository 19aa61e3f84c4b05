/** Where the suite finds Chromium, the built app and the web host started by global setup. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const CHROMIUM = process.env.LAYERWISE_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SAMPLE_CSV = join(repoRoot, 'resources', 'sample-orders.csv');
export const SCREENSHOTS = join(repoRoot, 'docs', 'screenshots');
/**
 * The memory budget the app under test runs with (LAYERWISE_MEMORY_MB): small enough that a
 * few megabytes of CSV count as a file larger than memory, large enough for the sample data.
 */
export const APP_ENV = { LAYERWISE_MEMORY_MB: '16' };
export const STATE_FILE = join(repoRoot, 'e2e', '.output', 'web-host.json');

/** Why the Electron project cannot run here, or null when it can. */
export function electronUnavailable(): string | null {
  const pkg = join(repoRoot, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile))
    return 'the Electron binary is not installed on this machine (it cannot be downloaded here); the same specs ran in Chromium through the web host';
  if (!existsSync(join(repoRoot, 'out', 'main', 'index.js')))
    return 'the desktop app is not built (run "npm run build" first)';
  return null;
}

/**
 * A fresh folder for what a spec writes or saves: inside the suite's own folder, which global
 * setup makes and its teardown removes (so a run leaves nothing behind), or in the system's
 * temporary folder when no suite runs.
 */
export function e2eTempDir(prefix: string): string {
  let root = tmpdir();
  try {
    const { filesDir } = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { filesDir?: string };
    if (filesDir && existsSync(filesDir)) root = filesDir;
  } catch {
    // No suite running: the system's temporary folder.
  }
  return mkdtempSync(join(root, prefix));
}
