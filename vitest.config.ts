/**
 * Vitest: data, service and CLI units run in Node; renderer component tests in jsdom. The
 * engine's tests (electron/engine) run twice, once per tfjs backend (`LAYERWISE_BACKEND`), so a
 * backend-specific rewrite cannot silently change results on the other backend:
 * `npx vitest run --project engine-wasm` / `--project engine-cpu`.
 */
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

const engineTests = 'electron/engine/**/*.test.ts';

/** The engine's tests on one backend; vitest.setup.ts initialises it before each file. */
const engineOn = (backend: 'wasm' | 'cpu'): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name: `engine-${backend}`,
    include: [engineTests],
    environment: 'node',
    env: { LAYERWISE_BACKEND: backend },
    setupFiles: ['electron/engine/vitest.setup.ts'],
  },
});

export default defineConfig({
  plugins: [vue()],
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [...configDefaults.exclude, engineTests],
          environment: 'node',
        },
      },
      engineOn('wasm'),
      engineOn('cpu'),
      {
        extends: true,
        test: { name: 'renderer', include: ['renderer/src/**/*.test.ts'], environment: 'jsdom' },
      },
    ],
  },
});
