/**
 * The training run of the service (one at a time): started on the engine thread with a
 * training set, paused, resumed and cancelled through its shared control word (effective at
 * the next mini-batch), its progress and state emitted as `train.*` events.
 */
import { randomUUID } from 'node:crypto';
import type { MethodOutput, ServerEvent } from '../../shared/contract.js';
import { AppError, toErrorPayload } from '../../shared/domain/errors.js';
import type { TrainConfig, TrainSummary } from '../../shared/domain/model.js';
import { appVersion } from '../platform/app-version.js';
import type { TrainingSet } from '../synthesizer/index.js';
import { EngineClient, type JobListeners, type ModelTrained } from './engine-thread/client.js';

interface Run {
  runId: string;
  control: ReturnType<typeof EngineClient.controlWord>;
}

export class TrainingRuns {
  private run: Run | null = null;

  constructor(
    private readonly engine: EngineClient,
    private readonly emit: (event: ServerEvent) => void,
  ) {}

  /** Whether a run is going on (the engine thread is busy with it). */
  get busy(): boolean {
    return this.run !== null;
  }

  /** Starts a run; `onTrained` receives its model's summary and calibration before the `done` event goes out. */
  start(config: TrainConfig, set: TrainingSet, onTrained: (runId: string, trained: ModelTrained) => void): string {
    return this.startJob(
      (runId, control, { onEpoch, onLayer }) =>
        this.engine.train(runId, { config, set, appVersion: appVersion() }, control, {
          onEpoch,
          onLayer: (r) => onLayer?.(r),
        }),
      (runId, trained) => {
        onTrained(runId, trained);
        return trained.summary;
      },
    );
  }

  /**
   * Starts a job on the engine thread (a run, or a stage of layer-by-layer training): its
   * progress goes out as `train.*` events of its run id; `onDone` takes its result before the
   * `done` event (with the summary it gives, if any), `onEnd` is told when it ended any way.
   */
  startJob<T>(
    body: (runId: string, control: SharedArrayBuffer, listeners: JobListeners) => Promise<T>,
    onDone: (runId: string, result: T) => TrainSummary | null,
    onEnd?: (runId: string) => void,
  ): string {
    if (this.run) throw new AppError('busy', { what: 'training' });
    const run: Run = { runId: randomUUID(), control: EngineClient.controlWord() };
    this.run = run;
    const { runId } = run;
    const listeners: JobListeners = {
      onEpoch: (progress) => this.emit({ type: 'train.epoch', runId, progress }),
      onLayer: (result) => this.emit({ type: 'train.layer', runId, result }),
      onCandidate: (candidate) => this.emit({ type: 'train.candidate', runId, candidate }),
    };
    body(runId, run.control.buffer, listeners)
      .then((result) => {
        const summary = onDone(runId, result);
        this.end(runId, onEnd);
        this.emit({ type: 'train.state', runId, state: 'done', summary, error: null });
      })
      .catch((err: unknown) => {
        const error = toErrorPayload(err);
        const state = error.code === 'cancelled' ? 'cancelled' : 'failed';
        this.end(runId, onEnd);
        this.emit({ type: 'train.state', runId, state, summary: null, error: state === 'failed' ? error : null });
      });
    this.emit({ type: 'train.state', runId, state: 'running', summary: null, error: null });
    return runId;
  }

  /** The job is over: the engine is free before its last event goes out. */
  private end(runId: string, onEnd?: (runId: string) => void): void {
    if (this.run?.runId === runId) this.run = null;
    onEnd?.(runId);
  }

  pause(runId: string): MethodOutput<'train.pause'> {
    this.require(runId).control.set('pause');
    this.emit({ type: 'train.state', runId, state: 'paused', summary: null, error: null });
    return { state: 'paused' };
  }

  resume(runId: string): MethodOutput<'train.resume'> {
    this.require(runId).control.set('run');
    this.emit({ type: 'train.state', runId, state: 'running', summary: null, error: null });
    return { state: 'running' };
  }

  cancel(runId: string): MethodOutput<'train.cancel'> {
    this.require(runId).control.set('cancel');
    return { state: 'cancelled' };
  }

  /** Cancels the run in progress, if any (its project is closing or was closed). */
  stop(): void {
    this.run?.control.set('cancel');
  }

  /** The same as `stop` (a project was closed). */
  cancelCurrent(): void {
    this.run?.control.set('cancel');
  }

  private require(runId: string): Run {
    if (!this.run || this.run.runId !== runId) throw new AppError('unknownRun');
    return this.run;
  }
}
