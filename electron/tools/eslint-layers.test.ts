/**
 * The import layering of docs/ARCHITECTURE.md ("What may import what") as `npm run lint` checks
 * it: the repository's own eslint.config.js, through ESLint's Node API, on virtual files placed
 * in each folder. Every allowed arrow is paired with a refused one from the same folder, so a
 * block that stopped applying would fail the test rather than pass it silently.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const RULE = 'Layering (docs/ARCHITECTURE.md, "What may import what")';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot });
});

/** The layering messages for `code` linted as the (virtual) file `filePath`, repository-relative. */
async function layering(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  // A parse error or an ignored file would make every "passes" below vacuous.
  const other = result.messages.filter((m) => m.fatal || m.ruleId === null);
  expect(other.map((m) => m.message)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

/** An arrow the folder's row says it never draws. */
const refused = (from: string, to: string) => `${RULE}: ${from} may not import ${to}.`;
/** An arrow the folder's row does not list among what it may import. */
const unlisted = (from: string, to: string) =>
  `${RULE}: ${from} may not import ${to}: it is not in what ${from} may import.`;
/** An import of a folder's internals, past its public entry. */
const notEntry = (from: string, to: string, entry: string) =>
  `${RULE}: ${from} may not import ${to}: outside ${entry.replace(/[^/]+$/, '')} only its public entry ${entry} may be imported.`;

describe('layers/imports', () => {
  it('refuses electron/engine → electron/data, naming the rule and the arrow', async () => {
    expect(await layering('electron/engine/probe.ts', `import { x } from '../data/index.js';\n`)).toEqual([
      `${RULE}: electron/engine may not import electron/data (electron/data/index.ts).`,
    ]);
  });

  it('lets electron/engine import tfjs (static and dynamic)', async () => {
    const code = `import * as tf from '@tensorflow/tfjs';\nawait import('@tensorflow/tfjs-backend-wasm');\n`;
    expect(await layering('electron/engine/probe.ts', code)).toEqual([]);
  });

  it('refuses Node built-ins in shared/, with or without node:, and lets it import zod', async () => {
    expect(
      await layering('shared/probe.ts', `import { readFileSync } from 'node:fs';\nimport path from 'path';\n`),
    ).toEqual([refused('shared', 'node (node:fs)'), refused('shared', 'node (path)')]);
    expect(
      await layering('shared/domain/probe.ts', `import { z } from 'zod';\nimport { a } from '../contract.js';\n`),
    ).toEqual([]);
  });

  it('refuses renderer → electron/', async () => {
    const code = `import { LayerwiseService } from '../../../electron/service/service.js';\nimport { useI18n } from 'vue-i18n';\n`;
    expect(await layering('renderer/src/stores/probe.ts', code)).toEqual([
      refused('renderer', 'electron/service (electron/service/service.ts)'),
    ]);
  });

  it('lets other folders import only the public entry of electron/engine', async () => {
    expect(
      await layering('electron/service/probe.ts', `import { train } from '../engine/training/layerwise.js';\n`),
    ).toEqual([
      notEntry(
        'electron/service',
        'electron/engine (electron/engine/training/layerwise.ts)',
        'electron/engine/index.ts',
      ),
    ]);
    expect(await layering('electron/service/probe.ts', `import { train } from '../engine/index.js';\n`)).toEqual([]);
    // A folder specifier means its index.ts.
    expect(await layering('electron/service/probe.ts', `import { train } from '../engine';\n`)).toEqual([]);
  });

  it('applies the public entries of electron/data and electron/synthesizer too, not inside the folder', async () => {
    expect(
      await layering(
        'electron/cli/probe.ts',
        `import { a } from '../data/reader.js';\nimport { b } from '../synthesizer/prepare.js';\n`,
      ),
    ).toEqual([
      notEntry('electron/cli', 'electron/data (electron/data/reader.ts)', 'electron/data/index.ts'),
      notEntry(
        'electron/cli',
        'electron/synthesizer (electron/synthesizer/prepare.ts)',
        'electron/synthesizer/index.ts',
      ),
    ]);
    expect(await layering('electron/data/probe.ts', `import { a } from './reader.js';\n`)).toEqual([]);
    expect(await layering('electron/engine/eval/probe.ts', `import { a } from '../training/layerwise.js';\n`)).toEqual(
      [],
    );
  });

  it('refuses tfjs in electron/data', async () => {
    expect(
      await layering(
        'electron/data/probe.ts',
        `import * as tf from '@tensorflow/tfjs';\nimport Papa from 'papaparse';\n`,
      ),
    ).toEqual([refused('electron/data', 'tfjs (@tensorflow/tfjs)')]);
  });

  it('checks import type, export … from, import(), require() and the type import() alike', async () => {
    const code = [
      `import type { Dataset } from '../data/index.js';`,
      `export { x } from '../data/index.js';`,
      `export * from '../data/index.js';`,
      `export type { Y } from '../data/index.js';`,
      `const m = await import('../data/index.js');`,
      'const n = await import(`../data/index.js`);',
      `type T = typeof import('../data/index.js');`,
      `import data = require('../data/index.js');`,
      `const required = require('../data/index.js');`,
      `const dynamic = await import(m.name);`,
      '',
    ].join('\n');
    const expected = refused('electron/engine', 'electron/data (electron/data/index.ts)');
    expect(await layering('electron/engine/probe.ts', code)).toEqual(Array(9).fill(expected));
  });

  it('checks the script of a .vue component in renderer/', async () => {
    const sfc = (imports: string) =>
      `<script setup lang="ts">\n${imports}\n</script>\n\n<template><div /></template>\n`;
    expect(
      await layering('renderer/src/views/Probe.vue', sfc(`import { a } from '../../../electron/engine/index.js';`)),
    ).toEqual([refused('renderer', 'electron/engine (electron/engine/index.ts)')]);
    expect(
      await layering(
        'renderer/src/views/Probe.vue',
        sfc(`import { a } from '../../../shared/contract.js';\nimport { ref } from 'vue';`),
      ),
    ).toEqual([]);
  });

  it('resolves .. from nested folders against the linted file', async () => {
    const code = [
      `import { a } from '../../../data/index.js';`, // electron/data/index.ts: refused
      `import { b } from '../../tensor/ops.js';`, // electron/engine/tensor/ops.ts: inside the engine
      `import { c } from '../../../../shared/contract.js';`, // shared/contract.ts: allowed
      `import { d } from '../../../base/random.js';`, // electron/base/random.ts: allowed
      '',
    ].join('\n');
    expect(await layering('electron/engine/training/deep/probe.ts', code)).toEqual([
      refused('electron/engine', 'electron/data (electron/data/index.ts)'),
    ]);
    // One `..` short of shared/: electron/shared/contract.ts, which nothing allows.
    expect(await layering('electron/engine/probe.ts', `import { c } from '../shared/contract.js';\n`)).toEqual([
      unlisted('electron/engine', 'electron/shared (electron/shared/contract.ts)'),
    ]);
    expect(
      await layering('renderer/src/a/b/c/probe.ts', `import { c } from '../../../../../shared/contract.js';\n`),
    ).toEqual([]);
    // One `..` too many: out of the repository.
    expect(
      await layering('renderer/src/a/b/c/probe.ts', `import { c } from '../../../../../../shared/contract.js';\n`),
    ).toEqual([unlisted('renderer', '../shared/contract.ts')]);
  });

  it('lets test files import vitest, @vue/test-utils and jsdom, and nothing else beyond their folder', async () => {
    expect(await layering('electron/engine/probe.test.ts', `import { it } from 'vitest';\n`)).toEqual([]);
    expect(await layering('electron/engine/probe.ts', `import { it } from 'vitest';\n`)).toEqual([
      unlisted('electron/engine', 'vitest'),
    ]);
    expect(
      await layering(
        'renderer/src/views/Probe.test.ts',
        `import { mount } from '@vue/test-utils';\nimport { JSDOM } from 'jsdom';\n`,
      ),
    ).toEqual([]);
    expect(await layering('renderer/src/test/probe.ts', `import { mount } from '@vue/test-utils';\n`)).toEqual([]);
    expect(await layering('electron/engine/probe.test.ts', `import { a } from '../data/index.js';\n`)).toEqual([
      refused('electron/engine', 'electron/data (electron/data/index.ts)'),
    ]);
  });

  it('does not layer root config files or build configs', async () => {
    const code = `import { defineConfig } from 'vitest/config';\nimport { a } from './electron/engine/training/layerwise.js';\n`;
    expect(await layering('vitest.config.ts', code)).toEqual([]);
    expect(
      await layering(
        'renderer/vite.config.ts',
        `import vue from '@vitejs/plugin-vue';\nimport { fileURLToPath } from 'node:url';\n`,
      ),
    ).toEqual([]);
  });

  // Allowed and refused arrows for each row of the table. Each refused import: its specifier,
  // the arrow's head in the message, and why when it is not the "never imports" column:
  // 'unlisted' (not in "may import"), or the public entry it bypassed.
  type Refused = [spec: string, to: string, why?: string];
  const rows: [file: string, allowed: string[], refusedSpecs: Refused[]][] = [
    [
      'shared/probe.ts',
      ['./contract.js', 'zod'],
      [
        ['vue', 'vue'],
        ['../electron/base/random.js', 'electron/base (electron/base/random.ts)'],
        ['../renderer/src/format.js', 'renderer (renderer/src/format.ts)'],
      ],
    ],
    [
      'renderer/src/probe.ts',
      ['../../shared/contract.js', 'vue', 'pinia', 'vue-i18n', 'chart.js', './format.js'],
      [
        ['node:path', 'node (node:path)'],
        ['electron', 'electron'],
        ['@tensorflow/tfjs', 'tfjs (@tensorflow/tfjs)'],
      ],
    ],
    [
      'electron/base/probe.ts',
      ['./random.js', '../../shared/contract.js', 'node:fs'],
      [
        ['../engine/index.js', 'electron/engine (electron/engine/index.ts)'],
        ['papaparse', 'papaparse'],
        ['electron', 'electron'],
      ],
    ],
    [
      'electron/data/probe.ts',
      [
        './reader.js',
        '../base/random.js',
        '../../shared/contract.js',
        'node:fs',
        'papaparse',
        'iconv-lite',
        'jschardet',
      ],
      [
        ['../engine/index.js', 'electron/engine (electron/engine/index.ts)'],
        ['../synthesizer/index.js', 'electron/synthesizer (electron/synthesizer/index.ts)'],
        ['../main/index.js', 'electron/main (electron/main/index.ts)'],
      ],
    ],
    [
      'electron/engine/probe.ts',
      ['./tensor/ops.js', '../base/random.js', '../../shared/contract.js', '@tensorflow/tfjs-node', 'fs'],
      [
        ['../service/service.js', 'electron/service (electron/service/service.ts)'],
        ['electron', 'electron'],
        ['papaparse', 'papaparse', 'unlisted'],
      ],
    ],
    [
      'electron/synthesizer/probe.ts',
      ['./prepare.js', '../base/random.js', '../data/index.js', '../engine/index.js', 'node:os'],
      [
        ['../lab/index.js', 'electron/lab (electron/lab/index.ts)'],
        ['../service/service.js', 'electron/service (electron/service/service.ts)'],
        ['electron', 'electron'],
      ],
    ],
    [
      'electron/lab/probe.ts',
      ['./stats.js', '../base/random.js', '../data/index.js', '../engine/index.js', 'node:os'],
      [
        ['../synthesizer/index.js', 'electron/synthesizer (electron/synthesizer/index.ts)'],
        ['../cli/main.js', 'electron/cli (electron/cli/main.ts)'],
        ['@tensorflow/tfjs', 'tfjs (@tensorflow/tfjs)', 'unlisted'],
      ],
    ],
    [
      'electron/platform/probe.ts',
      ['./paths.js', '../base/atomic-write.js', '../../shared/contract.js', 'node:path'],
      [
        ['../engine/index.js', 'electron/engine (electron/engine/index.ts)'],
        ['../data/index.js', 'electron/data (electron/data/index.ts)'],
        ['electron', 'electron'],
      ],
    ],
    [
      'electron/service/probe.ts',
      [
        './dispatch.js',
        '../platform/paths.js',
        '../synthesizer/index.js',
        '../data/index.js',
        '../engine/index.js',
        'node:worker_threads',
      ],
      [
        ['../lab/index.js', 'electron/lab (electron/lab/index.ts)'],
        ['../web/server.js', 'electron/web (electron/web/server.ts)'],
        ['electron', 'electron'],
      ],
    ],
    [
      'electron/web/probe.ts',
      ['./server.js', '../service/service.js', '../platform/paths.js', '../base/random.js', 'ws', 'node:http'],
      [
        ['../engine/index.js', 'electron/engine (electron/engine/index.ts)'],
        ['../data/index.js', 'electron/data (electron/data/index.ts)'],
        ['../cli/main.js', 'electron/cli (electron/cli/main.ts)'],
      ],
    ],
    [
      'electron/cli/probe.ts',
      [
        './main.js',
        '../service/service.js',
        '../synthesizer/index.js',
        '../lab/index.js',
        '../data/index.js',
        '../engine/index.js',
        'node:process',
      ],
      [
        ['../web/server.js', 'electron/web (electron/web/server.ts)'],
        ['../main/index.js', 'electron/main (electron/main/index.ts)'],
        ['electron', 'electron'],
      ],
    ],
    [
      'electron/main/probe.ts',
      [
        './security.js',
        '../service/dispatch.js',
        '../platform/paths.js',
        '../base/atomic-write.js',
        'electron',
        'node:path',
      ],
      [
        ['../engine/index.js', 'electron/engine (electron/engine/index.ts)'],
        ['../preload/index.js', 'electron/preload (electron/preload/index.ts)'],
        ['../../renderer/src/main.js', 'renderer (renderer/src/main.ts)'],
      ],
    ],
    [
      'electron/preload/probe.ts',
      ['../../shared/channels.js', '../../shared/bridge.js', 'electron'],
      [
        ['../../shared/contract.js', 'shared (shared/contract.ts)', 'unlisted'],
        ['node:fs', 'node (node:fs)'],
        ['../base/random.js', 'electron/base (electron/base/random.ts)'],
      ],
    ],
    [
      'bench/probe.ts',
      [
        '../electron/base/random.js',
        '../electron/data/index.js',
        '../electron/engine/index.js',
        '../electron/lab/index.js',
        'node:fs',
      ],
      [
        ['../electron/service/service.js', 'electron/service (electron/service/service.ts)'],
        ['electron', 'electron'],
        ['../renderer/src/format.js', 'renderer (renderer/src/format.ts)'],
      ],
    ],
    [
      'resources/probe.ts',
      ['../electron/base/random.js', '../shared/contract.js', 'node:url'],
      [
        ['../electron/web/server.js', 'electron/web (electron/web/server.ts)'],
        [
          '../electron/engine/training/layerwise.js',
          'electron/engine (electron/engine/training/layerwise.ts)',
          'electron/engine/index.ts',
        ],
      ],
    ],
    [
      'e2e/probe.spec.ts',
      ['./fixtures.js', '../shared/i18n/ui/en.js', '@playwright/test', 'node:child_process'],
      [
        ['../electron/web/server.js', 'electron/web (electron/web/server.ts)'],
        ['../renderer/src/format.js', 'renderer (renderer/src/format.ts)'],
      ],
    ],
  ];

  it.each(rows)('follows the table for %s', async (file, allowed, refusedSpecs) => {
    const from = file.startsWith('electron/') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0];
    const imports = (specs: string[]) => specs.map((spec, i) => `import * as m${i} from '${spec}';`).join('\n') + '\n';
    expect(await layering(file, imports(allowed))).toEqual([]);
    const messages = await layering(file, imports(refusedSpecs.map(([spec]) => spec)));
    expect(messages).toEqual(
      refusedSpecs.map(([, to, why]) =>
        why === undefined ? refused(from, to) : why === 'unlisted' ? unlisted(from, to) : notEntry(from, to, why),
      ),
    );
  });
});
