// The local ESLint rule `layers/imports`: the import arrows of docs/ARCHITECTURE.md ("What may
// import what"), checked on every lint, so a wrong arrow fails `npm run lint` the way VS Code's
// `code-layering` rule fails its build.
//
// eslint.config.js loads this file directly (plain ESM JavaScript, types in JSDoc) and gives the
// rule, per folder, one config block with that folder's options:
//
//   may     what the folder may import; anything else is an error (an allow-list), whose message
//           says it is not in the list (a missing entry of the table, or a wrong arrow)
//   never   what it never imports (the "never imports" column of the table): checked first, its
//           message is the plain refusal of a wrong arrow
//   entries public entries: a file `electron/engine/index.ts` means that outside `electron/engine/`
//           only that file of the folder may be imported
//   tests   packages that test files (`*.test.*`, `*.spec.*`, anything under a `test/` folder)
//           may import on top of `may` (vitest, @vue/test-utils, jsdom)
//
// An entry of `may`/`never` is a path when it ends with `/` (a folder and everything under it)
// or holds a `/` without starting with `@` (one file, e.g. `electron/data/index.ts`); otherwise
// it is a package: a package name (`zod`, `chart.js`, `@playwright/test`) or one of the groups
// `node` (`node:fs`, and bare built-ins such as `fs`) and `tfjs` (`@tensorflow/tfjs*`).
//
// What is checked: `import` (with `import type`), `export … from`, `import()` and `require()`
// with a string literal (or a template literal without expressions), `import x = require()`,
// and the type `import('…')`. A relative specifier is resolved against the linted file, relative
// to the repository root (two folders above this file); `.js` in a specifier means the `.ts`
// (or `.vue`) source, a folder means its `index.ts`. A bare specifier is known by its package.
//
// The message names the rule and the arrow, from folder to folder (`electron/<folder>` inside
// electron/, the top folder elsewhere) or package, with the resolved file or the specifier in
// parentheses: `electron/engine may not import electron/data (electron/data/index.ts).`
import { existsSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file is `electron/tools/eslint-layers.js`. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const RULE = 'Layering (docs/ARCHITECTURE.md, "What may import what")';

/**
 * What an import points at.
 * @typedef {{ kind: 'path', rel: string, label: string } | { kind: 'package', name: string, label: string }} Target
 */

/**
 * The rule's options (one object).
 * @typedef {{ may: string[], never?: string[], entries?: string[], tests?: string[] }} LayerOptions
 */

/** @type {Map<string, 'file' | 'dir' | null>} */
const statCache = new Map();

/**
 * Whether a repository-relative path is a file, a folder or nothing (cached for the run).
 * @param {string} rel
 * @returns {'file' | 'dir' | null}
 */
function kindOf(rel) {
  let kind = statCache.get(rel);
  if (kind === undefined) {
    const abs = path.join(repoRoot, rel);
    kind = existsSync(abs) ? (statSync(abs).isDirectory() ? 'dir' : 'file') : null;
    statCache.set(rel, kind);
  }
  return kind;
}

/**
 * The source file a repository-relative import path means: `x.js` is `x.ts` (or `x.vue`),
 * `x.mjs` may be `x.mts`, a folder is its `index.ts`, an extensionless name is `name.ts`.
 * Files that do not exist (virtual files in tests) get the TypeScript reading.
 * @param {string} rel
 * @returns {string}
 */
export function sourceOf(rel) {
  const ext = path.posix.extname(rel);
  const stem = rel.slice(0, rel.length - ext.length);
  /** @param {string[]} candidates @param {string} fallback */
  const first = (candidates, fallback) => candidates.find((c) => kindOf(c) === 'file') ?? fallback;
  switch (ext) {
    case '.js':
      return first([`${stem}.ts`, `${stem}.vue`, rel], `${stem}.ts`);
    case '.mjs':
      return first([`${stem}.mts`, rel], rel);
    case '.cjs':
      return first([`${stem}.cts`, rel], rel);
    case '':
      if (kindOf(rel) === 'dir') return first([`${rel}/index.ts`, `${rel}/index.js`], `${rel}/index.ts`);
      return first([`${rel}.ts`, `${rel}.vue`, `${rel}.js`], `${rel}.ts`);
    default:
      return rel;
  }
}

/**
 * The folder a repository-relative path belongs to, as the architecture names it:
 * `electron/<folder>` inside electron/, the top folder elsewhere, the path itself at the root.
 * @param {string} rel
 * @returns {string}
 */
export function folderOf(rel) {
  const parts = rel.split('/');
  if (parts[0] === '..' || parts.length === 1) return rel;
  if (parts[0] === 'electron' && parts.length > 2) return `electron/${parts[1]}`;
  return parts[0];
}

/**
 * The package (or package group) a bare specifier names.
 * @param {string} spec
 * @returns {string}
 */
export function packageOf(spec) {
  if (spec.startsWith('node:') || isBuiltin(spec)) return 'node';
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (/^@tensorflow\/tfjs(-|$)/.test(name)) return 'tfjs';
  return name;
}

/**
 * What a specifier written in the file at `fileRel` points at.
 * @param {string} spec
 * @param {string} fileRel repository-relative path of the importing file
 * @returns {Target}
 */
export function resolveTarget(spec, fileRel) {
  const clean = spec.replace(/[?#].*$/, '');
  if (clean.startsWith('.') || clean.startsWith('/')) {
    const joined = clean.startsWith('/')
      ? path.relative(repoRoot, clean).split(path.sep).join('/')
      : path.posix.join(path.posix.dirname(fileRel), clean);
    const rel = sourceOf(path.posix.normalize(joined));
    return { kind: 'path', rel, label: folderOf(rel) };
  }
  const name = packageOf(clean);
  return { kind: 'package', name, label: name };
}

/**
 * Whether an entry of `may`/`never` is a path (folder or file) rather than a package.
 * @param {string} entry
 */
const isPathEntry = (entry) => entry.endsWith('/') || (entry.includes('/') && !entry.startsWith('@'));

/**
 * Whether a target matches one entry of `may`/`never`.
 * @param {Target} target
 * @param {string} entry
 */
function matches(target, entry) {
  if (isPathEntry(entry)) {
    if (target.kind !== 'path') return false;
    return entry.endsWith('/') ? target.rel.startsWith(entry) : target.rel === entry;
  }
  return target.kind === 'package' && target.name === entry;
}

/** Test files: `*.test.*`, `*.spec.*`, or anything under a `test/` folder. */
const TEST_FILE = /(^|\/)test\/|\.(test|spec)\.[^/]+$/;

/** @type {import('eslint').Rule.RuleModule} */
export const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import layering of docs/ARCHITECTURE.md ("What may import what")' },
    schema: [
      {
        type: 'object',
        properties: {
          may: { type: 'array', items: { type: 'string' } },
          never: { type: 'array', items: { type: 'string' } },
          entries: { type: 'array', items: { type: 'string', pattern: '/' } },
          tests: { type: 'array', items: { type: 'string' } },
        },
        required: ['may'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: `${RULE}: {{from}} may not import {{to}}.`,
      unlisted: `${RULE}: {{from}} may not import {{to}}: it is not in what {{from}} may import.`,
      publicEntry: `${RULE}: {{from}} may not import {{to}}: outside {{folder}} only its public entry {{entry}} may be imported.`,
    },
  },
  create(context) {
    const fileRel = path.relative(repoRoot, context.physicalFilename).split(path.sep).join('/');
    if (fileRel.startsWith('..')) return {};
    const options = /** @type {LayerOptions} */ (context.options[0]);
    const may = TEST_FILE.test(fileRel) ? [...options.may, ...(options.tests ?? [])] : options.may;
    const never = options.never ?? [];
    const entries = (options.entries ?? []).map((file) => ({ file, folder: `${path.posix.dirname(file)}/` }));
    const from = folderOf(fileRel);

    /**
     * Checks one specifier node (a string literal or an expression-free template literal).
     * @param {import('estree').Node | null | undefined} node
     */
    function check(node) {
      /** @type {string | undefined} */
      let spec;
      if (node?.type === 'Literal' && typeof node.value === 'string') spec = node.value;
      else if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) spec = node.quasis[0].value.cooked;
      if (!node || spec === undefined || spec === '') return;
      const target = resolveTarget(spec, fileRel);
      // The arrow's head: the folder or package, and the file or specifier when they say more.
      const what = target.kind === 'path' ? target.rel : spec;
      const data = { from, to: what === target.label ? what : `${target.label} (${what})` };
      if (never.some((entry) => matches(target, entry))) {
        context.report({ node, messageId: 'forbidden', data });
        return;
      }
      if (target.kind === 'path') {
        const entry = entries.find((e) => target.rel.startsWith(e.folder) && !fileRel.startsWith(e.folder));
        if (entry && target.rel !== entry.file) {
          context.report({
            node,
            messageId: 'publicEntry',
            data: { ...data, folder: entry.folder, entry: entry.file },
          });
          return;
        }
      }
      if (!may.some((entry) => matches(target, entry))) context.report({ node, messageId: 'unlisted', data });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          check(/** @type {import('estree').Node} */ (node.arguments[0]));
        }
      },
      // typescript-eslint's nodes: `import x = require('…')` and the type `import('…')`.
      /** @param {any} node */
      TSExternalModuleReference: (node) => check(node.expression),
      /** @param {any} node */
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
    };
  },
};

/** The local plugin: `plugins: { layers }` in eslint.config.js, rule `layers/imports`. */
export default {
  meta: { name: 'layers' },
  rules: { imports: importsRule },
};
