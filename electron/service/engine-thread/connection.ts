/**
 * One engine thread: starts the worker, waits for its backend, sends validated requests and
 * matches the replies, hands progress messages on, and fails every pending request when the
 * thread stops. `EngineClient` holds one at a time and replaces it when the engine breaks.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorPayload } from '../../../shared/domain/errors.js';
import { FromWorker, type ToWorker } from './protocol.js';

type Pending = { resolve: (m: FromWorker) => void; reject: (e: AppError) => void };
export type Distribute<T> = T extends unknown ? Omit<T, 'requestId'> : never;
/** Events of a run: an epoch, a layer trained, a candidate of "Suggest a size" trained. */
export type Progress = Extract<FromWorker, { type: 'epoch' | 'layer' | 'candidate' }>;

/** Test only: a fault the worker simulates (see worker.ts). */
export type TestFault = 'poison';

/** Where the worker's entry is: next to the bundle in a build, or the TypeScript source via tsx. */
function workerSpec(): { url: URL; workerData: Record<string, string> } {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    return { url: new URL('./boot.mjs', self), workerData: { __entry: new URL('./worker.ts', self).href } };
  }
  return { url: new URL('./engine-worker.js', self), workerData: {} };
}

export class EngineConnection {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  readonly ready: Promise<string>;
  private dead: ErrorPayload | null = null;

  constructor(onProgress: (m: Progress) => void, testFault?: TestFault) {
    const spec = workerSpec();
    this.worker = new Worker(spec.url, { workerData: { ...spec.workerData, ...(testFault ? { testFault } : {}) } });
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (raw: unknown) => {
        const parsed = FromWorker.safeParse(raw);
        if (!parsed.success) return;
        const m = parsed.data;
        if (m.type === 'ready') resolve(m.backend);
        else if (m.type === 'unavailable') {
          this.fail(m.error);
          reject(new AppError(m.error.code, m.error.params));
        } else return;
        this.worker.off('message', onMessage);
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', (err) => reject(new AppError('engine.workerFailed', { message: err.message })));
      this.worker.once('exit', (code) => reject(new AppError('engine.workerFailed', { message: `exit ${code}` })));
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (raw: unknown) => this.dispatch(raw, onProgress));
    this.worker.on('error', (err) => this.fail({ code: 'engine.workerFailed', params: { message: err.message } }));
    this.worker.on('exit', (code) => this.fail({ code: 'engine.workerFailed', params: { message: `exit ${code}` } }));
  }

  /** False once the thread has stopped (crashed, or terminated). */
  get alive(): boolean {
    return this.dead === null;
  }

  async request(message: Distribute<ToWorker>): Promise<FromWorker> {
    await this.ready;
    if (this.dead) throw new AppError(this.dead.code, this.dead.params);
    const requestId = this.nextId++;
    this.worker.ref();
    try {
      return await new Promise<FromWorker>((resolve, reject) => {
        this.pending.set(requestId, { resolve, reject });
        this.worker.postMessage({ ...message, requestId });
      });
    } finally {
      if (this.pending.size === 0) this.worker.unref();
    }
  }

  async terminate(reason: ErrorPayload = { code: 'cancelled', params: {} }): Promise<void> {
    this.fail(reason);
    await this.worker.terminate();
  }

  private dispatch(raw: unknown, onProgress: (m: Progress) => void): void {
    const parsed = FromWorker.safeParse(raw);
    if (!parsed.success) return;
    const m = parsed.data;
    switch (m.type) {
      case 'ready':
      case 'unavailable':
        return;
      case 'epoch':
      case 'layer':
      case 'candidate':
        onProgress(m);
        return;
      default: {
        const waiter = this.pending.get(m.requestId);
        if (!waiter) return;
        this.pending.delete(m.requestId);
        if (m.type === 'failed') waiter.reject(new AppError(m.error.code, m.error.params));
        else waiter.resolve(m);
      }
    }
  }

  private fail(error: ErrorPayload): void {
    if (this.dead) return;
    this.dead = error;
    for (const waiter of this.pending.values()) waiter.reject(new AppError(error.code, error.params));
    this.pending.clear();
  }
}
