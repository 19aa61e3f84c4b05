/**
 * Page object of the wizard: what a user does (open data, pick a subset, train, generate,
 * export, switch language) in terms of the renderer's test ids. It hides the difference
 * between the browser (file chooser, downloads) and Electron (native dialogs, answered by
 * replacing the dialog functions in the main process).
 */
import { expect, type ElectronApplication, type Locator, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Target = { kind: 'web' } | { kind: 'electron'; app: ElectronApplication };
export type Step = 'data' | 'subset' | 'train' | 'samples' | 'export';

export class Studio {
  constructor(
    readonly page: Page,
    readonly target: Target,
  ) {}

  id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  title(): Locator {
    return this.id('page-title');
  }

  async trySample(): Promise<void> {
    await this.id('try-sample').click();
    await expect(this.id('preview-table')).toBeVisible({ timeout: 60_000 });
  }

  async openCsv(path: string): Promise<void> {
    if (this.target.kind === 'electron') {
      await this.target.app.evaluate(({ dialog }, file) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog;
      }, path);
      await this.id('open-csv').click();
    } else {
      const chooser = this.page.waitForEvent('filechooser');
      await this.id('open-csv').click();
      await (await chooser).setFiles(path);
    }
    await expect(this.id('preview-table')).toBeVisible({ timeout: 60_000 });
  }

  async goto(step: Step): Promise<void> {
    await this.id(`step-${step}`).click();
  }

  async setColumnType(index: number, type: string): Promise<void> {
    await this.id(`column-type-${index}`).selectOption(type);
    await expect(this.id(`column-type-${index}`)).toHaveValue(type);
  }

  async switchLocale(locale: 'en' | 'ja'): Promise<void> {
    await this.id('locale-switch').selectOption(locale);
  }

  /** Waits for a save: a browser download, or the path given to the replaced save dialog. */
  async saveVia(button: string, fileName: string): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'layerwise-e2e-'));
    const target = join(dir, fileName);
    if (this.target.kind === 'electron') {
      await this.target.app.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
      }, target);
      await this.id(button).click();
      await expect(this.id('export-result')).toContainText(fileName.split('.').pop() ?? '');
      return target;
    }
    const download = this.page.waitForEvent('download');
    await this.id(button).click();
    await (await download).saveAs(target);
    return target;
  }

  async screenshot(name: string, dir: string): Promise<void> {
    await this.page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
  }
}
