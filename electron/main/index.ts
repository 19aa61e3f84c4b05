/**
 * Electron main process: a thin shell. It creates the hardened window on the app's own page,
 * serves the contract over ipcMain (one channel per method, validated by `dispatch`, answered
 * only to that page), forwards server events to the window, lets the user pick files through
 * native dialogs, takes the model files the operating system asks it to open, and asks before
 * closing a window with unsaved work. Projects are autosaved in the app's data folder. Everything
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
import { Autosaves } from '../service/project/autosave.js';
import { CHOICES, closeDialog, guardClose } from './close-guard.js';
import { appLocation, isTrustedSender, startUrl } from './app-location.js';
import { registerAppScheme, serveAppScheme } from './app-protocol.js';
import { ElectronSaver } from './electron-saver.js';
import { MODEL_EXTENSION, modelPathsFromArgv, OpenFileQueue } from './open-files.js';
import { hardenContents, hardenSession, SECURE_WEB_PREFERENCES } from './security.js';
import { PDF_PARTITION, printReportPdf } from './report-pdf.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const location = appLocation(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const files = new FileRegistry();

let mainWindow: BrowserWindow | null = null;
let service: LayerwiseService | null = null;
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
  guardClose(win, {
    unsaved: () => {
      const project = service?.session.project.overview();
      return project?.unsaved ? project.name : null;
    },
    ask: async (name) => {
      const text = closeDialog(app.getLocale(), name);
      const { response } = await dialog.showMessageBox(win, { type: 'question', ...text, defaultId: 0, cancelId: 2 });
      return CHOICES[response] ?? 'cancel';
    },
    save: async () => (await service?.['project.save']({ as: false }))?.result.saved ?? false,
  });
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

async function pickPath(filters: { name: string; extensions: string[] }[]): Promise<string | null> {
  const options = { properties: ['openFile' as const], filters: [...filters, { name: '*', extensions: ['*'] }] };
  const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

const pickCsvPath = () => pickPath([{ name: 'CSV', extensions: ['csv', 'tsv', 'txt'] }]);
const pickProjectPath = () => pickPath([{ name: 'Layerwise project or model', extensions: ['lwproj', 'lwm'] }]);

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
    pickProjectPath,
    printPdf: (html) =>
      printReportPdf(html, {
        session: session.fromPartition(PDF_PARTITION),
        createWindow: (options) => new BrowserWindow(options),
      }),
    autosaves: new Autosaves(join(app.getPath('userData'), 'autosave')),
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
  service = createService(engine);
  serveContract(service);
  mainWindow = createWindow();
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    void (service?.session.flush() ?? Promise.resolve()).finally(() => void engine.dispose().finally(() => app.quit()));
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
