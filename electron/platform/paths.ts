/** Where the repository's own files are when running from source (web host, CLI, tests), and settings read from the environment. */
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

/**
 * The import's memory budget from `LAYERWISE_MEMORY_MB` (megabytes of cell text kept in memory;
 * larger files are sampled during the import and subsets drawn from the whole file). Undefined
 * when unset, so the data layer's default applies; a value that is not a positive number is ignored.
 */
export function memoryBudgetFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const mb = Number(env.LAYERWISE_MEMORY_MB);
  return env.LAYERWISE_MEMORY_MB && Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : undefined;
}
