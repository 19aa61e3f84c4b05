/** The Samples step's quality panel: check the generated rows, read the score, its references, the verdict, the checks, the charts. */
import { expect } from '@playwright/test';
import { readTable, StepPage, textOf, type Table } from './base.js';

export interface QualityScores {
  /** The overall score as shown, e.g. "89.1 %". */
  overall: string;
  verdict: string;
  /** Rows overall, Column Shapes, Column Pair Trends: [floor, generated, ceiling]. */
  table: Table;
}

export class QualityPanel extends StepPage {
  protected readonly step = 'samples';
  readonly #panel = this.page.getByTestId('quality-panel');
  readonly #check = this.page.getByTestId('quality-check');
  readonly #overall = this.page.getByTestId('quality-overall');

  /** Checks the quality of the generated rows and waits for the result. */
  async check(options: { timeout?: number } = {}): Promise<void> {
    await this.show();
    await this.#check.click();
    await this.#overall.waitFor({ timeout: options.timeout ?? 120_000 });
    await expect(this.#check).toBeEnabled();
  }

  async visible(): Promise<boolean> {
    await this.show();
    return this.#panel.isVisible();
  }

  async scores(): Promise<QualityScores> {
    await this.show();
    const big = await textOf(this.#overall.locator('.big'));
    return {
      overall: big,
      verdict: await textOf(this.page.getByTestId('quality-verdict')),
      table: await readTable(this.page.getByTestId('quality-scores')),
    };
  }

  /** The propensity and "train on synthetic, test on real" lines. */
  async checks(): Promise<{ propensity: string; tstr: string }> {
    await this.show();
    return {
      propensity: await textOf(this.page.getByTestId('quality-propensity')),
      tstr: await textOf(this.page.getByTestId('quality-tstr')),
    };
  }

  /** How many column charts are drawn (a canvas each), and the columns they are for. */
  async columnCharts(): Promise<{ columns: string[]; canvases: number }> {
    await this.show();
    const figures = this.#panel.locator('figure.column-shape');
    const columns = await figures.locator('figcaption strong').allTextContents();
    return { columns, canvases: await figures.locator('canvas').count() };
  }

  /** The heatmaps' titles and their coloured cells (labelled "a and b: value"). */
  async heatmaps(): Promise<{ title: string; labelledCells: number }[]> {
    await this.show();
    const out = [];
    for (const id of ['heatmap-real', 'heatmap-synthetic', 'heatmap-difference']) {
      const map = this.page.getByTestId(id);
      out.push({
        title: await textOf(map.locator('caption')),
        labelledCells: await map.locator('td[aria-label]').count(),
      });
    }
    return out;
  }
}
