/**
 * The service's handle on the engine thread: starts the worker, sends validated requests,
 * matches replies to requests, forwards progress events, and drives pause/resume/cancel
 * through the shared control word (effective at the next mini-batch).
 */
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorPayload } from '../../../shared/domain/errors.js';
import type { EpochProgress, LayerResult, TrainConfig, TrainSummary } from '../../../shared/domain/model.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import type { TrainingSet } from '../../synthesizer/index.js';
import { CONTROL, FromWorker, type ToWorker } from './protocol.js';

export interface TrainListeners {
  onEpoch(progress: EpochProgress): void;
  onLayer(result: LayerResult): void;
}

type Pending = { resolve: (m: FromWorker) => void; reject: (e: AppError) => void };
type Distribute<T> = T extends unknown ? Omit<T, 'requestId'> : never;

/** Where the worker's entry is: next to the bundle in a build, or the TypeScript source via tsx. */
function workerSpec(): { url: URL; workerData?: Record<string, string> } {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    return {
      url: new URL('./boot.mjs', self),
      workerData: { __entry: new URL('./worker.ts', self).href },
    };
  }
  return { url: new URL('./engine-worker.js', self) };
}

export class EngineClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, TrainListeners>();
  private nextId = 1;
  private readonly ready: Promise<string>;
  private dead: ErrorPayload | null = null;

  constructor() {
    const spec = workerSpec();
    this.worker = new Worker(spec.url, { workerData: spec.workerData });
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
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (raw: unknown) => this.dispatch(raw));
    this.worker.on('error', (err) => this.fail({ code: 'engine.workerFailed', params: { message: err.message } }));
    this.worker.on('exit', (code) => this.fail({ code: 'engine.workerFailed', params: { message: `exit ${code}` } }));
  }

  /** The tfjs backend the engine runs on (waits for the worker to start). */
  backend(): Promise<string> {
    return this.ready;
  }

  async train(
    runId: string,
    request: { config: TrainConfig; set: TrainingSet; appVersion: string },
    control: SharedArrayBuffer,
    listeners: TrainListeners,
  ): Promise<TrainSummary> {
    this.listeners.set(runId, listeners);
    try {
      const reply = await this.request({ type: 'train', runId, control, ...request });
      if (reply.type !== 'trained') throw new AppError('internal', { message: `unexpected ${reply.type}` });
      return reply.summary;
    } finally {
      this.listeners.delete(runId);
    }
  }

  async sample(runId: string, rows: number, seed: number): Promise<EncodedData> {
    const reply = await this.request({ type: 'sample', runId, rows, seed });
    if (reply.type !== 'sampled') throw new AppError('internal', { message: `unexpected ${reply.type}` });
    return reply.data;
  }

  async modelFile(runId: string): Promise<Uint8Array> {
    const reply = await this.request({ type: 'modelFile', runId });
    if (reply.type !== 'modelFile') throw new AppError('internal', { message: `unexpected ${reply.type}` });
    return reply.bytes;
  }

  /** Keeps a model file's bytes on the engine thread under `runId` (a project or a model file opened by the user). */
  async load(runId: string, bytes: Uint8Array): Promise<void> {
    const reply = await this.request({ type: 'load', runId, bytes });
    if (reply.type !== 'loaded') throw new AppError('internal', { message: `unexpected ${reply.type}` });
  }

  static controlWord(): { buffer: SharedArrayBuffer; set(state: keyof typeof CONTROL): void } {
    const buffer = new SharedArrayBuffer(4);
    const word = new Int32Array(buffer);
    return { buffer, set: (state) => void Atomics.store(word, 0, CONTROL[state]) };
  }

  async dispose(): Promise<void> {
    this.dead = { code: 'cancelled', params: {} };
    await this.worker.terminate();
  }

  private async request(message: Distribute<ToWorker>): Promise<FromWorker> {
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

  private dispatch(raw: unknown): void {
    const parsed = FromWorker.safeParse(raw);
    if (!parsed.success) return;
    const m = parsed.data;
    switch (m.type) {
      case 'ready':
      case 'unavailable':
        return;
      case 'epoch':
        this.listeners.get(m.runId)?.onEpoch(m.progress);
        return;
      case 'layer':
        this.listeners.get(m.runId)?.onLayer(m.result);
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
