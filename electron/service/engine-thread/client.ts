/**
 * The service's handle on the engine thread: sends validated requests, forwards progress
 * events, and drives pause/resume/cancel through the shared control word (effective at the
 * next mini-batch). Training runs in one call (`train`) or layer by layer (`trainLayer`,
 * `retrainLayer`, `finish`, `fineTune`), and "Suggest a size" (`suggest`) runs there too.
 *
 * A failed run never poisons the next: when a request fails with an error that is not the
 * user's to fix (an internal error such as a WebAssembly memory fault, or the thread
 * stopping), the engine thread is replaced by a fresh one, and a run or stage that failed so
 * is reported as `engine.runFailed`. The replacement is given back the last model (trained,
 * finished, fine-tuned or opened) and the last stack of layers (trained or opened), whose
 * bytes are kept on this side under their ids; other stacks and models kept on the old thread
 * are gone (a request naming one is refused with `noModel`: the service opens it again from
 * its bytes with `openModel`).
 */
import { AppError, toErrorPayload, type ErrorPayload } from '../../../shared/domain/errors.js';
import type { EpochProgress, LayerConfig, LayerResult, TrainConfig } from '../../../shared/domain/model.js';
import type { MachineSpeed } from '../../../shared/domain/train-cost.js';
import type { ConditionReport } from '../../../shared/domain/samples.js';
import type {
  SizeCandidate,
  SizeSuggestion,
  StackSettings,
  SuggestRequest,
  TopConfig,
} from '../../../shared/domain/staged.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import type { FixedSlot } from '../../data/index.js';
import type { TrainingSet } from '../../synthesizer/index.js';
import { EngineConnection, type Distribute, type Progress, type TestFault } from './connection.js';
import { CONTROL, type FromWorker, type ToWorker } from './protocol.js';

export interface TrainListeners {
  onEpoch(progress: EpochProgress): void;
  onLayer(result: LayerResult): void;
}

/** Listeners of a stage or of "Suggest a size" (a candidate trained). */
export interface JobListeners {
  onEpoch(progress: EpochProgress): void;
  onLayer?(result: LayerResult): void;
  onCandidate?(candidate: SizeCandidate): void;
}

export interface EngineClientOptions {
  /** Test only: a fault the engine thread simulates, to prove that a broken engine is replaced. */
  testFault?: TestFault;
}

type Reply<T extends FromWorker['type']> = Omit<Extract<FromWorker, { type: T }>, 'requestId' | 'type'>;
/** A layer trained (or retrained): the stack's id, its result, the layers dropped above it, the headroom. */
export type LayerTrained = Reply<'layerTrained'>;
/** A model finished or fine-tuned: its id (for sample and modelFile), summary and headroom. */
export type ModelFinished = Reply<'finished'>;
/** A model trained in one run: its summary and the calibration of its generated numbers. */
export type ModelTrained = Omit<Reply<'trained'>, 'runId'>;
export type ModelOpened = Reply<'opened'>;
export type SampledGiven = { data: EncodedData; condition: ConditionReport | null };
type Stage = { set: TrainingSet; appVersion: string; into: string };
/** Bytes kept on this side for a replacement thread, under the id the worker knew them by. */
type Kept = { id: string; bytes: Uint8Array };

/** Failures that say the engine itself broke, not that the request was wrong: the thread is replaced. */
function engineBroke(error: ErrorPayload): boolean {
  return error.code === 'internal' || error.code === 'engine.workerFailed';
}

function expectReply<T extends FromWorker['type']>(reply: FromWorker, type: T): Extract<FromWorker, { type: T }> {
  if (reply.type !== type) throw new AppError('internal', { message: `unexpected ${reply.type}` });
  return reply as Extract<FromWorker, { type: T }>;
}

export class EngineClient {
  private connection: EngineConnection;
  private readonly listeners = new Map<string, JobListeners>();
  /** The last model (a complete model's file) and the last stack (a partial one), for a replacement thread. */
  private kept: { model: Kept | null; stack: Kept | null } = { model: null, stack: null };
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
  ): Promise<ModelTrained> {
    return this.job(runId, listeners, async () => {
      const reply = expectReply(await this.request({ type: 'train', runId, control, ...request }), 'trained');
      await this.keepModel(runId);
      return { summary: reply.summary, calibration: reply.calibration };
    });
  }

  async sample(runId: string, rows: number, seed: number): Promise<EncodedData> {
    return expectReply(await this.request({ type: 'sample', runId, rows, seed }), 'sampled').data;
  }

  /** Rows whose visible groups take the `fixed` slots (METHOD.md §4.5), with the model's figures for that condition. */
  async sampleGiven(runId: string, rows: number, seed: number, fixed: FixedSlot[]): Promise<SampledGiven> {
    const reply = expectReply(await this.request({ type: 'sample', runId, rows, seed, fixed }), 'sampled');
    return { data: reply.data, condition: reply.condition ?? null };
  }

  async modelFile(runId: string): Promise<Uint8Array> {
    return expectReply(await this.request({ type: 'modelFile', runId }), 'modelFile').bytes;
  }

  /** Trains a first layer (`from` null, with `settings`) or one more layer on stack `from`, kept as `into`. */
  async trainLayer(
    runId: string,
    request: Stage & { from: string | null; layer: LayerConfig; settings: StackSettings | null },
    control: SharedArrayBuffer,
    listeners: JobListeners,
  ): Promise<LayerTrained> {
    return this.job(runId, listeners, async () => {
      const reply = expectReply(await this.request({ type: 'trainLayer', runId, control, ...request }), 'layerTrained');
      await this.keepStack(reply.stackId);
      return reply;
    });
  }

  /** Trains layer `index` of stack `from` again; the result, without the layers above, is `into`. */
  async retrainLayer(
    runId: string,
    request: Stage & { from: string; index: number; layer: LayerConfig },
    control: SharedArrayBuffer,
    listeners: JobListeners,
  ): Promise<LayerTrained> {
    return this.job(runId, listeners, async () => {
      const message = { type: 'retrainLayer' as const, runId, control, ...request };
      const reply = expectReply(await this.request(message), 'layerTrained');
      await this.keepStack(reply.stackId);
      return reply;
    });
  }

  /** Fits the top prior on stack `from`; the model is `into` (sample and modelFile take it as run id). */
  async finish(
    runId: string,
    request: Stage & { from: string; top: TopConfig },
    control: SharedArrayBuffer,
    listeners: JobListeners,
  ): Promise<ModelFinished> {
    return this.job(runId, listeners, async () => {
      const reply = expectReply(await this.request({ type: 'finish', runId, control, ...request }), 'finished');
      await this.keepModel(reply.modelId);
      return reply;
    });
  }

  /** Fine-tunes model `from` for `epochs` epochs into `into` (`summary.fineTune`: before and after). */
  async fineTune(
    runId: string,
    request: Stage & { from: string; epochs: number },
    control: SharedArrayBuffer,
    listeners: JobListeners,
  ): Promise<ModelFinished> {
    return this.job(runId, listeners, async () => {
      const reply = expectReply(await this.request({ type: 'fineTune', runId, control, ...request }), 'finished');
      await this.keepModel(reply.modelId);
      return reply;
    });
  }

  /** "Suggest a size": candidate first layers trained and ranked by their validation bound. */
  async suggest(
    runId: string,
    request: { set: TrainingSet; request: SuggestRequest },
    control: SharedArrayBuffer,
    listeners: JobListeners,
  ): Promise<SizeSuggestion> {
    return this.job(runId, listeners, async () => {
      const reply = expectReply(await this.request({ type: 'suggest', runId, control, ...request }), 'suggested');
      return reply.suggestion;
    });
  }

  /** A stack as the bytes of a partial model file. */
  async stackFile(stackId: string): Promise<Uint8Array> {
    return expectReply(await this.request({ type: 'stackFile', stackId }), 'modelFile').bytes;
  }

  /** Model-file bytes of either kind, kept on the worker as `into` (and here, as the last model or stack). */
  async openModel(into: string, bytes: Uint8Array): Promise<ModelOpened> {
    const reply = expectReply(await this.request({ type: 'openModel', into, bytes }), 'opened');
    this.kept[reply.complete ? 'model' : 'stack'] = { id: into, bytes };
    return reply;
  }

  /** Forgets stacks and models the service no longer needs (here too: a replacement thread is not given them). */
  async release(ids: string[]): Promise<void> {
    for (const kind of ['model', 'stack'] as const) if (ids.includes(this.kept[kind]?.id ?? '')) this.kept[kind] = null;
    expectReply(await this.request({ type: 'release', ids }), 'released');
  }

  /** The engine's speed for this first layer on these rows (about a second of the engine thread). */
  async measureSpeed(data: EncodedData, layer: LayerConfig): Promise<MachineSpeed> {
    const reply = await this.request({ type: 'measure', data, layer });
    if (reply.type !== 'measured') throw new AppError('internal', { message: `unexpected ${reply.type}` });
    return { layer0RowsPerSecond: reply.layer0RowsPerSecond, opsPerSecond: reply.opsPerSecond };
  }

  /**
   * Keeps a model file's bytes on the engine thread under `runId` (a project or a model file
   * opened by the user), and here as the last model for a replacement thread.
   */
  async load(runId: string, bytes: Uint8Array): Promise<void> {
    expectReply(await this.request({ type: 'load', runId, bytes }), 'loaded');
    this.kept.model = { id: runId, bytes };
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

  private async keepModel(id: string): Promise<void> {
    this.kept.model = { id, bytes: await this.modelFile(id) };
  }

  private async keepStack(id: string): Promise<void> {
    this.kept.stack = { id, bytes: await this.stackFile(id) };
  }

  /** A run or stage with its listeners; one that broke the engine (now replaced) is `engine.runFailed`. */
  private async job<T>(runId: string, listeners: JobListeners, body: () => Promise<T>): Promise<T> {
    this.listeners.set(runId, listeners);
    try {
      return await body();
    } catch (err) {
      const error = toErrorPayload(err);
      if (!engineBroke(error) || this.disposed) throw err;
      throw new AppError('engine.runFailed', { message: String(error.params.message ?? error.code) });
    } finally {
      this.listeners.delete(runId);
    }
  }

  private connect(): EngineConnection {
    return new EngineConnection((m: Progress) => {
      const listener = this.listeners.get(m.runId);
      if (m.type === 'epoch') listener?.onEpoch(m.progress);
      else if (m.type === 'layer') listener?.onLayer?.(m.result);
      else listener?.onCandidate?.(m.candidate);
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

  /** Replaces the engine thread `old` (unless that was done already) by a fresh one, given back the last model and stack. */
  private async restart(old: EngineConnection): Promise<void> {
    if (this.connection !== old) return void (await this.connection.ready.catch(() => undefined));
    this.connection = this.connect();
    this.restarts++;
    await old.terminate({ code: 'engine.workerFailed', params: { message: 'restarted' } }).catch(() => undefined);
    await this.connection.ready;
    const { model, stack } = this.kept;
    if (model) {
      await this.connection
        .request({ type: 'load', runId: model.id, bytes: model.bytes })
        .catch(() => void (this.kept.model = null));
    }
    if (stack) {
      await this.connection
        .request({ type: 'openModel', into: stack.id, bytes: stack.bytes })
        .catch(() => void (this.kept.stack = null));
    }
  }
}
