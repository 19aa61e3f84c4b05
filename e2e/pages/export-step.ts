/**
 * The Export step: save generated rows as CSV and the model file, answering the save dialog
 * (or taking the download) and returning where the file went.
 */
import { expect } from '@playwright/test';
import { answerSave } from './dialogs.js';
import { StepPage } from './base.js';

export class ExportStep extends StepPage {
  protected readonly step = 'export';
  readonly #rows = this.page.getByTestId('export-rows');
  readonly #samples = this.page.getByTestId('export-samples');
  readonly #model = this.page.getByTestId('export-model');
  readonly #result = this.page.getByTestId('export-result');

  /** Exports `rows` generated rows (the form's default when not given) as CSV; returns the saved file. */
  async exportSamples(rows?: number): Promise<string> {
    await this.show();
    if (rows !== undefined) await this.#rows.fill(String(rows));
    return this.#save(() => this.#samples.click(), 'generated.csv');
  }

  /** Exports the trained model (a .lwm file); returns the saved file. */
  async exportModel(): Promise<string> {
    await this.show();
    return this.#save(() => this.#model.click(), 'model.lwm');
  }

  #save(click: () => Promise<void>, fileName: string): Promise<string> {
    const extension = fileName.split('.').pop() ?? '';
    return answerSave(this.page, this.target, fileName, click, () => expect(this.#result).toContainText(extension));
  }
}
