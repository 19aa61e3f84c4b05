/** Where the repository's own files are when running from source (web host, CLI, tests). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root, from this file's location (electron/service/). */
export const repoRoot = (): string => fileURLToPath(new URL('../../', import.meta.url));

export const SAMPLE_FILE = 'sample-orders.csv';

export const sourceSamplePath = (): string => join(repoRoot(), 'resources', SAMPLE_FILE);

/** The OS locale as Node sees it (LANG / LC_ALL first, then ICU's default). */
export function osLocale(): string {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  if (env && env !== 'C' && env !== 'POSIX') return env.split('.')[0].replace('_', '-');
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
