/**
 * Layer by layer in the Train step: the project's stack, its last "Suggest a size" and the
 * stage running (from `train.stack` and `train.stackChanged`), the stage's progress (its
 * `train.*` events), the settings of the next layer, and the actions: layer 1, add a layer,
 * retrain the top layer, finish with the top prior, fine-tune, suggest a size and adopt it.
 * The rest of a run's settings (seed, validation share, top prior) are the training store's.
 */
import { defineStore } from 'pinia';
import type { ServerEvent } from '../../../shared/contract.js';
import type { LayersState, StageKind } from '../../../shared/domain/layer-by-layer.js';
import type { EpochProgress, LayerConfig, Method } from '../../../shared/domain/model.js';
import { defaultLearningRate } from '../../../shared/domain/model.js';
import type { SizeCandidate } from '../../../shared/domain/staged.js';
import { useClient } from '../api/index.js';
import { guarded } from './app.js';
import { useTrainingStore } from './training.js';

export type StageState = 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

/** The stage this page started or follows. */
export interface StageRun {
  runId: string;
  kind: StageKind;
  /** The layer it trains (0-based), for a layer stage. */
  layer: number | null;
  state: StageState;
  progress: EpochProgress | null;
  candidates: SizeCandidate[];
  /** The model it made (finish, fine-tune), once done. */
  modelId: string | null;
  /** The stack it was made from (finish): its headroom is then the model's. */
  stackId: string | null;
}

export const useStagedStore = defineStore('staged', {
  state: () => ({
    layers: null as LayersState | null,
    run: null as StageRun | null,
    /** The next layer's (or the retrained layer's) size, method and epochs. */
    form: { units: 8 as number | string, method: 'aeries' as Method, epochs: 5 as number | string },
    fineTuneEpochs: 5 as number | string,
    /** "Suggest a size" stops trying sizes after this many seconds and ranks those done. */
    suggestBudget: 120 as number | string,
    /** Units of layer 1 adopted from the suggestion. */
    adopted: null as number | null,
  }),
  getters: {
    stack: (s) => s.layers?.stack ?? null,
    busy: (s) => s.run?.state === 'running' || s.run?.state === 'paused',
  },
  actions: {
    async load() {
      const layers = await useClient()
        .api['train.stack']({})
        .catch(() => null);
      if (layers) this.setLayers(layers);
    },

    setLayers(layers: LayersState) {
      const before = this.layers;
      const changedStack = before?.stack?.id !== layers.stack?.id || before?.projectId !== layers.projectId;
      this.layers = layers;
      if (before?.projectId !== layers.projectId) {
        // Another project: nothing of this one's stages or adopted size carries over.
        this.run = null;
        this.adopted = null;
      }
      // A stage running that this page did not start (after a reload): followed from here on.
      if (layers.job && this.run?.runId !== layers.job.runId) {
        const state = layers.job.paused ? 'paused' : 'running';
        this.run = { ...emptyRun(layers.job.runId, layers.job.kind, null), state };
      }
      if (changedStack) this.resetForm();
    },

    /** The next layer's settings: the layer table's for that layer, or half the layer below. */
    resetForm() {
      const config = useTrainingStore().config;
      const n = this.stack?.layers.length ?? 0;
      const below = this.stack?.configs[n - 1];
      const planned = config?.layers[n];
      const units = planned?.units ?? (below ? Math.max(2, Math.round(below.units / 2)) : 8);
      const units1 = n === 0 && this.adopted !== null ? this.adopted : units;
      this.form = { units: units1, method: planned?.method ?? below?.method ?? 'aeries', epochs: this.form.epochs };
      if (config) this.form.epochs = planned?.epochs ?? config.layers[0].epochs;
    },

    /** The layer the form describes, on the layer table's other settings (or layer 1's). */
    layerConfig(): LayerConfig | null {
      const config = useTrainingStore().config;
      const { units, method, epochs } = this.form;
      if (!config || typeof units !== 'number' || typeof epochs !== 'number') return null;
      const n = this.stack?.layers.length ?? 0;
      const base = config.layers[Math.min(n, config.layers.length - 1)];
      const learningRate = base.method === method ? base.learningRate : defaultLearningRate(method);
      return { ...base, units, method, epochs, learningRate };
    },

    settings() {
      const config = useTrainingStore().config;
      return config && { seed: config.seed, validationFraction: config.validationFraction, patience: config.patience };
    },

    /** Starts a stage; its events may have come before its answer (then the run they made is kept). */
    async begin(kind: StageKind, layer: number | null, call: () => Promise<{ runId: string }>) {
      const started = await guarded(call);
      if (!started) return false;
      if (this.run?.runId === started.runId) Object.assign(this.run, { kind, layer });
      else this.run = emptyRun(started.runId, kind, layer);
      return true;
    },

    trainLayer(first: boolean) {
      const layer = this.layerConfig();
      const start = first ? this.settings() : null;
      if (!layer || (first && !start)) return Promise.resolve(false);
      const index = first ? 0 : (this.stack?.layers.length ?? 0);
      return this.begin('layer', index, () => useClient().api['train.layer']({ layer, start }));
    },

    retrainTop() {
      const layer = this.layerConfig();
      const n = this.stack?.layers.length ?? 0;
      if (!layer || n === 0) return Promise.resolve(false);
      return this.begin('retrain', n - 1, () => useClient().api['train.retrainLayer']({ index: n - 1, layer }));
    },

    async finish() {
      const config = useTrainingStore().config;
      if (!config) return false;
      const top = { topPrior: config.topPrior, topHidden: config.topHidden, topEpochs: config.topEpochs };
      const stackId = this.stack?.id ?? null;
      const ok = await this.begin('finish', null, () => useClient().api['train.finish']({ top }));
      if (ok && this.run) this.run.stackId = stackId;
      return ok;
    },

    fineTune(modelId: string) {
      const epochs = this.fineTuneEpochs;
      if (typeof epochs !== 'number') return Promise.resolve(false);
      return this.begin('fineTune', null, () => useClient().api['train.fineTune']({ modelId, epochs }));
    },

    suggest() {
      const layer = this.layerConfig();
      const settings = this.settings();
      const budgetSeconds = this.suggestBudget;
      if (!layer || !settings || typeof budgetSeconds !== 'number') return Promise.resolve(false);
      return this.begin('suggest', null, () => useClient().api['train.suggest']({ layer, settings, budgetSeconds }));
    },

    /** Layer 1 gets the suggested size and method (here and in the layer table). */
    adopt() {
      const pick = this.layers?.suggestion?.recommended;
      if (!pick) return;
      this.adopted = pick.units;
      const first = useTrainingStore().config?.layers[0];
      if (first) Object.assign(first, { units: pick.units, method: pick.method });
      if ((this.stack?.layers.length ?? 0) === 0) this.form = { ...this.form, units: pick.units, method: pick.method };
    },

    async pause() {
      if (this.run) await guarded(() => useClient().api['train.pause']({ runId: this.run!.runId }));
    },
    async resume() {
      if (this.run) await guarded(() => useClient().api['train.resume']({ runId: this.run!.runId }));
    },
    async cancel() {
      if (this.run) await guarded(() => useClient().api['train.cancel']({ runId: this.run!.runId }));
    },

    onEvent(e: ServerEvent) {
      if (e.type === 'train.stackChanged') return this.setLayers(e.layers);
      const run = this.run;
      if (!run || !('runId' in e) || e.runId !== run.runId) return;
      if (e.type === 'train.epoch') run.progress = e.progress;
      else if (e.type === 'train.candidate') run.candidates.push(e.candidate);
      else if (e.type === 'train.state') {
        run.state = e.state;
        if (e.state === 'done' && (run.kind === 'finish' || run.kind === 'fineTune')) run.modelId = run.runId;
        if (e.state === 'failed' && e.error) void guarded(() => Promise.reject(e.error));
      }
    },
  },
});

function emptyRun(runId: string, kind: StageKind, layer: number | null): StageRun {
  return { runId, kind, layer, state: 'running', progress: null, candidates: [], modelId: null, stackId: null };
}
