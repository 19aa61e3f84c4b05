/**
 * The Subset step: segment the rows by one to three categorical columns, keep the most frequent
 * segments up to a coverage, optionally draw a sample, apply, and read the result.
 */
import { expect } from '@playwright/test';
import { readTable, StepPage, textOf } from './base.js';

/** A row of the segment table, as shown (counts and shares in the UI language's digits). */
export interface Segment {
  /** The segment's values, joined by " · " when there are several columns. */
  segment: string;
  count: string;
  share: string;
  kept: boolean;
}

/** A column offered to segment the rows by. */
export interface SegmentColumn {
  name: string;
  /** How many distinct values it has (shown beside its name). */
  distinct: number;
}

/** What the applied subset holds. */
export interface SubsetResult {
  /** "N rows kept, M outside …" */
  kept: string;
  /** Where the rows were drawn from, when the file is larger than memory; otherwise null. */
  fromFile: string | null;
}

/** How long a pass over the whole file (counting segments, drawing the subset) may take. */
const READ_TIMEOUT = 60_000;

export class SubsetStep extends StepPage {
  protected readonly step = 'subset';
  readonly #columnSelect = this.page.getByTestId('segment-column');
  readonly #table = this.page.getByTestId('segment-table');
  readonly #wholeFile = this.page.getByTestId('segments-whole-file');
  readonly #coverage = this.page.getByTestId('coverage-input');
  readonly #sampleRows = this.page.getByTestId('sample-rows-input');
  readonly #apply = this.page.getByTestId('apply-subset');
  readonly #summary = this.page.getByTestId('subset-summary');
  readonly #fromFile = this.page.getByTestId('subset-from-file');

  /** The columns the rows can be segmented by, with their numbers of distinct values. */
  async segmentColumns(): Promise<SegmentColumn[]> {
    return (await this.#options()).map(({ name, distinct }) => ({ name, distinct }));
  }

  /**
   * Segments the rows by `columns` (names), waits for the segment table (counted over the whole
   * file when it is larger than memory), then keeps the most frequent segments up to `coverage` %.
   */
  async chooseSegments(columns: string[], { coverage }: { coverage?: number } = {}): Promise<void> {
    const options = await this.#options();
    const values = columns.map((name) => {
      const option = options.find((o) => o.name === name);
      if (!option) throw new Error(`no segment column called "${name}" (offered: ${options.map((o) => o.name)})`);
      return option.value;
    });
    await this.#columnSelect.selectOption(values);
    await this.#table.waitFor({ timeout: READ_TIMEOUT });
    await expect(this.#apply).toBeEnabled({ timeout: READ_TIMEOUT });
    if (coverage !== undefined) {
      await this.#coverage.fill(String(coverage));
      await this.#coverage.press('Enter');
    }
  }

  /** The segments of the chosen columns, most frequent first. */
  async segmentTable(): Promise<Segment[]> {
    await this.show();
    const { rows } = await readTable(this.#table);
    const kept = await this.#table
      .locator('tbody input[type="checkbox"]')
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked));
    return rows.map(([, segment, count, share], i) => ({ segment, count, share, kept: kept[i] }));
  }

  /** The note saying the segments were counted over the whole file, or null when it is not shown. */
  async segmentsCountedOver(): Promise<string | null> {
    await this.show();
    return (await this.#wholeFile.isVisible()) ? textOf(this.#wholeFile) : null;
  }

  /** Applies the subset (with a sample of `sampleRows` rows when given) and waits for its summary. */
  async applySubset({ sampleRows }: { sampleRows?: number } = {}): Promise<void> {
    await this.show();
    if (sampleRows !== undefined) await this.#sampleRows.fill(String(sampleRows));
    await this.#apply.click();
    await this.#summary.waitFor({ timeout: READ_TIMEOUT });
    await expect(this.#apply).toBeEnabled({ timeout: READ_TIMEOUT });
  }

  async subsetResult(): Promise<SubsetResult> {
    await this.show();
    await this.#summary.waitFor();
    return {
      kept: await textOf(this.#summary.locator('p').first()),
      fromFile: (await this.#fromFile.isVisible()) ? await textOf(this.#fromFile) : null,
    };
  }

  async #options(): Promise<(SegmentColumn & { value: string })[]> {
    await this.show();
    return this.#columnSelect.locator('option').evaluateAll((options) =>
      options.map((o) => {
        // Shown as "name (distinct values)".
        const [, name, distinct] = /^(.*) \((\d+)\)$/s.exec((o.textContent ?? '').trim()) ?? [];
        return { name, distinct: Number(distinct), value: (o as HTMLOptionElement).value };
      }),
    );
  }
}
