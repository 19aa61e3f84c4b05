/**
 * Electron main process: a thin shell. It creates the hardened window, serves the contract
 * over ipcMain (one channel per method, validated by `dispatch`), forwards server events to
 * the window, and lets the user pick files through native dialogs. Everything else lives in
 * the service, the data layer and the engine worker, which run without Electron too.
 */
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { methodNames, ipcChannel, EVENT_CHANNEL, type ServerEvent } from '../../shared/contract.js';
import { dispatch } from '../service/dispatch.js';
import { EngineClient } from '../service/engine-thread/client.js';
import { FileRegistry } from '../platform/file-registry.js';
import { memoryBudgetFromEnv, SAMPLE_FILE, sourceSamplePath } from '../platform/paths.js';
import { LayerwiseService } from '../service/service.js';
import { ElectronSaver } from './electron-saver.js';
import { hardenContents, hardenSession, isAppUrl } from './security.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const devUrl = process.env.ELECTRON_RENDERER_URL;
const appOrigin = devUrl ? new URL(devUrl).origin : 'file://';

let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Layerwise Studio',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(join(here, '../renderer/index.html'));
  return win;
}

async function start(): Promise<void> {
  hardenContents(appOrigin);
  await app.whenReady();
  hardenSession();
  const files = new FileRegistry();
  const engine = new EngineClient();
  const emit = (event: ServerEvent) => mainWindow?.webContents.send(EVENT_CHANNEL, event);
  const service = new LayerwiseService({
    transport: 'electron',
    osLocale: app.getLocale(),
    samplePath: app.isPackaged ? join(process.resourcesPath, SAMPLE_FILE) : sourceSamplePath(),
    emit,
    files,
    saver: new ElectronSaver(() => mainWindow),
    engine,
    memoryBudgetBytes: memoryBudgetFromEnv(),
    pickCsvPath: async () => {
      const options = {
        properties: ['openFile' as const],
        filters: [
          { name: 'CSV', extensions: ['csv', 'tsv', 'txt'] },
          { name: '*', extensions: ['*'] },
        ],
      };
      const choice = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
  });
  for (const name of methodNames) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      if (!event.senderFrame || !isAppUrl(event.senderFrame.url, appOrigin)) {
        return { ok: false, error: { code: 'unauthorized', params: {} } };
      }
      return dispatch(service, name, input);
    });
  }
  mainWindow = createWindow();
  mainWindow.on('closed', () => (mainWindow = null));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    void engine.dispose().finally(() => app.quit());
  });
}

void start();
