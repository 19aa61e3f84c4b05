/**
 * The service's handle on the engine thread: sends validated requests, forwards progress
 * events, and drives pause/resume/cancel through the shared control word (effective at the
 * next mini-batch). A failed run never poisons the next: when a request fails with an error
 * that is not the user's to fix (an internal error such as a WebAssembly memory fault, or the
 * thread stopping), the engine thread is replaced by a fresh one, which is given back the last
 * trained model (its bytes are kept on this side), so the project keeps its model.
 */
import { AppError, toErrorPayload, type ErrorPayload } from '../../../shared/domain/errors.js';
import type {
  EpochProgress,
  LayerConfig,
  LayerResult,
  TrainConfig,
  TrainSummary,
} from '../../../shared/domain/model.js';
import type { MachineSpeed } from '../../../shared/domain/train-cost.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import type { TrainingSet } from '../../synthesizer/index.js';
import { EngineConnection, type Distribute, type Progress, type TestFault } from './connection.js';
import { CONTROL, type FromWorker, type ToWorker } from './protocol.js';

export interface TrainListeners {
  onEpoch(progress: EpochProgress): void;
  onLayer(result: LayerResult): void;
}

export interface EngineClientOptions {
  /** Test only: a fault the engine thread simulates, to prove that a broken engine is replaced. */
  testFault?: TestFault;
}

/** Failures that say the engine itself broke, not that the request was wrong: the thread is replaced. */
function engineBroke(error: ErrorPayload): boolean {
  return error.code === 'internal' || error.code === 'engine.workerFailed';
}

export class EngineClient {
  private connection: EngineConnection;
  private readonly listeners = new Map<string, TrainListeners>();
  /** The last trained model, as bytes, to hand to a replacement thread. */
  private kept: { runId: string; bytes: Uint8Array } | null = null;
  private disposed = false;
  /** How many times the engine thread was replaced. */
  restarts = 0;

  constructor(private readonly options: EngineClientOptions = {}) {
    this.connection = this.connect();
  }

  /** The tfjs backend the engine runs on (waits for the worker to start). */
  backend(): Promise<string> {
    return this.connection.ready;
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
      this.kept = { runId, bytes: await this.modelFile(runId) };
      return reply.summary;
    } catch (err) {
      const error = toErrorPayload(err);
      if (!engineBroke(error) || this.disposed) throw err;
      throw new AppError('engine.runFailed', { message: String(error.params.message ?? error.code) });
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

  /** The engine's speed for this first layer on these rows (about a second of the engine thread). */
  async measureSpeed(data: EncodedData, layer: LayerConfig): Promise<MachineSpeed> {
    const reply = await this.request({ type: 'measure', data, layer });
    if (reply.type !== 'measured') throw new AppError('internal', { message: `unexpected ${reply.type}` });
    return { layer0RowsPerSecond: reply.layer0RowsPerSecond, opsPerSecond: reply.opsPerSecond };
  }

  static controlWord(): { buffer: SharedArrayBuffer; set(state: keyof typeof CONTROL): void } {
    const buffer = new SharedArrayBuffer(4);
    const word = new Int32Array(buffer);
    return { buffer, set: (state) => void Atomics.store(word, 0, CONTROL[state]) };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.connection.terminate();
  }

  private connect(): EngineConnection {
    return new EngineConnection((m: Progress) => {
      const listener = this.listeners.get(m.runId);
      if (m.type === 'epoch') listener?.onEpoch(m.progress);
      else listener?.onLayer(m.result);
    }, this.options.testFault);
  }

  /** A request on a live engine thread; a failure that broke the engine replaces the thread before it is passed on. */
  private async request(message: Distribute<ToWorker>): Promise<FromWorker> {
    if (this.disposed) throw new AppError('cancelled');
    if (!this.connection.alive) await this.restart(this.connection);
    const connection = this.connection;
    try {
      return await connection.request(message);
    } catch (err) {
      if (engineBroke(toErrorPayload(err)) && !this.disposed) await this.restart(connection).catch(() => undefined);
      throw err;
    }
  }

  /** Replaces the engine thread `old` (unless that was done already) by a fresh one, given back the last trained model. */
  private async restart(old: EngineConnection): Promise<void> {
    if (this.connection !== old) return void (await this.connection.ready.catch(() => undefined));
    this.connection = this.connect();
    this.restarts++;
    await old.terminate({ code: 'engine.workerFailed', params: { message: 'restarted' } }).catch(() => undefined);
    await this.connection.ready;
    const kept = this.kept;
    if (!kept) return;
    try {
      await this.connection.request({ type: 'load', runId: kept.runId, bytes: kept.bytes });
    } catch {
      this.kept = null;
    }
  }
}
