/**
 * The project: its bar in the header (name, saved or not, the models with the out-of-date ones
 * marked, save, open), the question "save the current project first?", the notices of the
 * steps (a model out of date, data not loaded) and locating a reopened project's data.
 */
import { expect, type Page } from '@playwright/test';
import { answerOpen, answerSave } from './dialogs.js';
import { showStep, textOf, type Target } from './base.js';

/** How to answer "Save the current project first?" when the app asks it. */
export type SaveAnswer = 'save' | 'discard' | 'cancel';

export interface ModelEntry {
  name: string;
  outOfDate: boolean;
  shown: boolean;
}

export class ProjectBar {
  readonly #name;
  readonly #status;
  readonly #bar;
  readonly #models;
  readonly #save;
  readonly #open;
  readonly #prompt;
  readonly #stale;
  readonly #dataMissing;
  readonly #locate;

  constructor(
    private readonly page: Page,
    private readonly target: Target,
  ) {
    this.#bar = page.getByTestId('project-bar');
    this.#name = page.getByTestId('project-name');
    this.#status = page.getByTestId('project-status');
    this.#models = page.getByTestId('model-select');
    this.#save = page.getByTestId('project-save');
    this.#open = page.getByTestId('project-open');
    this.#prompt = page.getByTestId('save-prompt');
    this.#stale = page.getByTestId('stale-banner');
    this.#dataMissing = page.getByTestId('data-missing');
    this.#locate = page.getByTestId('locate-data');
  }

  async name(): Promise<string> {
    return textOf(this.#name);
  }

  /** "not saved", "saved", "autosaved at …" or nothing. */
  async status(): Promise<string> {
    return textOf(this.#status);
  }

  /** Whether the project has work that is not saved (the app will ask before replacing it). */
  async hasUnsavedWork(): Promise<boolean> {
    return (await this.#bar.getAttribute('data-unsaved')) === 'true';
  }

  /** The models of the project, in order, the out-of-date ones marked. */
  async models(): Promise<ModelEntry[]> {
    if ((await this.#models.count()) === 0) return [];
    return this.#models.evaluate((select) =>
      Array.from((select as HTMLSelectElement).options, (o) => ({
        name: (o.textContent ?? '').replace(/\s+/g, ' ').trim().split(' — ')[0],
        outOfDate: (o.textContent ?? '').includes(' — '),
        shown: o.selected,
      })),
    );
  }

  /** Saves the project; returns the saved file (a download in the browser, the save dialog in Electron). */
  async save(): Promise<string> {
    return answerSave(
      this.page,
      this.target,
      () => this.#save.click(),
      () => expect(this.#status).toHaveText('saved'),
    );
  }

  /** Opens a project or model file (another project than the one shown), answering the save question with `answer` when asked. */
  async open(path: string, answer: SaveAnswer = 'discard'): Promise<void> {
    const before = (await this.#bar.getAttribute('data-project')) ?? '';
    await answerOpen(this.page, this.target, path, async () => {
      await this.clickAnswering(() => this.#open.click(), answer);
    });
    // The project shown is the one opened (another project id), once it is read and its models loaded.
    await expect(this.#bar).not.toHaveAttribute('data-project', before, { timeout: 60_000 });
    await expect(this.#prompt).toBeHidden();
  }

  /**
   * Runs `click` on something that replaces the project; when the project has unsaved work the
   * app asks first, and the question is answered with `answer`. Returns whether it was asked.
   */
  async clickAnswering(click: () => Promise<void>, answer: SaveAnswer): Promise<boolean> {
    const asks = await this.hasUnsavedWork();
    await click();
    if (!asks) return false;
    await this.#prompt.waitFor();
    await this.page.getByTestId(`save-prompt-${answer}`).click();
    await expect(this.#prompt).toBeHidden();
    return true;
  }

  /** The notice that the shown model is out of date (Train, Samples, Export), or null. */
  async staleNotice(step: 'train' | 'samples' | 'export'): Promise<string | null> {
    await showStep(this.page, step);
    return (await this.#stale.isVisible()) ? textOf(this.#stale) : null;
  }

  /** The notice that the project's data is not loaded (Data step), or null. */
  async dataNotice(): Promise<string | null> {
    await showStep(this.page, 'data');
    return (await this.#dataMissing.isVisible()) ? textOf(this.#dataMissing) : null;
  }

  /** Picks the reopened project's data again and waits until it is loaded. */
  async locateData(path: string): Promise<void> {
    await showStep(this.page, 'data');
    await answerOpen(this.page, this.target, path, () => this.#locate.click());
    await expect(this.#dataMissing).toBeHidden({ timeout: 60_000 });
  }
}
