/**
 * The models of a project compared, in the Train step: training a model with a chosen method
 * in every layer (under "Customise"), the comparison table as the user reads it, the verdict
 * AERIes against stacked RBMs, the chart of log-likelihoods with its data table, and using
 * another model for Samples and Export.
 */
import { expect } from '@playwright/test';
import { readTable, StepPage, textOf } from './base.js';

/** A row of the comparison, as shown. */
export interface ComparedModel {
  name: string;
  methods: string;
  sizes: string;
  train: string;
  valid: string;
  test: string;
  /** One line per layer: "Layer 1: -12.345 exact (validation)". */
  bounds: string[];
  time: string;
  outOfDate: boolean;
  inUse: boolean;
}

/** The chart of log-likelihoods: how many models and series it draws, whether it was drawn, and its data table. */
export interface ComparisonChart {
  models: number;
  series: number;
  drawn: boolean;
  table: { header: string[]; rows: string[][] };
}

export type LayerMethod = 'aeries' | 'ae' | 'rbm' | 'blm-exact';

export class ModelsPanel extends StepPage {
  protected readonly step = 'train';
  readonly #panel = this.page.getByTestId('models-compare');
  readonly #table = this.page.getByTestId('compare-table');
  readonly #verdict = this.page.getByTestId('compare-verdict');
  readonly #chart = this.page.getByTestId('compare-chart');
  readonly #customise = this.page.getByTestId('customise');
  readonly #epochs = this.page.getByTestId('epochs-input');
  readonly #start = this.page.getByTestId('start-training');
  readonly #status = this.page.getByTestId('training-status');

  /** Starts a run with `method` in every layer (Customise → method per layer) and `epochs` epochs. */
  async trainWith(method: LayerMethod, epochs: number, layers?: number): Promise<void> {
    await this.show();
    await this.#start.waitFor();
    if (!(await this.#customise.evaluate((el) => (el as HTMLDetailsElement).open)))
      await this.#customise.locator(':scope > summary').click();
    const methods = this.page.locator('[data-testid^="layer-method-"]');
    // The defaults may give fewer layers than asked (one layer under a table prior): add some.
    while (layers !== undefined && (await methods.count()) < layers)
      await this.page.getByRole('button', { name: 'Add a layer' }).click();
    for (let i = 0; i < (await methods.count()); i++) await methods.nth(i).selectOption(method);
    await this.#epochs.fill(String(epochs));
    await this.#epochs.press('Tab');
    // The status may already say "done" (the run before), and a tiny run may end at once: the
    // run has begun when the status leaves what it said, or when the project has one more model.
    const before = { state: await this.#status.getAttribute('data-state'), models: await this.#modelCount() };
    await this.#start.click();
    await expect
      .poll(
        async () =>
          (await this.#status.getAttribute('data-state')) !== before.state ||
          (await this.#modelCount()) > before.models,
      )
      .toBe(true);
  }

  async #modelCount(): Promise<number> {
    return this.#table.locator('tbody tr').count();
  }

  /** Whether the comparison is shown (once the project has a model). */
  async shown(): Promise<boolean> {
    await this.show();
    return this.#panel.isVisible();
  }

  /** Every model of the project, one row each, in order. */
  async compared(): Promise<ComparedModel[]> {
    await this.show();
    await this.#table.waitFor();
    const { header, rows } = await readTable(this.#table);
    const names = await this.#table.locator('tbody th').evaluateAll((cells) =>
      cells.map((c) => ({
        name: (c.firstChild?.textContent ?? '').trim(),
        outOfDate: c.querySelector('[data-testid="compare-stale"]') !== null,
      })),
    );
    const bounds = await this.#table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('.bounds li'), (li) => li.textContent!.trim())),
      );
    // Without a quality column: methods, sizes, train, valid, test, bounds, time, use.
    expect(header.length).toBeGreaterThanOrEqual(9);
    return rows.map((cells, i) => ({
      name: names[i].name,
      methods: cells[0],
      sizes: cells[1],
      train: cells[2],
      valid: cells[3],
      test: cells[4],
      bounds: bounds[i],
      time: cells[6],
      outOfDate: names[i].outOfDate,
      inUse: cells[cells.length - 1] === 'In use',
    }));
  }

  /** What changed since each out-of-date model was trained, as its row says. */
  async staleChanges(): Promise<string[]> {
    await this.show();
    return (await this.#table.getByTestId('compare-stale-changes').allTextContents()).map((t) => t.trim());
  }

  /** The one-line verdict AERIes against stacked RBMs, or null when there is none. */
  async verdict(): Promise<string | null> {
    await this.show();
    return (await this.#verdict.isVisible()) ? textOf(this.#verdict) : null;
  }

  async chart(): Promise<ComparisonChart> {
    await this.show();
    await this.#chart.waitFor();
    const drawn = await this.#chart
      .locator('canvas')
      .evaluate((c) => (c as HTMLCanvasElement).width > 0 && c.getAttribute('style') !== null);
    const table = await readTable(this.#panel.getByTestId('chart-table'));
    return {
      models: Number(await this.#chart.getAttribute('data-models')),
      series: Number(await this.#chart.getAttribute('data-series')),
      drawn,
      table,
    };
  }

  /** Saves a picture of the comparison (for the README). */
  async screenshot(path: string): Promise<void> {
    await this.show();
    // At the top of the window, clear of the step's footer bar.
    await this.#panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await this.#panel.screenshot({ path });
  }

  /** Uses the model `name` for Samples and Export, and waits until it is the one in use. */
  async use(name: string): Promise<void> {
    await this.show();
    await this.page.getByRole('button', { name: `Use ${name} for Samples and Export` }).click();
    await expect(this.#table.locator('tbody tr[aria-current="true"] th')).toContainText(name);
  }
}
