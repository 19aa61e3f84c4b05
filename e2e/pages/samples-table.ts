/**
 * The Samples step's table and condition form, and the Export step's CSV options, as a user
 * handles them: fix a column to a value, page through the rows with a chosen page size, sort by a
 * column, filter by a value, switch to the real rows; choose the character set and delimiter of the
 * CSV and save it (answering the save dialog or taking the download). Selectors stay here.
 */
import { expect } from '@playwright/test';
import { readRows, readTable, showStep, StepPage, textOf, type Table } from './base.js';

export type CsvEncoding = 'utf8' | 'utf8-bom' | 'cp932';

export class SamplesTable extends StepPage {
  protected readonly step = 'samples';
  readonly #generatedTab = this.page.getByTestId('rows-tab-generated');
  readonly #realTab = this.page.getByTestId('rows-tab-real');
  readonly #generated = this.page.getByTestId('generated-table');
  readonly #real = this.page.getByTestId('real-table');
  readonly #pageSize = this.page.getByTestId('page-size');
  readonly #range = this.page.getByTestId('page-range');
  readonly #next = this.page.getByTestId('page-next');
  readonly #filterColumn = this.page.getByTestId('filter-column');
  readonly #filterValue = this.page.getByTestId('filter-value');
  readonly #addCondition = this.page.getByTestId('condition-add');
  readonly #conditions = this.page.getByTestId('condition');
  readonly #report = this.page.getByTestId('condition-report');

  /** Adds "only rows where `column` = `value`" to the conditions of the next generation. */
  async fixColumn(column: string, value: string): Promise<void> {
    await this.show();
    await this.#addCondition.click();
    const row = this.#conditions.last();
    await row.getByTestId('condition-column').selectOption(column);
    await row.getByTestId('condition-value').selectOption(value);
  }

  /** Removes every condition. */
  async clearConditions(): Promise<void> {
    await this.show();
    while ((await this.#conditions.count()) > 0) await this.#conditions.first().getByTestId('condition-remove').click();
  }

  /** What the app says about the rows generated with conditions (empty when none). */
  async conditionReport(): Promise<string> {
    await this.show();
    return (await this.#report.isVisible()) ? textOf(this.#report) : '';
  }

  /** The generated rows the table shows now (this page, sorted and filtered), without the row-number column. */
  async shownRows(): Promise<Table> {
    await this.show();
    await this.#generatedTab.click();
    return readRows(this.#generated);
  }

  /** The real rows the table shows now. */
  async shownRealRows(): Promise<Table> {
    await this.show();
    await this.#realTab.click();
    return readRows(this.#real);
  }

  /** The row numbers (in the generated stream) of the rows shown. */
  async shownNumbers(): Promise<number[]> {
    await this.show();
    const { rows } = await readTable(this.#generated);
    return rows.map((r) => Number(r[0]));
  }

  async setPageSize(size: number): Promise<void> {
    await this.show();
    await this.#pageSize.selectOption(String(size));
  }

  async nextPage(): Promise<void> {
    await this.show();
    await this.#next.click();
  }

  /** "Rows 51–100 of 120 · Page 2 of 3". */
  async range(): Promise<string> {
    await this.show();
    return textOf(this.#range);
  }

  /** Sorts by a column (a click on its header: ascending, then descending, then as generated). */
  async sortBy(column: string): Promise<void> {
    await this.show();
    await this.page.getByTestId(`sort-${column}`).click();
  }

  /** Shows only the rows whose `column` is `value` (a value picked from the column's values). */
  async filter(column: string, value: string): Promise<void> {
    await this.show();
    await this.#filterColumn.selectOption(column);
    await this.#filterValue.selectOption(value);
  }

  /** Shows every row again. */
  async clearFilter(): Promise<void> {
    await this.show();
    await this.#filterColumn.selectOption('-1');
  }

  /** Sets the CSV options in the Export step and saves `rows` generated rows; returns the saved file. */
  async exportCsv(
    save: (rows: number) => Promise<string>,
    rows: number,
    options: { encoding: CsvEncoding; delimiter: ',' | ';' | '\t'; formulaGuard?: boolean },
  ): Promise<string> {
    await showStep(this.page, 'export');
    await this.page.getByTestId('csv-encoding').selectOption(options.encoding);
    await this.page.getByTestId('csv-delimiter').selectOption(options.delimiter);
    await this.page.getByTestId('csv-formula-guard').setChecked(options.formulaGuard ?? true);
    const path = await save(rows);
    await expect(this.page.getByTestId('export-samples')).toBeEnabled();
    return path;
  }
}
