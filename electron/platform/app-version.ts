/** The application's name and version, read once from package.json. */
import { readFileSync } from 'node:fs';

let cached: { name: string; version: string } | null = null;

function load(): { name: string; version: string } {
  if (!cached) {
    const url = new URL('../../package.json', import.meta.url);
    const pkg = JSON.parse(readFileSync(url, 'utf8')) as { productName?: string; version?: string };
    cached = { name: pkg.productName ?? 'Layerwise Studio', version: pkg.version ?? '0.0.0' };
  }
  return cached;
}

export const appVersion = (): string => load().version;
export const appName = (): string => load().name;
