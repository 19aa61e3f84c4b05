/**
 * The privacy evidence of a project's model and dropping generated rows too close to a real
 * one. The real rows are those the model was trained on (its subset's training rows) and the
 * rows it never saw (its test rows, else its validation rows: the held-out rows). One evidence
 * run at a time, with `privacy.progress` events and a cancel.
 */
import type { ServerEvent } from '../../shared/contract.js';
import type { RowTable } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import type { PrivacyEvidence } from '../../shared/domain/privacy.js';
import type { Dataset, Subset } from '../data/index.js';
import { privacyEvidence, tooCloseFilter, type TooCloseFilter } from '../evidence/index.js';
import type { EncodingSpec } from '../data/index.js';

const PROGRESS_EVERY_MS = 200;

/** The rows of a dataset at `rows`, all columns. */
export function rowsAt(dataset: Dataset, rows: ArrayLike<number>): RowTable {
  const header = dataset.info.columns.map((c) => c.name);
  return { header, rows: Array.from(rows as ArrayLike<number>, (r) => dataset.cells.map((col) => col[r])) };
}

/** The real rows a model's privacy is judged against: what it trained on, and what it never saw. */
export function realRowsOf(trainedOn: Subset | null): { training: RowTable; holdout: RowTable; subset: Subset } {
  if (!trainedOn) throw new AppError('privacy.noRealRows');
  const held = trainedOn.test.length > 0 ? trainedOn.test : trainedOn.valid;
  const { dataset } = trainedOn;
  return { training: rowsAt(dataset, trainedOn.train), holdout: rowsAt(dataset, held), subset: trainedOn };
}

/** The filter dropping rows at distance ≤ `threshold` from a training row (null: none). */
export function dropFilter(
  trainedOn: Subset | null,
  encoding: EncodingSpec,
  header: readonly string[],
  threshold: number | null,
): TooCloseFilter | null {
  if (threshold === null) return null;
  const { training, subset } = realRowsOf(trainedOn);
  return tooCloseFilter(encoding, header, training, subset.dataset.info.options.missingTokens, threshold);
}

/** The privacy evidence of one project: one run at a time, cancellable. */
export class PrivacyRuns {
  private running: AbortController | null = null;

  constructor(private readonly emit: (event: ServerEvent) => void) {}

  async run(
    model: { trainedOn: Subset | null; encoding: EncodingSpec; generate: () => Promise<RowTable> },
    seed: number,
  ): Promise<PrivacyEvidence> {
    if (this.running) throw new AppError('busy', { what: 'privacy check' });
    const controller = new AbortController();
    this.running = controller;
    try {
      const { training, holdout, subset } = realRowsOf(model.trainedOn);
      const generated = await model.generate();
      if (controller.signal.aborted) throw new AppError('cancelled');
      const { dataset } = subset;
      let last = 0;
      return await privacyEvidence(
        {
          encoding: model.encoding,
          generated,
          training,
          holdout,
          realCells: (name) => dataset.cells[dataset.info.columns.findIndex((c) => c.name === name)] ?? [],
          fileMissingTokens: dataset.info.options.missingTokens,
          seed,
        },
        {
          signal: controller.signal,
          onProgress: (done, total) => {
            const now = Date.now();
            if (done < total && now - last < PROGRESS_EVERY_MS) return;
            last = now;
            this.emit({ type: 'privacy.progress', done, total });
          },
        },
      );
    } finally {
      if (this.running === controller) this.running = null;
    }
  }

  cancel(): boolean {
    const running = this.running;
    running?.abort();
    this.running = null;
    return running !== null;
  }
}
