/**
 * The import layering of docs/ARCHITECTURE.md ("What may import what") as `npm run lint` checks
 * it, through the repository's own eslint.config.js on virtual files: the rule's mechanics
 * (arrows, public entries, every kind of import, .vue files, nested paths, tests, config
 * files). Every row of the table is checked in `eslint-layers-table.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { layering, notEntry, refused, RULE, unlisted } from './eslint-layers-probe.js';

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
});
