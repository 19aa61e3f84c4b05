/** Model files from the command line or the Finder: which arguments are model files, and how the window hears of them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerEvent } from '../../shared/contract.js';
import { FileRegistry } from '../platform/file-registry.js';
import { modelPathsFromArgv, openFileEvent, OpenFileQueue } from './open-files.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-open-'));
const model = join(dir, 'orders model.lwm');
writeFileSync(model, 'LWM1');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('modelPathsFromArgv', () => {
  it('takes the model files of a Windows command line, resolved against the working directory', () => {
    const argv = [
      'C:\\Program Files\\Layerwise Studio\\Layerwise Studio.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13372',
      'C:\\Users\\aiko\\Documents\\Orders Model.LWM',
      'models\\march.lwm',
      'C:\\Users\\aiko\\Documents\\orders.csv',
    ];
    expect(modelPathsFromArgv(argv, 'D:\\work', 'win32')).toEqual([
      'C:\\Users\\aiko\\Documents\\Orders Model.LWM',
      'D:\\work\\models\\march.lwm',
    ]);
  });

  it('takes paths and file URLs on Linux and macOS, leaving out switches, other files and the app itself', () => {
    const argv = [
      '/opt/Layerwise Studio/layerwise-studio',
      'out/main/index.js',
      '--no-sandbox',
      '-v',
      '--user-data-dir=/tmp/x.lwm',
      'm.lwm',
      '../shared/n.lwm',
      pathToFileURL('/home/aiko/Desktop/売上 モデル.lwm').href,
      '/home/aiko/m.lwm.csv',
      '/home/aiko/readme.txt',
    ];
    expect(modelPathsFromArgv(argv, '/home/aiko/work', 'linux')).toEqual([
      '/home/aiko/work/m.lwm',
      '/home/aiko/shared/n.lwm',
      '/home/aiko/Desktop/売上 モデル.lwm',
    ]);
  });

  it('names each file once, and nothing when no model file was given', () => {
    expect(modelPathsFromArgv(['/usr/bin/app', 'a.lwm', './a.lwm', '/w/a.lwm'], '/w', 'linux')).toEqual(['/w/a.lwm']);
    expect(modelPathsFromArgv(['/usr/bin/app'], '/w', 'linux')).toEqual([]);
    expect(modelPathsFromArgv(['/usr/bin/app', 'file://%zz.lwm'], '/w', 'linux')).toEqual([]);
  });
});

describe('openFileEvent', () => {
  it('registers a readable model file and names it in a valid event', () => {
    const files = new FileRegistry();
    const event = openFileEvent(model, (p) => files.register(p));
    expect(ServerEvent.parse(event)).toEqual(event);
    expect(event).toMatchObject({ kind: 'model', name: 'orders model.lwm', error: null, file: { bytes: 4 } });
    expect(files.resolve(event.file!.fileId)).toBe(model);
  });

  it('says why a file cannot be read, with a translatable error', () => {
    const files = new FileRegistry();
    const event = openFileEvent(join(dir, 'gone.lwm'), (p) => files.register(p));
    expect(ServerEvent.parse(event)).toEqual(event);
    expect(event).toMatchObject({ name: 'gone.lwm', file: null, error: { code: 'readFailed' } });
  });
});

describe('OpenFileQueue', () => {
  it('holds files until the page has loaded, then sends each once; again after the window is gone', () => {
    const files = new FileRegistry();
    const sent: string[] = [];
    const queue = new OpenFileQueue(
      (p) => files.register(p),
      (e) => sent.push(e.name),
    );
    queue.open(model);
    expect(sent).toEqual([]);
    queue.pageLoaded();
    expect(sent).toEqual(['orders model.lwm']);
    queue.open(join(dir, 'gone.lwm'));
    expect(sent).toEqual(['orders model.lwm', 'gone.lwm']);
    queue.pageGone();
    queue.open(model);
    queue.pageLoaded();
    queue.pageLoaded();
    expect(sent).toEqual(['orders model.lwm', 'gone.lwm', 'orders model.lwm']);
  });
});
