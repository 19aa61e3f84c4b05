/** The per-user data folder of every platform, and the override the tests and the e2e suite use. */
import { describe, expect, it } from 'vitest';
import { autosaveDirIn, userDataDir } from './data-dir.js';

describe('userDataDir', () => {
  it('follows XDG on Linux, with ~/.local/share when unset or relative', () => {
    expect(userDataDir('linux', { XDG_DATA_HOME: '/data/me' }, '/home/me')).toBe('/data/me/layerwise');
    expect(userDataDir('linux', {}, '/home/me')).toBe('/home/me/.local/share/layerwise');
    expect(userDataDir('linux', { XDG_DATA_HOME: 'relative' }, '/home/me')).toBe('/home/me/.local/share/layerwise');
  });

  it('uses %APPDATA% on Windows and Application Support on macOS', () => {
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, 'C:\\Users\\me')).toBe(
      'C:\\Users\\me\\AppData\\Roaming\\Layerwise Studio',
    );
    expect(userDataDir('win32', {}, 'C:\\Users\\me')).toBe('C:\\Users\\me\\AppData\\Roaming\\Layerwise Studio');
    expect(userDataDir('darwin', {}, '/Users/me')).toBe('/Users/me/Library/Application Support/Layerwise Studio');
  });

  it('takes LAYERWISE_DATA_DIR first, and puts autosaves in a folder of it', () => {
    expect(userDataDir('linux', { LAYERWISE_DATA_DIR: '/tmp/lw', XDG_DATA_HOME: '/x' }, '/home/me')).toBe('/tmp/lw');
    expect(autosaveDirIn('/tmp/lw', 'linux')).toBe('/tmp/lw/autosave');
    expect(autosaveDirIn('C:\\lw', 'win32')).toBe('C:\\lw\\autosave');
  });
});
