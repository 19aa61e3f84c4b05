/**
 * The engine thread's layer-by-layer requests (METHOD.md §3): each stage runs through the
 * synthesizer on the training set it is sent, reads a stack or bundle kept here by id and
 * stores its result under the id it is told, with progress events and pause/cancel through
 * the shared control word. Also "Suggest a size", partial model files, opening a model file
 * of either kind, and releasing what the service no longer needs.
 */
import { AppError } from '../../../shared/domain/errors.js';
import { headroom } from '../../engine/index.js';
import {
  finishFit,
  fineTuneFit,
  fitNextLayer,
  openModelBytes,
  refitLayer,
  stackBundleToBytes,
  suggestSize,
  type FitHooks,
  type ModelBundle,
  type StackBundle,
  type StackFit,
} from '../../synthesizer/index.js';
import { CONTROL, type FromWorker, type ToWorker } from './protocol.js';

type Send = (message: FromWorker) => void;
type StagedRequest = Extract<
  ToWorker,
  { type: 'trainLayer' | 'retrainLayer' | 'finish' | 'fineTune' | 'suggest' | 'stackFile' | 'openModel' | 'release' }
>;

/** Pause and cancel from the control word, read between mini-batches. */
export function controlHooks(buffer: SharedArrayBuffer): Pick<FitHooks, 'signal' | 'isPaused'> {
  const word = new Int32Array(buffer);
  const abort = new AbortController();
  return {
    signal: abort.signal,
    isPaused: () => {
      const state = Atomics.load(word, 0);
      if (state === CONTROL.cancel && !abort.signal.aborted) abort.abort();
      return state === CONTROL.pause;
    },
  };
}

export class StagedHandlers {
  private readonly stacks = new Map<string, StackBundle>();

  constructor(
    private readonly bundles: Map<string, ModelBundle>,
    private readonly send: Send,
  ) {}

  private stack(id: string): StackBundle {
    const stack = this.stacks.get(id);
    if (!stack) throw new AppError('noModel');
    return stack;
  }

  private bundle(id: string): ModelBundle {
    const bundle = this.bundles.get(id);
    if (!bundle) throw new AppError('noModel');
    return bundle;
  }

  private hooks(m: { runId: string; control: SharedArrayBuffer }): FitHooks {
    return {
      ...controlHooks(m.control),
      onProgress: (progress) => this.send({ type: 'epoch', runId: m.runId, progress }),
      onLayer: (result) => this.send({ type: 'layer', runId: m.runId, result }),
    };
  }

  private stored(requestId: number, into: string, fit: StackFit): void {
    this.stacks.set(into, fit.stack);
    const { result, dropped, headroom } = fit;
    this.send({ type: 'layerTrained', requestId, stackId: into, result, dropped, headroom });
  }

  async handle(m: StagedRequest): Promise<void> {
    switch (m.type) {
      case 'trainLayer': {
        const from = m.from === null ? null : this.stack(m.from);
        const request = { appVersion: m.appVersion, settings: m.settings ?? undefined };
        return this.stored(m.requestId, m.into, await fitNextLayer(m.set, from, m.layer, request, this.hooks(m)));
      }
      case 'retrainLayer': {
        const fit = await refitLayer(m.set, this.stack(m.from), m.index, m.layer, m.appVersion, this.hooks(m));
        return this.stored(m.requestId, m.into, fit);
      }
      case 'finish':
      case 'fineTune': {
        const fit =
          m.type === 'finish'
            ? await finishFit(m.set, this.stack(m.from), m.top, m.appVersion, this.hooks(m))
            : await fineTuneFit(m.set, this.bundle(m.from), m.epochs, m.appVersion, this.hooks(m));
        this.bundles.set(m.into, fit.bundle);
        const { summary, headroom } = fit;
        const { calibration } = fit.bundle.manifest.dataEncoding;
        return this.send({ type: 'finished', requestId: m.requestId, modelId: m.into, summary, headroom, calibration });
      }
      case 'suggest': {
        const suggestion = await suggestSize(m.set, m.request, {
          ...controlHooks(m.control),
          onProgress: (progress) => this.send({ type: 'epoch', runId: m.runId, progress }),
          onCandidate: (candidate) => this.send({ type: 'candidate', runId: m.runId, candidate }),
        });
        return this.send({ type: 'suggested', requestId: m.requestId, suggestion });
      }
      case 'stackFile':
        return this.send({
          type: 'modelFile',
          requestId: m.requestId,
          bytes: stackBundleToBytes(this.stack(m.stackId)),
        });
      case 'openModel':
        return this.open(m.requestId, m.into, m.bytes);
      case 'release':
        for (const id of m.ids) {
          this.stacks.delete(id);
          this.bundles.delete(id);
        }
        return this.send({ type: 'released', requestId: m.requestId });
    }
  }

  private open(requestId: number, into: string, bytes: Uint8Array): void {
    const opened = openModelBytes(bytes);
    if (opened.complete) {
      this.bundles.set(into, opened.bundle);
      const summary = opened.bundle.manifest.metrics;
      const reply = { complete: true, layers: summary.layers, summary, headroom: headroom(summary) };
      return this.send({ type: 'opened', requestId, ...reply });
    }
    this.stacks.set(into, opened.stack);
    const { stack } = opened.stack;
    const layers = stack.layers.map((l) => l.result);
    this.send({ type: 'opened', requestId, complete: false, layers, summary: null, headroom: headroom(stack) });
  }
}
