/**
 * Where the app keeps what it writes for the user on its own (autosaved projects) when no
 * desktop shell tells it: `LAYERWISE_DATA_DIR` if set; otherwise the platform's per-user data
 * folder — `$XDG_DATA_HOME/layerwise` or `~/.local/share/layerwise` on Linux,
 * `%APPDATA%\Layerwise Studio` on Windows, `~/Library/Application Support/Layerwise Studio` on
 * macOS. A pure function of its inputs, so every platform's answer is tested anywhere.
 */
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (env.LAYERWISE_DATA_DIR) return env.LAYERWISE_DATA_DIR;
  if (platform === 'win32')
    return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Layerwise Studio');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Layerwise Studio');
  const xdg = env.XDG_DATA_HOME && posix.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : null;
  return posix.join(xdg ?? posix.join(home, '.local', 'share'), 'layerwise');
}

/** The folder of autosaved projects under a data folder. */
export const autosaveDirIn = (dataDir: string, platform: NodeJS.Platform = process.platform): string =>
  (platform === 'win32' ? win32 : posix).join(dataDir, 'autosave');
