/**
 * The Train step: the configuration, the live run (state, per-epoch points for the chart,
 * layer results) driven by server events, pause/resume/cancel, and the project's model shown
 * (its figures and chart, from the project after a reload or a reopen).
 */
import { defineStore } from 'pinia';
import type { RunState, ServerEvent } from '../../../shared/contract.js';
import type { ProjectModel, ProjectRun } from '../../../shared/domain/project.js';
import {
  defaultLearningRate,
  type EpochProgress,
  type LayerResult,
  type Method,
  type TrainConfig,
  type TrainSummary,
} from '../../../shared/domain/model.js';
import { useClient } from '../api/index.js';
import { guarded } from './app.js';
import { useProjectStore } from './project.js';

export interface EpochPoint {
  layer: number;
  stage: EpochProgress['stage'];
  epoch: number;
  train: number;
  valid: number | null;
}

/** The events of a run this store follows. */
type RunEvent = Extract<ServerEvent, { type: 'train.epoch' | 'train.layer' | 'train.state' }>;

export const useTrainingStore = defineStore('training', {
  state: () => ({
    config: null as TrainConfig | null,
    /** Which data and subset the configuration was made for. */
    configKey: '',
    bits: 0,
    /** Rows of the subset the run trains on, validates and tests on. */
    rows: 0,
    valid: 0,
    test: 0,
    runId: null as string | null,
    state: 'idle' as RunState | 'idle',
    points: [] as EpochPoint[],
    progress: null as EpochProgress | null,
    layers: [] as LayerResult[],
    summary: null as TrainSummary | null,
    hasModel: false,
    /** A start is awaiting its answer: events of a run not yet known are held, as they may be its. */
    starting: false,
    /** Events held while a start awaited its answer (its run's first epochs, even its end). */
    early: [] as RunEvent[],
  }),
  getters: {
    running: (s) => s.state === 'running' || s.state === 'paused',
  },
  actions: {
    async loadDefaults() {
      // Without its data (a reopened project, a model opened alone) there is nothing to train on.
      if (useProjectStore().dataMissing) return;
      const d = await guarded(() => useClient().api['train.defaults']({}));
      if (d) {
        this.config = d.config;
        this.bits = d.bits;
        this.rows = d.rows;
        this.valid = d.valid;
        this.test = d.test;
      }
    },
    /** Changes a layer's method; a learning rate left at the old method's default follows the new one's. */
    setMethod(index: number, method: Method) {
      const layer = this.config?.layers[index];
      if (!layer) return;
      if (layer.learningRate === defaultLearningRate(layer.method)) layer.learningRate = defaultLearningRate(method);
      layer.method = method;
    },
    setEpochs(epochs: number) {
      if (!this.config || !Number.isInteger(epochs) || epochs < 1) return;
      this.config.layers.forEach((l) => (l.epochs = epochs));
      this.config.topEpochs = epochs;
    },
    addLayer() {
      if (!this.config) return;
      const last = this.config.layers[this.config.layers.length - 1];
      this.config.layers.push({ ...last, units: Math.max(2, Math.round(last.units / 2)) });
    },
    removeLayer(i: number) {
      if (this.config && this.config.layers.length > 1) this.config.layers.splice(i, 1);
    },
    /** Starts a run of the configuration; a refused start leaves what is shown as it was. */
    async start(): Promise<boolean> {
      const config = this.config;
      if (!config || this.starting) return false;
      // The run's events travel apart from the answer (a socket, an IPC channel) and can come first.
      this.starting = true;
      const started = await guarded(() => useClient().api['train.start']({ config })).finally(() => {
        this.starting = false;
      });
      const early = this.early.filter((e) => e.runId === started?.runId);
      this.early = [];
      if (!started) return false;
      this.points = [];
      this.layers = [];
      this.progress = null;
      this.summary = null;
      this.runId = started.runId;
      this.state = 'running';
      for (const e of early) this.onEvent(e);
      return true;
    },
    async pause() {
      if (this.runId) await guarded(() => useClient().api['train.pause']({ runId: this.runId! }));
    },
    async resume() {
      if (this.runId) await guarded(() => useClient().api['train.resume']({ runId: this.runId! }));
    },
    async cancel() {
      if (this.runId) await guarded(() => useClient().api['train.cancel']({ runId: this.runId! }));
    },
    /** Shows a model of the project: its layers, figures and chart. */
    showModel(model: ProjectModel) {
      if (this.running) return;
      this.runId = model.id;
      this.state = 'done';
      this.points = [...model.points];
      this.layers = [...model.summary.layers];
      this.summary = model.summary;
      this.progress = null;
    },
    /** Follows the project's run (after a reload: the running job, with its points and layers so far). */
    follow(run: ProjectRun) {
      this.config = structuredClone(run.config);
      this.runId = run.runId;
      this.state = run.state;
      this.points = [...run.points];
      this.layers = [...run.layers];
      this.progress = run.progress;
      this.summary = null;
    },
    onEvent(e: ServerEvent) {
      if (e.type !== 'train.epoch' && e.type !== 'train.layer' && e.type !== 'train.state') return;
      // Only the run of this project (a run of a project closed since is not this page's; after
      // a reload the project store follows the running job from project.state).
      if (e.runId !== this.runId) {
        if (this.starting) this.early.push(e);
        return;
      }
      if (e.type === 'train.epoch') {
        this.progress = e.progress;
        this.points.push({
          layer: e.progress.layer,
          stage: e.progress.stage,
          epoch: e.progress.epoch,
          train: e.progress.criterionTrain,
          valid: e.progress.criterionValid,
        });
      } else if (e.type === 'train.layer') {
        this.layers.push(e.result);
      } else {
        this.state = e.state;
        if (e.state === 'done' && e.summary) {
          this.summary = e.summary;
          this.hasModel = true;
        }
        if (e.state === 'failed' && e.error) void guarded(() => Promise.reject(e.error));
      }
    },
  },
});
