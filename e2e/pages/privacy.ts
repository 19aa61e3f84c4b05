/**
 * The privacy panel of the Samples step (check the generated rows, read the verdict, its
 * checks and the distance chart, turn on dropping rows too close to a real one, read how many
 * were dropped), and what the Export step says the last export dropped.
 */
import { expect } from '@playwright/test';
import { showStep, StepPage, textOf } from './base.js';

export interface PrivacyCheck {
  id: string;
  level: string;
  text: string;
}

/** "N of M … dropped …", as the app writes it (numbers may carry thousands separators). */
export interface Dropped {
  dropped: number;
  total: number;
  text: string;
}

const numbers = (text: string): number[] => (text.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, '')));

export class PrivacyPanel extends StepPage {
  protected readonly step = 'samples';
  readonly #check = this.page.getByTestId('privacy-check');
  readonly #verdict = this.page.getByTestId('privacy-verdict');
  readonly #checks = this.page.getByTestId('privacy-checks').locator('li');
  readonly #chart = this.page.getByTestId('privacy-chart');
  readonly #drop = this.page.getByTestId('privacy-drop');
  readonly #dropped = this.page.getByTestId('privacy-dropped');
  readonly #exportDropped = this.page.getByTestId('export-dropped');

  /** Runs the privacy check and waits for its verdict. */
  async check(): Promise<void> {
    await this.show();
    await this.#check.click();
    await expect(this.#verdict).toBeVisible({ timeout: 120_000 });
    await expect(this.#check).toBeEnabled();
  }

  async verdict(): Promise<{ level: string; text: string }> {
    await this.show();
    return { level: (await this.#verdict.getAttribute('data-level')) ?? '', text: await textOf(this.#verdict) };
  }

  async checks(): Promise<PrivacyCheck[]> {
    await this.show();
    const out: PrivacyCheck[] = [];
    for (const li of await this.#checks.all())
      out.push({
        id: (await li.getAttribute('data-check')) ?? '',
        level: (await li.getAttribute('data-level')) ?? '',
        text: await textOf(li),
      });
    return out;
  }

  /** The distance chart: whether its canvas is drawn, and the rows of its data table. */
  async chart(): Promise<{ drawn: boolean; tableRows: number }> {
    await this.show();
    const canvas = this.#chart.locator('canvas');
    const drawn = await canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.height > 0);
    return { drawn, tableRows: await this.#chart.locator('[data-testid="chart-table"] tbody tr').count() };
  }

  /** Turns dropping generated rows too close to a real one on or off. */
  async dropTooClose(on: boolean): Promise<void> {
    await this.show();
    await this.#drop.setChecked(on);
  }

  /** What the Samples step says the last preview dropped, or null. */
  async previewDropped(): Promise<Dropped | null> {
    await this.show();
    if (!(await this.#dropped.isVisible())) return null;
    const text = await textOf(this.#dropped);
    const [dropped, total] = numbers(text);
    return { dropped, total, text };
  }

  /** What the Export step says the last export of rows dropped (and how many rows the file holds), or null. */
  async exportDropped(): Promise<(Dropped & { written: number }) | null> {
    await showStep(this.page, 'export');
    if (!(await this.#exportDropped.isVisible())) return null;
    const text = await textOf(this.#exportDropped);
    const n = numbers(text);
    return { dropped: n[0], total: n[1], written: n[n.length - 1], text };
  }
}
