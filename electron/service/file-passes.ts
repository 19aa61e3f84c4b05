/**
 * The one pass over a file a project runs at a time (import, segment count, subset draw), with
 * progress events tagged by phase: a newer pass supersedes the one running (which fails with
 * `data.importSuperseded`), and `data.cancelImport` stops it.
 */
import type { ServerEvent } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import type { PassHooks } from '../data/index.js';

export type PassPhase = 'import' | 'count' | 'draw';

export class FilePasses {
  private reading: AbortController | null = null;

  constructor(private readonly emit: (event: ServerEvent) => void) {}

  /** Runs one pass (progress tagged `phase`); one still running fails with `data.importSuperseded`. */
  async run<T>(phase: PassPhase, pass: (hooks: Required<PassHooks>) => Promise<T>): Promise<T> {
    this.reading?.abort(new AppError('data.importSuperseded'));
    const controller = new AbortController();
    this.reading = controller;
    try {
      return await pass({
        signal: controller.signal,
        onProgress: (p) => this.emit({ type: 'import.progress', phase, ...p }),
      });
    } catch (err) {
      throw controller.signal.reason instanceof AppError ? controller.signal.reason : err;
    } finally {
      if (this.reading === controller) this.reading = null;
    }
  }

  /** Stops the pass in progress; false when none runs. */
  cancel(): boolean {
    const running = this.reading;
    running?.abort();
    this.reading = null;
    return running !== null;
  }
}
