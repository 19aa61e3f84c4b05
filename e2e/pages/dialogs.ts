/**
 * Answering the app's file dialogs in both worlds. In the browser, an open is a file chooser
 * and a save is a download; in Electron, the main process's dialog functions are replaced
 * so that they return the given path without showing anything.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { e2eTempDir } from '../env.js';
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
 * under the name the app suggests, and returns the saved file's path (its name is the app's).
 * In Electron, `saved` waits until the app says where the file went.
 */
export async function answerSave(
  page: Page,
  target: Target,
  save: () => Promise<void>,
  saved: () => Promise<void>,
): Promise<string> {
  const dir = e2eTempDir('save-');
  if (target.kind === 'electron') {
    // The dialog answers with the name the app suggested, in the folder; the main process remembers it.
    await target.app.evaluate(({ dialog }, folder) => {
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        const options = args.find(
          (a): a is { defaultPath?: string } => typeof a === 'object' && a !== null && 'filters' in a,
        );
        const filePath = `${folder}/${(options?.defaultPath ?? 'saved').split(/[\\/]/).pop()}`;
        (globalThis as Record<string, unknown>).__layerwiseSaved = filePath;
        return { canceled: false, filePath };
      }) as typeof dialog.showSaveDialog;
    }, dir);
    await save();
    await saved();
    return target.app.evaluate(() => String((globalThis as Record<string, unknown>).__layerwiseSaved));
  }
  const download = page.waitForEvent('download');
  await save();
  const taken = await download;
  const path = join(dir, taken.suggestedFilename());
  await taken.saveAs(path);
  return path;
}
