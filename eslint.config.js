// Lint: typescript-eslint for all TypeScript, eslint-plugin-vue for the renderer's components,
// and the local rule `layers/imports` (electron/tools/eslint-layers.js) for the import layering
// of docs/ARCHITECTURE.md ("What may import what"): one block per row of that table below.
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import prettier from 'eslint-config-prettier/flat';
import layers from './electron/tools/eslint-layers.js';

// Outside its folder, only the public entry of each of these folders may be imported.
const PUBLIC_ENTRIES = [
  'electron/engine/index.ts',
  'electron/data/index.ts',
  'electron/synthesizer/index.ts',
  'electron/lab/index.ts',
  'electron/evidence/index.ts',
];
// Test files (`*.test.*`, `*.spec.*`, `test/` folders) follow their folder's row, plus these:
// the test tools, and papaparse and iconv-lite to check what the app reads and writes.
const TEST_PACKAGES = ['vitest', '@vue/test-utils', 'jsdom', 'papaparse', 'iconv-lite'];

/**
 * One row of "What may import what": the folders it covers (their source files, build configs
 * such as `renderer/vite.config.ts` excepted), what they may import and what they never import.
 * Paths end with `/` (a folder) or name one file; `node` is every Node built-in, `tfjs` every
 * `@tensorflow/tfjs*` package; anything else is a package name. Whatever is not in `may` fails.
 * @param {string[]} folders
 * @param {{ may: string[], never: string[] }} row
 */
function layer(folders, { may, never }) {
  return {
    name: `layers/${folders.join(' ')}`,
    files: folders.map((folder) => `${folder}**/*.{ts,mts,cts,js,mjs,cjs,vue}`),
    ignores: ['**/*.config.{ts,mts,js,mjs,cjs}'],
    plugins: { layers },
    rules: { 'layers/imports': ['error', { may, never, entries: PUBLIC_ENTRIES, tests: TEST_PACKAGES }] },
  };
}

// `electron('data', 'engine')` is `['electron/data/', 'electron/engine/']`.
const electron = (/** @type {string[]} */ ...folders) => folders.map((folder) => `electron/${folder}/`);
const DATA = 'electron/data/index.ts';
const ENGINE = 'electron/engine/index.ts';
const EVIDENCE = 'electron/evidence/index.ts';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      'e2e/.output/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  // What may import what (docs/ARCHITECTURE.md). Root config files (`*.config.ts`,
  // eslint.config.js), bin/ and electron/tools/ are build tooling and are not layered.
  layer(['shared/'], {
    may: ['shared/', 'zod'],
    never: ['node', 'vue', 'pinia', 'vue-i18n', 'chart.js', 'electron', 'tfjs', 'electron/', 'renderer/'],
  }),
  layer(['renderer/'], {
    may: ['renderer/', 'shared/', 'vue', 'pinia', 'vue-i18n', 'chart.js'],
    never: ['electron/', 'node', 'electron', 'tfjs'],
  }),
  layer(['electron/base/'], {
    may: ['electron/base/', 'shared/', 'node'],
    never: [
      ...electron(
        'engine',
        'data',
        'synthesizer',
        'lab',
        'evidence',
        'service',
        'platform',
        'web',
        'cli',
        'main',
        'preload',
      ),
      'tfjs',
      'electron',
      'papaparse',
    ],
  }),
  layer(['electron/data/'], {
    may: ['electron/data/', 'electron/base/', 'shared/', 'node', 'zod', 'papaparse', 'iconv-lite', 'jschardet'],
    never: [
      'tfjs',
      ...electron('engine', 'synthesizer', 'lab', 'evidence', 'service', 'platform', 'web', 'cli', 'main', 'preload'),
    ],
  }),
  layer(['electron/engine/'], {
    may: ['electron/engine/', 'electron/base/', 'shared/', 'tfjs', 'zod', 'node'],
    never: [
      ...electron('data', 'synthesizer', 'lab', 'evidence', 'service', 'platform', 'web', 'cli', 'main', 'preload'),
      'electron',
    ],
  }),
  layer(['electron/synthesizer/'], {
    may: ['electron/synthesizer/', 'electron/base/', 'shared/', DATA, ENGINE, 'zod', 'node'],
    never: [...electron('lab', 'evidence', 'service', 'platform', 'web', 'cli', 'main', 'preload'), 'electron'],
  }),
  layer(['electron/lab/'], {
    may: ['electron/lab/', 'electron/base/', 'shared/', DATA, ENGINE, 'node'],
    never: [...electron('synthesizer', 'evidence', 'service', 'platform', 'web', 'cli', 'main', 'preload'), 'electron'],
  }),
  layer(['electron/evidence/'], {
    // Quality and privacy of generated rows against real ones: plain arithmetic over decoded rows.
    may: ['electron/evidence/', 'electron/base/', 'shared/', DATA, 'node'],
    never: [
      ...electron('engine', 'synthesizer', 'lab', 'service', 'platform', 'web', 'cli', 'main', 'preload'),
      'tfjs',
      'electron',
    ],
  }),
  layer(['electron/platform/'], {
    may: ['electron/platform/', 'electron/base/', 'shared/', 'node'],
    never: [
      ...electron('engine', 'data', 'synthesizer', 'lab', 'evidence', 'service', 'web', 'cli', 'main', 'preload'),
      'electron',
    ],
  }),
  layer(['electron/service/'], {
    // synthesizer: through its public entry electron/synthesizer/index.ts (PUBLIC_ENTRIES).
    // tsx: only the engine thread's boot script, which loads the TypeScript worker when run from source.
    may: [
      'electron/service/',
      ...electron('base', 'platform', 'synthesizer'),
      'shared/',
      DATA,
      ENGINE,
      EVIDENCE,
      'zod',
      'tsx',
      'node',
    ],
    never: [...electron('lab', 'web', 'cli', 'main', 'preload'), 'electron'],
  }),
  layer(['electron/web/'], {
    may: ['electron/web/', ...electron('service', 'platform', 'base'), 'shared/', 'node', 'ws'],
    never: [...electron('engine', 'data', 'synthesizer', 'lab', 'evidence', 'cli', 'main', 'preload'), 'electron'],
  }),
  layer(['electron/cli/'], {
    may: [
      'electron/cli/',
      ...electron('service', 'synthesizer', 'lab', 'platform', 'base'),
      'shared/',
      DATA,
      ENGINE,
      EVIDENCE,
      'node',
    ],
    never: [...electron('web', 'main', 'preload'), 'electron'],
  }),
  layer(['electron/main/'], {
    may: ['electron/main/', ...electron('service', 'platform', 'base'), 'shared/', 'node', 'electron'],
    never: [...electron('engine', 'data', 'synthesizer', 'lab', 'evidence', 'web', 'cli', 'preload'), 'renderer/'],
  }),
  layer(['electron/preload/'], {
    // Only dependency-free modules of shared/; everything else is refused by the allow-list.
    may: ['electron/preload/', 'shared/channels.ts', 'shared/bridge.ts', 'electron'],
    never: [
      ...electron(
        'base',
        'engine',
        'data',
        'synthesizer',
        'lab',
        'evidence',
        'service',
        'platform',
        'web',
        'cli',
        'main',
      ),
      'renderer/',
      'node',
      'tfjs',
    ],
  }),
  layer(['bench/', 'resources/'], {
    // tfjs: the engine benchmark feeds the layer methods tensors of its own.
    // @playwright/test: resources/generate-icon.ts draws the app's icon with Debian's Chromium.
    may: [
      '@playwright/test',
      'bench/',
      'resources/',
      'electron/base/',
      'shared/',
      DATA,
      ENGINE,
      EVIDENCE,
      ...electron('synthesizer', 'lab'),
      'tfjs',
      'node',
    ],
    never: [...electron('service', 'web', 'main', 'preload'), 'electron', 'renderer/'],
  }),
  layer(['e2e/'], {
    // It drives the built app from outside: never its source modules.
    // papaparse, iconv-lite and ws: to read what the app exported and to talk to the web host as a client would;
    // @axe-core/playwright: the accessibility rules checked on every step.
    may: ['e2e/', 'shared/', 'node', '@playwright/test', '@axe-core/playwright', 'papaparse', 'iconv-lite', 'ws'],
    never: ['electron/', 'renderer/'],
  }),
  // Formatting is Prettier's (`npm run lint` checks it first): rules that would fight it are off.
  prettier,
);
