/**
 * Answering the app's file dialogs in both worlds. In the browser, an open is a file chooser
 * and a save is a download; in Electron, the main process's dialog functions are replaced
 * so that they return the given path without showing anything.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Target } from './base.js';

/** Clicks `open` and answers the open dialog it shows with `file`. */
export async function answerOpen(page: Page, target: Target, file: string, open: () => Promise<void>): Promise<void> {
  if (target.kind === 'electron') {
    await target.app.evaluate(({ dialog }, path) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog;
    }, file);
    await open();
    return;
  }
  const chooser = page.waitForEvent('filechooser');
  await open();
  await (await chooser).setFiles(file);
}

/**
 * Clicks `save`, answers the save dialog (or takes the download) into a fresh temporary folder
 * as `fileName`, and returns the saved file's path. In Electron, `saved` waits until the app
 * says where the file went.
 */
export async function answerSave(
  page: Page,
  target: Target,
  fileName: string,
  save: () => Promise<void>,
  saved: () => Promise<void>,
): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'layerwise-e2e-')), fileName);
  if (target.kind === 'electron') {
    await target.app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
    }, path);
    await save();
    await saved();
    return path;
  }
  const download = page.waitForEvent('download');
  await save();
  await (await download).saveAs(path);
  return path;
}
