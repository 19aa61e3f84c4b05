/**
 * The privacy evidence of a project's selected model and dropping generated rows too close to
 * a real one. The real rows are those the model was trained on (its subset's training rows)
 * and the rows it never saw (its test rows, else its validation rows: the held-out rows). One
 * evidence run at a time, with `privacy.progress` events and a cancel.
 */
import type { ServerEvent } from '../../shared/contract.js';
import type { RowTable } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import type { PrivacyEvidence } from '../../shared/domain/privacy.js';
import type { GenerationNotes } from '../../shared/domain/project.js';
import type { Dataset, Subset } from '../data/index.js';
import { privacyEvidence, tooCloseFilter, type TooCloseFilter } from '../evidence/index.js';
import type { ModelEntry } from './project/project.js';

const PROGRESS_EVERY_MS = 200;

/** The rows of a dataset at `rows`, all columns. */
export function rowsAt(dataset: Dataset, rows: ArrayLike<number>): RowTable {
  const header = dataset.info.columns.map((c) => c.name);
  return { header, rows: Array.from(rows, (r) => dataset.cells.map((col) => col[r])) };
}

/** The real rows a model's privacy is judged against: what it trained on, and what it never saw. */
export function realRowsOf(trainedOn: Subset | null): { training: RowTable; holdout: RowTable; subset: Subset } {
  if (!trainedOn) throw new AppError('privacy.noRealRows');
  const held = trainedOn.test.length > 0 ? trainedOn.test : trainedOn.valid;
  const { dataset } = trainedOn;
  return { training: rowsAt(dataset, trainedOn.train), holdout: rowsAt(dataset, held), subset: trainedOn };
}

/** The selected model as the privacy evidence reads it (see `selectedSource`). */
export interface PrivacySource {
  entry: Pick<ModelEntry, 'trainedOn' | 'record' | 'encoding'>;
  /** Its notes: what changed since it was trained, the columns its rows leave out now. */
  notes: GenerationNotes;
}

export class PrivacyRuns {
  private running: AbortController | null = null;

  /** `current`: the project's subset now (the rows of a reopened project's unchanged model). */
  constructor(
    private readonly emit: (event: ServerEvent) => void,
    private readonly current: () => Subset | null,
  ) {}

  /**
   * The rows a model trained on: kept since it was trained, or, for a model of a reopened
   * project, the project's subset when nothing changed since (same file, columns and subset).
   */
  trainedOn(source: PrivacySource): Subset | null {
    if (source.entry.trainedOn) return source.entry.trainedOn;
    return source.notes.stale === null && source.entry.record.lineage ? this.current() : null;
  }

  /**
   * The filter dropping generated rows (without the columns left out) at distance ≤ `threshold`
   * from a training row; null: none.
   */
  dropFilter(source: PrivacySource, threshold: number | null | undefined): TooCloseFilter | null {
    if (threshold === null || threshold === undefined) return null;
    const { training, subset } = realRowsOf(this.trainedOn(source));
    const { encoding } = source.entry;
    const header = encoding.header.filter((name) => !source.notes.omitted.includes(name));
    return tooCloseFilter(encoding, header, training, subset.dataset.info.options.missingTokens, threshold);
  }

  /** The evidence of the rows `generate` gives (the selected model's for `seed`). */
  async run(
    source: PrivacySource,
    generate: () => Promise<{ table: RowTable }>,
    seed: number,
  ): Promise<PrivacyEvidence> {
    if (this.running) throw new AppError('busy', { what: 'privacy check' });
    const controller = new AbortController();
    this.running = controller;
    try {
      const { training, holdout, subset } = realRowsOf(this.trainedOn(source));
      const generated = (await generate()).table;
      if (controller.signal.aborted) throw new AppError('cancelled');
      const { dataset } = subset;
      let last = 0;
      const onProgress = (done: number, total: number) => {
        const now = Date.now();
        if (done < total && now - last < PROGRESS_EVERY_MS) return;
        last = now;
        this.emit({ type: 'privacy.progress', done, total });
      };
      const input = {
        encoding: source.entry.encoding,
        generated,
        training,
        holdout,
        realCells: (name: string) => dataset.cells[dataset.info.columns.findIndex((c) => c.name === name)] ?? [],
        fileMissingTokens: dataset.info.options.missingTokens,
        seed,
      };
      return await privacyEvidence(input, { signal: controller.signal, onProgress });
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
