/**
 * The Train step: set the run up, start it, follow it (state, chart points) and read what each
 * layer buys.
 */
import { expect } from '@playwright/test';
import { readTable, StepPage, textOf } from './base.js';

export interface TrainingStatus {
  /** idle, running, paused, cancelled, done or failed. */
  state: string;
  /** The state as shown ("Done", "完了"…). */
  label: string;
  /** The progress line beside it: stage, epoch, criterion, speed, time left. */
  progress: string;
}

/** A row of the layer results, as shown. */
export interface LayerResult {
  layer: string;
  units: string;
  method: string;
  epochs: string;
  boundTrain: string;
  boundValid: string;
  time: string;
}

export class TrainStep extends StepPage {
  protected readonly step = 'train';
  readonly #epochs = this.page.getByTestId('epochs-input');
  readonly #customise = this.page.getByTestId('customise');
  readonly #start = this.page.getByTestId('start-training');
  readonly #status = this.page.getByTestId('training-status');
  readonly #chart = this.page.getByTestId('training-chart');
  readonly #results = this.page.getByTestId('layer-results');
  readonly #error = this.page.getByTestId('error-banner');
  readonly #cancel = this.page.getByTestId('cancel-training');

  /** Opens the step and waits until the set-up for this data is shown (with its train button). */
  async waitForSetup(): Promise<void> {
    await this.show();
    await this.#start.waitFor();
  }

  /** Starts training with the default set-up, changing what is given, and waits until the run has begun. */
  async train({ epochs }: { epochs?: number } = {}): Promise<void> {
    await this.show();
    // The set-up (and the start button) appears once the defaults for this data are loaded.
    await this.#start.waitFor();
    if (epochs !== undefined) {
      await this.#openCustomise();
      await this.#epochs.fill(String(epochs));
      await this.#epochs.press('Tab');
    }
    await this.#start.click();
    await expect(this.#status).not.toHaveAttribute('data-state', 'idle');
  }

  /** Waits for the run to end, and fails saying how when it did not end done. */
  async waitForTrainingDone({ timeout = 180_000 }: { timeout?: number } = {}): Promise<void> {
    await this.show();
    await expect(this.#status).toHaveAttribute('data-state', /^(done|cancelled|failed)$/, { timeout });
    const { state, progress } = await this.trainingStatus();
    const error = (await this.#error.isVisible()) ? ` (${await textOf(this.#error)})` : '';
    if (state !== 'done') throw new Error(`training ended ${state}: ${progress}${error}`);
  }

  async trainingStatus(): Promise<TrainingStatus> {
    await this.show();
    return {
      state: (await this.#status.getAttribute('data-state')) ?? '',
      label: await textOf(this.#status.locator('.pill')),
      progress: await textOf(this.#status.locator('.muted')),
    };
  }

  /** How many points (one per epoch and stage) the live chart has drawn so far. */
  async chartPoints(): Promise<number> {
    await this.show();
    return Number(await this.#chart.getAttribute('data-points'));
  }

  /** Cancels the run in progress and waits until it has stopped. */
  async cancel(): Promise<void> {
    await this.show();
    await this.#cancel.click();
    await expect(this.#status).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });
  }

  /** Whether any layer results are shown (none before a model is trained). */
  async hasLayerResults(): Promise<boolean> {
    await this.show();
    return this.#results.isVisible();
  }

  /** One row per trained layer (waits for the first). */
  async layerResults(): Promise<LayerResult[]> {
    await this.show();
    await this.#results.waitFor();
    const { rows } = await readTable(this.#results);
    // Each row starts with its header cell ("Layer 1"), which readTable leaves out.
    const layers = await this.#results.locator('tbody th').allTextContents();
    return rows.map(([units, method, epochs, boundTrain, boundValid, time], i) => ({
      layer: layers[i].trim(),
      units,
      method,
      epochs,
      boundTrain,
      boundValid,
      time,
    }));
  }

  /** Unfolds "Customise the model" (the layer table and every setting), unless it is open. */
  async #openCustomise(): Promise<void> {
    if (!(await this.#customise.evaluate((el) => (el as HTMLDetailsElement).open)))
      await this.#customise.locator(':scope > summary').click();
  }
}
