/**
 * Model files (.lwm) the operating system asks the app to open: by double-click or "Open with"
 * (macOS sends `open-file`; Windows and Linux start the app with the path in its arguments, or
 * pass them to the running instance as `second-instance`). Each path is registered with the
 * file registry, the one way a path reaches the app, and the window is told with an
 * `app.openFile` event, held back until the page has loaded and subscribed.
 */
import { basename, posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileRef, ServerEvent } from '../../shared/contract.js';
import { toErrorPayload } from '../../shared/domain/errors.js';

export const MODEL_EXTENSION = '.lwm';

/** One argument as an absolute path; a `file:` URL (as Linux desktops pass files) is read as this machine's path. */
function argumentPath(arg: string, cwd: string, platform: NodeJS.Platform): string | null {
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  return (platform === 'win32' ? win32 : posix).resolve(cwd, arg);
}

/**
 * The model files named on a command line, as absolute paths, in order, each once. Switches
 * (`--flag`, `--key=value`, `-x`) and other files are left out; a relative path is taken from
 * `cwd`, the working directory of the instance that was started. The executable itself
 * (argv[0]) and, in development, the app's script are not model files, so they drop out too.
 */
export function modelPathsFromArgv(argv: readonly string[], cwd: string, platform: NodeJS.Platform): string[] {
  const out: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith(MODEL_EXTENSION)) continue;
    const path = argumentPath(arg, cwd, platform);
    if (path !== null && !out.includes(path)) out.push(path);
  }
  return out;
}

type OpenFileEvent = Extract<ServerEvent, { type: 'app.openFile' }>;

/** The event for one model file: registered, or why it could not be read. */
export function openFileEvent(path: string, register: (path: string) => FileRef): OpenFileEvent {
  const name = basename(path);
  try {
    return { type: 'app.openFile', kind: 'model', name, file: register(path), error: null };
  } catch (err) {
    return { type: 'app.openFile', kind: 'model', name, file: null, error: toErrorPayload(err) };
  }
}

/** Files to announce to the window, kept while no page is there to hear them. */
export class OpenFileQueue {
  private readonly pending: OpenFileEvent[] = [];
  private listening = false;

  constructor(
    private readonly register: (path: string) => FileRef,
    private readonly send: (event: OpenFileEvent) => void,
  ) {}

  open(path: string): void {
    this.pending.push(openFileEvent(path, this.register));
    if (this.listening) this.flush();
  }

  /** The window's page has loaded (its events are wired before load): announce what waited. */
  pageLoaded(): void {
    this.listening = true;
    this.flush();
  }

  /** The window is gone: hold the next files until a new page has loaded. */
  pageGone(): void {
    this.listening = false;
  }

  private flush(): void {
    for (const event of this.pending.splice(0)) this.send(event);
  }
}
