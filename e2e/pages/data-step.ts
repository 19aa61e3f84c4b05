/**
 * The Data step: open a CSV (the user's own through the open dialog, or the bundled sample),
 * read what the import found (encoding, preview, columns and their types), override a
 * column's type and leave a column out. Opening another file replaces the project: the click
 * goes through `replacing`, which answers the app's "save first?" question.
 */
import { expect } from '@playwright/test';
import { answerOpen } from './dialogs.js';
import { readRows, StepPage, textOf, type Table } from './base.js';

/** A column as the Data step lists it. */
export interface Column {
  name: string;
  /** The type the select shows: numeric, integer, categorical, boolean, date, text… */
  type: string;
  /** Whether the column is used for training (its checkbox). */
  included: boolean;
}

/** How long an import may take (the large file of the suite is read twice: sample, then profile). */
const IMPORT_TIMEOUT = 60_000;

/** Runs a click that replaces the project (answering the question to save it first, if asked). */
export type Replacing = (click: () => Promise<void>) => Promise<unknown>;
const direct: Replacing = (click) => click();

export class DataStep extends StepPage {
  protected readonly step = 'data';
  readonly #openCsv = this.page.getByTestId('open-csv');
  readonly #trySample = this.page.getByTestId('try-sample');
  readonly #preview = this.page.getByTestId('preview-table');
  readonly #encoding = this.page.getByTestId('opt-encoding');
  readonly #typeSelects = this.page.locator('[data-testid^="column-type-"]');
  readonly #fileLine = this.page.locator('.toolbar > div').first();
  readonly #errorBanner = this.page.getByTestId('error-banner');

  /** The labels of the two ways in offered before any data is open (waits for the first screen). */
  async welcomeActions(): Promise<{ openCsv: string; trySample: string }> {
    await this.show();
    await this.#openCsv.waitFor();
    return { openCsv: await textOf(this.#openCsv), trySample: await textOf(this.#trySample) };
  }

  async openSample(replacing: Replacing = direct): Promise<void> {
    await this.show();
    await replacing(() => this.#trySample.click());
    await this.#preview.waitFor({ timeout: IMPORT_TIMEOUT });
    await expect(this.#fileLine).toContainText('sample-orders.csv', { timeout: IMPORT_TIMEOUT });
    await expect(this.page.getByTestId('project-name')).toHaveText('sample-orders', { timeout: IMPORT_TIMEOUT });
  }

  /** Opens `path` through the open dialog and waits for its preview. */
  async openCsv(path: string, replacing: Replacing = direct): Promise<void> {
    await this.show();
    const name = path.split(/[\\/]/).pop() ?? path;
    await answerOpen(this.page, this.target, path, () => replacing(() => this.#openCsv.click()).then(() => undefined));
    await this.#preview.waitFor({ timeout: IMPORT_TIMEOUT });
    await expect(this.#fileLine).toContainText(name, { timeout: IMPORT_TIMEOUT });
    // Opening a file starts its own project, named after it: wait until the project bar says so.
    await expect(this.page.getByTestId('project-name')).toHaveText(name.replace(/\.[^.]*$/, ''), {
      timeout: IMPORT_TIMEOUT,
    });
  }

  /** Unticks the column called `column` (it is no longer used), and waits until the app shows it. */
  async leaveOut(column: string): Promise<void> {
    const found = (await this.#columns()).find((c) => c.name === column);
    if (!found) throw new Error(`no column called "${column}"`);
    const box = this.page.getByTestId(`column-include-${found.index}`);
    await box.uncheck();
    await expect(box).not.toBeChecked();
    await expect(this.page.getByTestId('project-status')).toHaveText(/not saved/);
  }

  /** Opens `path` through the open dialog when the app refuses it, and returns the message it shows. */
  async openCsvRefused(path: string): Promise<string> {
    await this.show();
    await answerOpen(this.page, this.target, path, () => this.#openCsv.click());
    return textOf(this.#errorBanner);
  }

  /** The line under the file name: how many rows were read, and whether they are a sample of the file. */
  async importSummary(): Promise<string> {
    await this.show();
    return textOf(this.#fileLine);
  }

  /** The text encoding the import detected (the value of the encoding option). */
  async encoding(): Promise<string> {
    await this.show();
    return this.#encoding.inputValue();
  }

  /** The first rows of the file, under the column names. */
  async preview(): Promise<Table> {
    await this.show();
    return readRows(this.#preview);
  }

  /** Every column of the file, in order, with its type and whether it is used. */
  async columns(): Promise<Column[]> {
    return (await this.#columns()).map(({ name, type, included }) => ({ name, type, included }));
  }

  /** Sets the type of the column called `column`, and waits until the app shows it. */
  async setColumnType(column: string, type: string): Promise<void> {
    const found = (await this.#columns()).find((c) => c.name === column);
    if (!found) throw new Error(`no column called "${column}"`);
    const select = this.page.getByTestId(`column-type-${found.index}`);
    await select.selectOption(type);
    await expect(select).toHaveValue(type);
  }

  async #columns(): Promise<(Column & { index: number })[]> {
    await this.show();
    await this.#preview.waitFor();
    return this.#typeSelects.evaluateAll((selects) =>
      selects.map((el) => {
        const select = el as HTMLSelectElement;
        const row = select.closest('tr');
        const box = row?.querySelector<HTMLInputElement>('input[type="checkbox"]');
        return {
          index: Number(select.dataset.testid?.replace('column-type-', '')),
          name: (row?.querySelector('.name')?.textContent ?? '').trim(),
          type: select.value,
          included: box?.checked ?? false,
        };
      }),
    );
  }
}
