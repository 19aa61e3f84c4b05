/**
 * Layer by layer, in the Train step's "Customise": suggest a size and adopt it, train layer 1,
 * add a layer, retrain the top one, finish with the top prior, fine-tune; and read the layers
 * so far, the size ranking, the headroom view and the log-likelihood before and after
 * fine-tuning. Each action waits until its stage has ended, and fails saying why when the app
 * shows an error instead.
 */
import { expect, type Locator } from '@playwright/test';
import { readTable, StepPage, textOf, type Table } from './base.js';

/** How long a stage may take (epochs are kept tiny by the specs). */
const STAGE_TIMEOUT = 120_000;

export interface SizeRanking {
  /** Units of each size tried, best bound first. */
  units: number[];
  /** "Suggested: 8 units (…)" and why, as shown. */
  recommended: string;
}

export interface HeadroomShown {
  /** Layers in the view. */
  layers: number;
  /** Whether it shows a finished model's log-likelihood reached. */
  complete: boolean;
  /** Which layers or model it describes, as shown. */
  source: string;
  /** Its data table (the chart's numbers). */
  table: Table;
}

export class LayerByLayer extends StepPage {
  protected readonly step = 'train';
  readonly #customise = this.page.getByTestId('customise');
  readonly #allEpochs = this.page.getByTestId('epochs-input');
  readonly #panel = this.page.getByTestId('staged-panel');
  readonly #units = this.page.getByTestId('staged-units');
  readonly #method = this.page.getByTestId('staged-method');
  readonly #epochs = this.page.getByTestId('staged-epochs');
  readonly #status = this.page.getByTestId('stage-status');
  readonly #error = this.page.getByTestId('error-banner');
  readonly #suggest = this.page.getByTestId('suggest-size');
  readonly #headroom = this.page.getByTestId('headroom');
  readonly #fineTune = this.page.getByTestId('finetune-step');

  /** Opens the Train step's "Customise" (once the set-up for the data is shown) and its layer-by-layer panel. */
  async open(): Promise<void> {
    await this.show();
    await this.page.getByTestId('start-training').waitFor();
    if (!(await this.#customise.evaluate((el) => (el as HTMLDetailsElement).open)))
      await this.#customise.locator(':scope > summary').click();
    await this.#panel.waitFor();
  }

  /** Every layer and the top prior train for `epochs` epochs (the Customise setting). */
  async setAllEpochs(epochs: number): Promise<void> {
    await this.open();
    await this.#allEpochs.fill(String(epochs));
    await this.#allEpochs.press('Tab');
  }

  /** The next layer's settings (what is not given stays). */
  async setLayer({ units, method, epochs }: { units?: number; method?: string; epochs?: number }): Promise<void> {
    await this.open();
    if (units !== undefined) await this.#units.fill(String(units));
    if (method !== undefined) await this.#method.selectOption(method);
    if (epochs !== undefined) await this.#epochs.fill(String(epochs));
  }

  /** The size the next layer is set to. */
  async layerUnits(): Promise<number> {
    return Number(await this.#units.inputValue());
  }

  /** Runs "Suggest a size" (within `seconds`, when given) and waits for its ranking. */
  async suggestSize({ seconds }: { seconds?: number } = {}): Promise<SizeRanking> {
    await this.open();
    if (seconds !== undefined) await this.#suggest.getByTestId('suggest-budget').fill(String(seconds));
    await this.#suggest.getByTestId('suggest-button').click();
    await this.#waitForStatus(/Sizes tried/);
    return this.sizeRanking();
  }

  async sizeRanking(): Promise<SizeRanking> {
    const { rows } = await readTable(this.#suggest.getByTestId('suggest-ranking'));
    const recommended = this.#suggest.getByTestId('suggest-recommended').locator('p').first();
    return { units: rows.map((r) => Number(r[1])), recommended: await textOf(recommended) };
  }

  /** Adopts the suggested size for layer 1; what the app then says. */
  async adoptSuggestion(): Promise<string> {
    await this.#suggest.getByTestId('suggest-adopt').click();
    return textOf(this.#suggest.getByTestId('suggest-adopted'));
  }

  async trainFirstLayer(): Promise<void> {
    await this.#stage('staged-first', /Layer 1 trained/);
  }

  /** Adds a layer on top and waits until it is trained. */
  async addLayer(): Promise<void> {
    const n = (await this.stackLayers()).rows.length;
    await this.#stage('staged-add', new RegExp(`Layer ${n + 1} trained`));
  }

  async retrainTopLayer(): Promise<void> {
    const n = (await this.stackLayers()).rows.length;
    await this.#stage('staged-retrain', new RegExp(`Layer ${n} trained`));
  }

  /** Finishes with the top prior; the name of the model it made. */
  async finish(): Promise<string> {
    await this.#stage('staged-finish', /Finished: .+ is in the project/);
    return (await textOf(this.#status)).replace(/^Finished: (.+) is in the project\.$/, '$1');
  }

  /** Fine-tunes the selected model for `epochs` epochs; the name of the model it made. */
  async fineTune(epochs: number): Promise<string> {
    await this.open();
    await this.#fineTune.getByTestId('finetune-step-epochs').fill(String(epochs));
    await this.#stage('finetune-step-button', /Fine-tuned: .+ is in the project/);
    return (await textOf(this.#status)).replace(/^Fine-tuned: (.+) is in the project\.$/, '$1');
  }

  /** The log-likelihood before and after fine-tuning, as shown. */
  async fineTuneFigures(): Promise<{ before: string; after: string }> {
    await this.open();
    return {
      before: await textOf(this.#fineTune.getByTestId('finetune-before')),
      after: await textOf(this.#fineTune.getByTestId('finetune-after')),
    };
  }

  /** The layers so far: units, method, bound so far, what each added. */
  async stackLayers(): Promise<Table> {
    await this.open();
    const table = this.#panel.getByTestId('stack-layers');
    if (!(await table.isVisible())) return { header: [], rows: [] };
    return readTable(table);
  }

  async headroom(): Promise<HeadroomShown> {
    await this.open();
    await this.#headroom.waitFor();
    return {
      layers: Number(await this.#headroom.getAttribute('data-layers')),
      complete: (await this.#headroom.getAttribute('data-complete')) === 'true',
      source: await textOf(this.#headroom.getByTestId('headroom-source')),
      table: await readTable(this.#headroom.getByTestId('chart-table')),
    };
  }

  /** Clicks a stage's button and waits until the status says it ended as `done`. */
  async #stage(button: string, done: RegExp): Promise<void> {
    await this.open();
    await this.#button(button).click();
    await this.#waitForStatus(done);
  }

  #button(testid: string): Locator {
    return this.#panel.getByTestId(testid);
  }

  async #waitForStatus(done: RegExp): Promise<void> {
    await expect
      .poll(
        async () => {
          if (await this.#error.isVisible()) throw new Error(`the stage failed: ${await textOf(this.#error)}`);
          return textOf(this.#status);
        },
        { timeout: STAGE_TIMEOUT },
      )
      .toMatch(done);
  }
}
