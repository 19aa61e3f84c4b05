/**
 * Layer-by-layer training for the service (METHOD.md §3): layer 1 of a new stack on the
 * current subset, one more layer, a layer retrained, the top prior (a model of the project,
 * like any other), fine-tuning as its own step (a new model, its log-likelihood before and
 * after), and "Suggest a size". Each stage is a job of `TrainingRuns` on the engine thread
 * (one at a time, pause and cancel by run id, progress as `train.*` events); the stack, the
 * suggestion and the stage running belong to the project (saved with it, autosaved after each
 * layer) and go out as `train.stackChanged`. A stack keeps its own training rows: every layer
 * of it trains on the rows of its layer 1.
 */
import type { MethodOutput, Service, ServerEvent } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import type { LayersState, StackRecord, StageKind } from '../../shared/domain/layer-by-layer.js';
import { LIMITS } from '../../shared/domain/limits.js';
import type { EpochProgress, TrainSummary } from '../../shared/domain/model.js';
import type { ChartPoint } from '../../shared/domain/project.js';
import { withCalibrationOf, type Dataset, type Subset } from '../data/index.js';
import { candidateSizes } from '../engine/index.js';
import { appVersion } from '../platform/app-version.js';
import { prepareTraining, type TrainingSet } from '../synthesizer/index.js';
import type { EngineClient, JobListeners, LayerTrained } from './engine-thread/client.js';
import { staleness } from './project/lineage.js';
import type { Project } from './project/project.js';
import { modelConfig, type StackEntry } from './project/stack.js';
import type { TrainingRuns } from './training-runs.js';

type Input<M extends keyof Service> = Parameters<Service[M]>[0];
type Job<T> = (runId: string, control: SharedArrayBuffer, listeners: JobListeners) => Promise<T>;
type Rows = { set: TrainingSet; trainedOn: NonNullable<StackEntry['trainedOn']> };

export interface StageDeps {
  engine: EngineClient;
  runs: TrainingRuns;
  project(): Project;
  /** The loaded data and its current subset (the default one when none was chosen). */
  subset(): { dataset: Dataset; subset: Subset };
  emit(event: ServerEvent): void;
}

function pointOf(p: EpochProgress): ChartPoint {
  return { layer: p.layer, stage: p.stage, epoch: p.epoch, train: p.criterionTrain, valid: p.criterionValid };
}

export class LayerStages {
  constructor(private readonly deps: StageDeps) {}

  state(): LayersState {
    const project = this.deps.project();
    return project.layers.state(project.id, project.choices());
  }

  /** Tells the renderer (after every change of the project, and as stages start and end). */
  changed(): void {
    this.deps.emit({ type: 'train.stackChanged', layers: this.state() });
  }

  /** Follows the events of a stage: pausing and resuming it. */
  observe(event: ServerEvent): void {
    const { job } = this.deps.project().layers;
    if (event.type !== 'train.state' || event.runId !== job?.runId) return;
    if (event.state === 'paused' || event.state === 'running') job.paused = event.state === 'paused';
  }

  async trainLayer(input: Input<'train.layer'>): Promise<MethodOutput<'train.layer'>> {
    const project = this.deps.project();
    if (input.start) return { runId: this.firstLayer(project, input.start, input.layer, input.rareMin) };
    const entry = await this.ready(project);
    if (entry.record.layers.length >= LIMITS.layers.max)
      throw new AppError('layers.tooMany', { max: LIMITS.layers.max });
    const { set } = entry;
    const from = entry.record.id;
    const runId = this.start(
      project,
      'layer',
      (runId, control, listeners) => {
        const request = { set, appVersion: appVersion(), from, into: runId, layer: input.layer, settings: null };
        return this.layerJob(this.deps.engine.trainLayer(runId, request, control, listeners));
      },
      ({ trained, bytes }, points) => {
        const { record } = entry;
        const next = { ...record, configs: [...record.configs, input.layer], points: [...record.points, ...points] };
        this.replaceStack(project, { ...entry, record: next, bytes }, trained);
      },
    );
    return { runId };
  }

  async retrainLayer(input: Input<'train.retrainLayer'>): Promise<MethodOutput<'train.retrainLayer'>> {
    const project = this.deps.project();
    const entry = await this.ready(project);
    const { index, layer } = input;
    if (index >= entry.record.layers.length) throw new AppError('layers.noSuchLayer', { n: index + 1 });
    const { set } = entry;
    const from = entry.record.id;
    const runId = this.start(
      project,
      'retrain',
      (runId, control, listeners) => {
        const request = { set, appVersion: appVersion(), from, into: runId, index, layer };
        return this.layerJob(this.deps.engine.retrainLayer(runId, request, control, listeners));
      },
      ({ trained, bytes }, points) => {
        const { record } = entry;
        const kept = record.points.filter((p) => p.layer < index);
        const next = { ...record, configs: [...record.configs.slice(0, index), layer], points: [...kept, ...points] };
        this.replaceStack(project, { ...entry, record: next, bytes }, trained);
      },
    );
    return { runId };
  }

  async finish(input: Input<'train.finish'>): Promise<MethodOutput<'train.finish'>> {
    const project = this.deps.project();
    const entry = await this.ready(project);
    const { set, trainedOn, record } = entry;
    const runId = this.start(
      project,
      'finish',
      async (runId, control, listeners) => {
        const request = { set, appVersion: appVersion(), from: record.id, into: runId, top: input.top };
        const done = await this.deps.engine.finish(runId, request, control, listeners);
        return { done, bytes: await this.deps.engine.modelFile(done.modelId) };
      },
      ({ done, bytes }, points, runId) => {
        const config = modelConfig(record, input.top);
        const model = { config, summary: done.summary, bits: set.train.bits, lineage: record.lineage };
        const report = { dataset: trainedOn.dataset, subset: trainedOn.subset.info };
        const encoding = withCalibrationOf(set.encoding, done.calibration);
        const added = project.addTrained(runId, model, { encoding, subset: trainedOn.subset, report });
        added.record.points = [...record.points, ...points];
        added.bytes = bytes;
        project.layers.keepSet(runId, set, trainedOn);
        return done.summary;
      },
    );
    return { runId };
  }

  async fineTune(input: Input<'train.fineTune'>): Promise<MethodOutput<'train.fineTune'>> {
    const project = this.deps.project();
    const from = input.modelId ? project.model(input.modelId) : project.selectedModel();
    const { set, trainedOn } = this.modelRows(project, from.record.id);
    const { epochs } = input;
    const runId = this.start(
      project,
      'fineTune',
      async (runId, control, listeners) => {
        const request = { set, appVersion: appVersion(), from: from.record.id, into: runId, epochs };
        const done = await this.deps.engine.fineTune(runId, request, control, listeners);
        return { done, bytes: await this.deps.engine.modelFile(done.modelId) };
      },
      ({ done, bytes }, points, runId) => {
        const { record } = from;
        const { bits, lineage } = record;
        const model = { config: { ...record.config, fineTuneEpochs: epochs }, summary: done.summary, bits, lineage };
        const encoding = withCalibrationOf(from.encoding, done.calibration);
        const using = { encoding, subset: trainedOn.subset, report: from.report };
        const added = project.addTrained(runId, model, using);
        added.record.name = `${record.name}, fine-tuned`;
        added.record.points = [...record.points, ...points];
        added.bytes = bytes;
        project.layers.keepSet(runId, set, trainedOn);
        return done.summary;
      },
    );
    return { runId };
  }

  async suggest(input: Input<'train.suggest'>): Promise<MethodOutput<'train.suggest'>> {
    const project = this.deps.project();
    const { set } = this.currentRows(input.rareMin);
    const sizes = input.sizes ?? candidateSizes(set.train.bits, set.train.rows);
    const candidates = [...new Set(sizes)].map((units) => ({ ...input.layer, units }));
    const request = { candidates, settings: input.settings, budgetSeconds: input.budgetSeconds };
    const runId = this.start(
      project,
      'suggest',
      (runId, control, listeners) => this.deps.engine.suggest(runId, { set, request }, control, listeners),
      (suggestion) => void (project.layers.suggestion = suggestion),
    );
    return { runId };
  }

  /** Layer 1 of a new stack on the current subset (the stack before it is replaced once it is trained). */
  private firstLayer(
    project: Project,
    settings: NonNullable<Input<'train.layer'>['start']>,
    layer: Input<'train.layer'>['layer'],
    rareMin: number,
  ): string {
    const { set, trainedOn } = this.currentRows(rareMin);
    const lineage = { fingerprint: project.source?.fingerprint ?? null, provenance: set.provenance };
    return this.start(
      project,
      'layer',
      (runId, control, listeners) => {
        const request = { set, appVersion: appVersion(), from: null, into: runId, layer, settings };
        return this.layerJob(this.deps.engine.trainLayer(runId, request, control, listeners));
      },
      ({ trained, bytes }, points) => {
        const record: StackRecord = {
          id: trained.stackId,
          createdAt: new Date().toISOString(),
          settings,
          configs: [layer],
          layers: [],
          headroom: trained.headroom,
          rareMin,
          lineage,
          points,
        };
        this.replaceStack(project, { record, bytes, onEngine: true, set, trainedOn }, trained);
      },
    );
  }

  /** A layer stage, then the bytes of the stack it made (saved with the project). */
  private async layerJob(trained: Promise<LayerTrained>): Promise<{ trained: LayerTrained; bytes: Uint8Array }> {
    const done = await trained;
    return { trained: done, bytes: await this.deps.engine.stackFile(done.stackId) };
  }

  /** The stack after a layer stage: the layers below the trained one kept, its headroom as trained; the stack before released. */
  private replaceStack(project: Project, entry: StackEntry, trained: LayerTrained): void {
    const before = project.layers.stack?.record.id;
    const { result, headroom, stackId } = trained;
    const layers = [...entry.record.layers.slice(0, result.layer), result];
    entry.record = { ...entry.record, id: stackId, headroom, layers };
    project.layers.stack = entry;
    if (before && before !== stackId) void this.deps.engine.release([before]).catch(() => undefined);
  }

  /** Starts a stage of `kind`; `apply` records its result in `project` (unless another project took its place). */
  private start<T>(
    project: Project,
    kind: StageKind,
    job: Job<T>,
    apply: (result: T, points: ChartPoint[], runId: string) => TrainSummary | null | void,
  ): string {
    const points: ChartPoint[] = [];
    const runId = this.deps.runs.startJob<T>(
      (runId, control, listeners) =>
        job(runId, control, {
          ...listeners,
          onEpoch: (p) => {
            points.push(pointOf(p));
            listeners.onEpoch(p);
          },
        }),
      (runId, result) => {
        if (this.deps.project() !== project) return null;
        const summary = apply(result, points, runId) ?? null;
        project.touch();
        return summary;
      },
      (runId) => {
        if (project.layers.job?.runId === runId) project.layers.job = null;
        this.changed();
      },
    );
    project.layers.job = { runId, kind, paused: false };
    this.changed();
    return runId;
  }

  /** The rows of the current subset, as a training set. */
  private currentRows(rareMin: number): Rows {
    const { dataset, subset } = this.deps.subset();
    if (subset.train.length === 0) throw new AppError('noSubset');
    return { set: prepareTraining(subset, { rareMin }), trainedOn: { subset, dataset: dataset.info } };
  }

  /** The project's stack on the engine thread with its training rows (after a reopen: the current subset's, unless changed). */
  private async ready(project: Project): Promise<StackEntry & Rows> {
    const entry = project.layers.stack;
    if (!entry) throw new AppError('layers.noStack');
    if (!entry.set || !entry.trainedOn) {
      if (staleness(entry.record.lineage, project.choices())) throw new AppError('layers.otherRows');
      Object.assign(entry, this.currentRows(entry.record.rareMin));
    }
    if (!entry.onEngine && entry.bytes) {
      await this.deps.engine.openModel(entry.record.id, entry.bytes);
      entry.onEngine = true;
    }
    return entry as StackEntry & Rows;
  }

  /** The rows model `id` was trained on: kept from this session, or the current subset's when nothing changed since. */
  private modelRows(project: Project, id: string): Rows {
    const kept = project.layers.setOf(id);
    if (kept?.trainedOn) return { set: kept.set, trainedOn: kept.trainedOn };
    const entry = project.model(id);
    if (!project.dataset || staleness(entry.record.lineage, project.choices())) throw new AppError('layers.noRows');
    return this.currentRows(5);
  }
}
