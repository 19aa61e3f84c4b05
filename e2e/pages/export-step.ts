/**
 * The Export step: save generated rows as CSV and the model file, answering the save dialog
 * (or taking the download) and returning where the file went (under the name the app gave it),
 * and what the app says about the rows saved (columns left out, an out-of-date model).
 */
import { expect } from '@playwright/test';
import { answerSave } from './dialogs.js';
import { StepPage, textOf } from './base.js';

export class ExportStep extends StepPage {
  protected readonly step = 'export';
  readonly #rows = this.page.getByTestId('export-rows');
  readonly #samples = this.page.getByTestId('export-samples');
  readonly #model = this.page.getByTestId('export-model');
  readonly #result = this.page.getByTestId('export-result');
  readonly #notes = this.page.getByTestId('generation-notes');

  /** Exports `rows` generated rows (the form's default when not given) as CSV; returns the saved file. */
  async exportSamples(rows?: number): Promise<string> {
    await this.show();
    if (rows !== undefined) await this.#rows.fill(String(rows));
    return this.#save(() => this.#samples.click(), 'csv');
  }

  /** Exports the trained model (a .lwm file); returns the saved file. */
  async exportModel(): Promise<string> {
    await this.show();
    return this.#save(() => this.#model.click(), 'lwm');
  }

  /** What the app says about the rows last saved (generated as an out-of-date model was trained, columns left out), or null. */
  async notes(): Promise<string | null> {
    await this.show();
    return (await this.#notes.isVisible()) ? textOf(this.#notes) : null;
  }

  #save(click: () => Promise<void>, extension: string): Promise<string> {
    return answerSave(this.page, this.target, click, () => expect(this.#result).toContainText(extension));
  }
}
