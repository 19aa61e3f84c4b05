/**
 * electron-builder.yml, read and checked by electron-builder's own loader and schema (packaging
 * itself downloads Electron, so it cannot run in the tests): the configuration is valid, the
 * fuses are flipped as the shell's security relies on, and .lwm files are associated with the app.
 * And what the package ships: tsx and its esbuild binary run the CLI and the web host from a
 * source checkout, never the packaged app, so they are development dependencies.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

// electron-builder's configuration loader and validator live in its app-builder-lib.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const builderConfig = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const load = () => builderConfig.getConfig(process.cwd(), 'electron-builder.yml', null);

describe('electron-builder.yml', () => {
  it('is valid for electron-builder, and a misspelt fuse would not be', async () => {
    const config = await load();
    await expect(builderConfig.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration;
    await expect(builderConfig.validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow();
  });

  it('flips the fuses: no Node mode, options or inspector; code from the checked asar only; no file:// privileges', async () => {
    expect((await load()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('associates model files with the app', async () => {
    expect((await load()).fileAssociations).toEqual([expect.objectContaining({ ext: 'lwm' })]);
  });
});

describe('the packaged dependencies', () => {
  const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;

  it('leave out tsx and esbuild, in package.json and its lock file alike', () => {
    const pkg = json('package.json');
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(pkg.devDependencies).toHaveProperty('tsx');
    const lock = json('package-lock.json').packages as Record<string, { dev?: boolean; dependencies?: object }>;
    expect(lock[''].dependencies).not.toHaveProperty('tsx');
    for (const name of ['tsx', 'esbuild', '@esbuild/linux-x64', '@esbuild/win32-x64', '@esbuild/darwin-arm64'])
      expect(lock[`node_modules/${name}`]?.dev, name).toBe(true);
  });
});
