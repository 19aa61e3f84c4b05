/** The Samples step: generate rows from the trained model and read them beside real rows. */
import { expect } from '@playwright/test';
import { readRows, StepPage, textOf } from './base.js';

export class SamplesStep extends StepPage {
  protected readonly step = 'samples';
  readonly #count = this.page.getByTestId('sample-count');
  readonly #seed = this.page.getByTestId('sample-seed');
  readonly #generate = this.page.getByTestId('generate-samples');
  readonly #generated = this.page.getByTestId('generated-table');
  readonly #real = this.page.getByTestId('real-table');
  readonly #notes = this.page.getByTestId('generation-notes');
  readonly #generatedTab = this.page.getByTestId('rows-tab-generated');
  readonly #realTab = this.page.getByTestId('rows-tab-real');

  /** Generates `rows` rows (with `seed` when given) and waits for them. */
  async generate(rows: number, seed?: number): Promise<void> {
    await this.show();
    await this.#count.fill(String(rows));
    if (seed !== undefined) await this.#seed.fill(String(seed));
    await this.#generate.click();
    await this.#generated.waitFor();
    await expect(this.#generate).toBeEnabled();
  }

  /** The generated rows of the table's first page (50 rows), each a list of cells in the columns' order. */
  async generatedRows(): Promise<string[][]> {
    await this.show();
    await this.#generatedTab.click();
    return (await readRows(this.#generated)).rows;
  }

  /** What the app says about the rows shown (generated as an out-of-date model was trained, columns left out), or null. */
  async notes(): Promise<string | null> {
    await this.show();
    return (await this.#notes.isVisible()) ? textOf(this.#notes) : null;
  }

  /** The real rows of the training subset shown beside them (the first page). */
  async realRows(): Promise<string[][]> {
    await this.show();
    await this.#realTab.click();
    return (await readRows(this.#real)).rows;
  }
}
