// `npm start` / `npm run dist` first step: make sure Electron's binary is present. npm 11
// does not run dependencies' install scripts unless allowed, so the binary is fetched here,
// on first start, by Electron's own installer. Where it cannot be downloaded (no internet),
// say so in one line and point to the web host instead.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let pkgDir;
try {
  pkgDir = dirname(require.resolve('electron/package.json'));
} catch {
  console.error('layerwise: the "electron" package is not installed. Run "npm ci" first.');
  process.exit(1);
}
const pathFile = join(pkgDir, 'path.txt');
const installed = existsSync(pathFile) && existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')));
if (!installed) {
  console.error('layerwise: downloading the Electron runtime (first start only)…');
  const result = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      'layerwise: the Electron runtime could not be downloaded (no internet?). ' +
        'Run "npm run web" to use Layerwise Studio in a browser on this machine instead.',
    );
    process.exit(1);
  }
}
