/** Desktop exports: the user picks where in a save dialog; the file is written atomically. */
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { SaveResult } from '../../shared/contract.js';
import { writeFileAtomic } from '../base/atomic-write.js';
import { EXTENSIONS, type SaveRequest, type Saver } from '../platform/saver.js';

export class ElectronSaver implements Saver {
  constructor(private readonly window: () => BrowserWindow | null) {}

  async save(request: SaveRequest): Promise<SaveResult> {
    const win = this.window();
    const options = {
      defaultPath: join(app.getPath('documents'), request.suggestedName),
      filters: [EXTENSIONS[request.kind]],
    };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath)
      return { saved: false, fileName: request.suggestedName, path: null, downloadUrl: null };
    await writeFileAtomic(choice.filePath, request.bytes);
    return { saved: true, fileName: request.suggestedName, path: choice.filePath, downloadUrl: null };
  }
}
