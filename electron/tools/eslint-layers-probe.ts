/**
 * Lints a line of code as a virtual file of the repository with the repository's own
 * eslint.config.js (ESLint's Node API) and returns the messages of the layering rule, and the
 * messages it gives, for the tests of `eslint-layers.js`.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const RULE = 'Layering (docs/ARCHITECTURE.md, "What may import what")';

let eslint: ESLint | null = null;

/** The layering messages for `code` linted as the (virtual) file `filePath`, repository-relative. */
export async function layering(filePath: string, code: string): Promise<string[]> {
  eslint ??= new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath });
  // A parse error or an ignored file would make every "passes" vacuous.
  const other = result.messages.filter((m) => m.fatal || m.ruleId === null);
  expect(other.map((m) => m.message)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

/** An arrow the folder's row says it never draws. */
export const refused = (from: string, to: string) => `${RULE}: ${from} may not import ${to}.`;
/** An arrow the folder's row does not list among what it may import. */
export const unlisted = (from: string, to: string) =>
  `${RULE}: ${from} may not import ${to}: it is not in what ${from} may import.`;
/** An import of a folder's internals, past its public entry. */
export const notEntry = (from: string, to: string, entry: string) =>
  `${RULE}: ${from} may not import ${to}: outside ${entry.replace(/[^/]+$/, '')} only its public entry ${entry} may be imported.`;
