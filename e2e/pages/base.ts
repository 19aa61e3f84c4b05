/**
 * What every part of the page object shares: the page, where it runs (Chromium through the
 * web host, or the Electron app), the wizard's step tabs, and reading a rendered table.
 */
import type { ElectronApplication, Locator, Page } from '@playwright/test';

export type Target = { kind: 'web' } | { kind: 'electron'; app: ElectronApplication };
export type Step = 'data' | 'subset' | 'train' | 'samples' | 'export';

/** A table as the user reads it: header cells and body rows, each cell's text. */
export interface Table {
  header: string[];
  rows: string[][];
}

/** One step of the wizard. Its methods open the step first (a click on its tab) when another one is shown. */
export abstract class StepPage {
  protected abstract readonly step: Step;

  constructor(
    protected readonly page: Page,
    protected readonly target: Target,
  ) {}

  protected async show(): Promise<void> {
    await showStep(this.page, this.step);
  }
}

/** Clicks a step's tab unless that step is the one shown. */
export async function showStep(page: Page, step: Step): Promise<void> {
  const tab = page.getByTestId(`step-${step}`);
  if (!/\bactive\b/.test((await tab.getAttribute('class')) ?? '')) await tab.click();
}

/** The text of a table's cells (whitespace collapsed); `table` is the table or an element around it. */
export async function readTable(table: Locator): Promise<Table> {
  return table.evaluate((el) => {
    const t = el.tagName === 'TABLE' ? el : el.querySelector('table');
    const text = (cell: Element) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      header: Array.from(t?.querySelectorAll('thead th') ?? [], text),
      rows: Array.from(t?.querySelectorAll('tbody tr') ?? [], (tr) => Array.from(tr.querySelectorAll('td'), text)),
    };
  });
}

/** A table of rows (the app's RowsTable) without its leading row-number column. */
export async function readRows(table: Locator): Promise<Table> {
  const { header, rows } = await readTable(table);
  return { header: header.slice(1), rows: rows.map((r) => r.slice(1)) };
}

/** An element's text, whitespace collapsed. */
export async function textOf(element: Locator): Promise<string> {
  return ((await element.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
