/**
 * The accessibility check of what is on screen: axe-core's rules on the whole page, keeping
 * the violations a user of assistive technology is blocked by (impact serious or critical),
 * each with the elements it was found on, and the help panel opened from the header.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** A rule the page breaks, and where. */
export interface Violation {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the elements that break it. */
  elements: string[];
}

export class Accessibility {
  readonly #openHelp;
  readonly #closeHelp;
  readonly #panel;

  constructor(private readonly page: Page) {
    this.#openHelp = page.getByTestId('open-help');
    this.#closeHelp = page.getByTestId('close-help');
    this.#panel = page.getByTestId('help-panel');
  }

  /** Serious and critical violations of axe-core's rules on the page as it is now. */
  async violations(): Promise<Violation[]> {
    const result = await new AxeBuilder({ page: this.page }).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        elements: v.nodes.map((n) => n.target.join(' ')),
      }));
  }

  /** Opens the help panel from the header and waits for it. */
  async openHelp(): Promise<void> {
    await this.#openHelp.click();
    await this.#panel.waitFor();
  }

  /** The help panel's text (headings and paragraphs), whitespace collapsed. */
  async helpText(): Promise<string> {
    return ((await this.#panel.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  async closeHelp(): Promise<void> {
    await this.#closeHelp.click();
    await this.#panel.waitFor({ state: 'detached' });
  }
}
