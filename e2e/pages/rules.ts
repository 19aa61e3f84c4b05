/**
 * Page object of the Data step's rules panel: the rules found in the data as the user reads
 * them (each one's key, its words, whether it is kept) and unticking one. Selectors stay here.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { showStep, type Target } from './base.js';

export interface ShownRule {
  key: string;
  text: string;
  kept: boolean;
}

export class RulesPanel {
  readonly #page: Page;
  readonly #panel: Locator;

  constructor(page: Page, _target: Target) {
    this.#page = page;
    this.#panel = page.getByTestId('rules-panel');
  }

  /** The rules shown, once the panel has found them. */
  async rules(): Promise<ShownRule[]> {
    await showStep(this.#page, 'data');
    const items = this.#panel.getByTestId('rule');
    await expect(items.first()).toBeVisible({ timeout: 30_000 });
    const shown: ShownRule[] = [];
    for (const item of await items.all())
      shown.push({
        key: (await item.getAttribute('data-key')) ?? '',
        text: (await item.getByTestId('rule-text').innerText()).trim(),
        kept: await item.getByTestId('rule-keep').isChecked(),
      });
    return shown;
  }

  /** Unticks a rule (by its key): it is no longer kept in generated rows. */
  async untick(key: string): Promise<void> {
    await showStep(this.#page, 'data');
    const box = this.#panel.locator(`[data-testid="rule"][data-key="${key}"]`).getByTestId('rule-keep');
    await box.uncheck();
    await expect(box).not.toBeChecked();
    await expect(this.#panel.getByTestId('rules-kept')).toBeVisible();
  }

  /** A picture of the panel alone (for the documentation). */
  async screenshot(path: string): Promise<void> {
    await this.#panel.screenshot({ path });
  }
}
