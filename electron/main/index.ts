/**
 * Electron main process: a thin shell. It creates the hardened window on the app's own page,
 * serves the contract over ipcMain (one channel per method, validated by `dispatch`, answered
 * only to that page), forwards server events to the window, lets the user pick files through
 * native dialogs, and takes the model files the operating system asks it to open. Everything
 * else lives in the service, the data layer and the engine worker, which run without Electron too.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { methodNames, ipcChannel, EVENT_CHANNEL, type ServerEvent } from '../../shared/contract.js';
import { dispatch } from '../service/dispatch.js';
import { EngineClient } from '../service/engine-thread/client.js';
import { FileRegistry } from '../platform/file-registry.js';
import { memoryBudgetFromEnv, SAMPLE_FILE, sourceSamplePath } from '../platform/paths.js';
import { LayerwiseService } from '../service/service.js';
import { appLocation, isTrustedSender, startUrl } from './app-location.js';
import { registerAppScheme, serveAppScheme } from './app-protocol.js';
import { ElectronSaver } from './electron-saver.js';
import { MODEL_EXTENSION, modelPathsFromArgv, OpenFileQueue } from './open-files.js';
import { hardenContents, hardenSession, SECURE_WEB_PREFERENCES } from './security.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const location = appLocation(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const files = new FileRegistry();

let mainWindow: BrowserWindow | null = null;
const send = (event: ServerEvent) => mainWindow?.webContents.send(EVENT_CHANNEL, event);
const openFiles = new OpenFileQueue((path) => files.register(path), send);

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Layerwise Studio',
    show: false,
    webPreferences: { preload: join(here, '../preload/index.cjs'), ...SECURE_WEB_PREFERENCES },
  });
  win.once('ready-to-show', () => win.show());
  // The renderer wires its event listener before its page finishes loading.
  win.webContents.on('did-finish-load', () => openFiles.pageLoaded());
  win.on('closed', () => {
    mainWindow = null;
    openFiles.pageGone();
  });
  void win.loadURL(startUrl(location));
  return win;
}

/** Brings the window forward, or opens one when the last was closed (macOS keeps the app running). */
function showWindow(): void {
  if (!app.isReady()) return;
  if (!mainWindow) {
    mainWindow = createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function acceptArguments(argv: readonly string[], cwd: string): void {
  for (const path of modelPathsFromArgv(argv, cwd, process.platform)) openFiles.open(path);
}

async function pickCsvPath(): Promise<string | null> {
  const options = {
    properties: ['openFile' as const],
    filters: [
      { name: 'CSV', extensions: ['csv', 'tsv', 'txt'] },
      { name: '*', extensions: ['*'] },
    ],
  };
  const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

function createService(engine: EngineClient): LayerwiseService {
  return new LayerwiseService({
    transport: 'electron',
    osLocale: app.getLocale(),
    samplePath: app.isPackaged ? join(process.resourcesPath, SAMPLE_FILE) : sourceSamplePath(),
    emit: send,
    files,
    saver: new ElectronSaver(() => mainWindow),
    engine,
    memoryBudgetBytes: memoryBudgetFromEnv(),
    pickCsvPath,
  });
}

function serveContract(service: LayerwiseService): void {
  for (const name of methodNames) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, location)) {
        return { ok: false, error: { code: 'unauthorized', params: {} } };
      }
      return dispatch(service, name, input);
    });
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, location);
  serveAppScheme(protocol, join(here, '../renderer'));
  const engine = new EngineClient();
  serveContract(createService(engine));
  mainWindow = createWindow();
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    void engine.dispose().finally(() => app.quit());
  });
}

// Every renderer sandboxed, whatever its options say; both calls must precede the ready event.
app.enableSandbox();
registerAppScheme(protocol);
hardenContents(app, location);
// macOS announces files opened from the Finder this way, possibly before the app is ready.
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (path.toLowerCase().endsWith(MODEL_EXTENSION)) openFiles.open(path);
  showWindow();
});

// One instance: a second launch (Windows and Linux open a file that way) hands its arguments
// to this one and quits.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    acceptArguments(argv, workingDirectory);
    showWindow();
  });
  acceptArguments(process.argv, process.cwd());
  void start();
} else {
  app.quit();
}
