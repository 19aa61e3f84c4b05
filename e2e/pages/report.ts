/**
 * The report, as a user gets it from the Export step and as a reviewer opens it: saved as an
 * HTML file (dialog or download), or (web host) opened in a new tab to print; then read in a
 * fresh browser with the network cut off: its title, headings, charts, and every request it tried.
 */
import { chromium, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM, CHROMIUM_ARGS } from '../env.js';
import { answerSave } from './dialogs.js';
import { StepPage } from './base.js';

/** What a reader of the report sees, and what the page tried to fetch. */
export interface ReportView {
  lang: string;
  title: string;
  headings: string[];
  charts: number;
  /** Charts with a title and a table of their figures for readers who do not see them. */
  chartsWithTable: number;
  /** Requests the page made (none: it is self-contained). */
  requests: string[];
  /** Whether each section starts a new page when printed. */
  printBreaks: string[];
  /** SVG charts per section, by the section's id (e.g. quality, privacy). */
  sectionCharts: Record<string, number>;
}

export class ReportExport extends StepPage {
  protected readonly step = 'export';
  readonly #save = this.page.getByTestId('export-report');
  readonly #print = this.page.getByTestId('export-report-pdf');
  readonly #result = this.page.getByTestId('export-result');

  /** Saves the report (an HTML file); returns the saved file, under the name the app gave it. */
  async save(): Promise<string> {
    await this.show();
    return answerSave(
      this.page,
      this.target,
      () => this.#save.click(),
      () => expect(this.#result).toContainText('.html'),
    );
  }

  /** Web host: "Print / save as PDF" opens the report in a new tab; returns that tab once loaded. */
  async openToPrint(): Promise<Page> {
    await this.show();
    const tab = this.page.context().waitForEvent('page');
    await this.#print.click();
    const page = await tab;
    await page.waitForLoadState('load');
    return page;
  }
}

/** Reads a page showing a report. */
export async function readReport(page: Page): Promise<Omit<ReportView, 'requests'>> {
  const seen = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    headings: Array.from(document.querySelectorAll('h2')).map((h) => h.textContent ?? ''),
    charts: document.querySelectorAll('figure svg').length,
    chartsWithTable: Array.from(document.querySelectorAll('figure')).filter(
      (f) => f.querySelector('svg title') && f.querySelector('table'),
    ).length,
    sectionCharts: Object.fromEntries(
      Array.from(document.querySelectorAll('section')).map((s) => [s.id, s.querySelectorAll('figure svg').length]),
    ),
  }));
  await page.emulateMedia({ media: 'print' });
  const printBreaks = await page.evaluate(() =>
    Array.from(document.querySelectorAll('section'))
      .slice(1)
      .map((s) => getComputedStyle(s).breakBefore),
  );
  await page.emulateMedia({ media: 'screen' });
  return { ...seen, printBreaks };
}

/** Opens a saved report in a fresh browser that is offline and refuses every request; what it shows and tried. */
export async function openOffline(file: string): Promise<ReportView> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ offline: true });
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
    return { ...(await readReport(page)), requests };
  } finally {
    await browser.close();
  }
}
