/**
 * The state of one project: its data source and the data in memory (or why it is not), the
 * column choices and the subset, its models with what each was trained on, the training run
 * with its points, and whether it changed since it was saved. It answers what the renderer
 * needs (`overview`, `state`), each model marked out of date against the current choices.
 */
import { randomUUID } from 'node:crypto';
import type { MethodOutput, RunState, ServerEvent } from '../../../shared/contract.js';
import type { DatasetInfo, SubsetInfo, SubsetSpec } from '../../../shared/domain/data.js';
import type { ErrorPayload } from '../../../shared/domain/errors.js';
import type {
  DataMissing,
  DataSource,
  ImportSource,
  Lineage,
  ModelRecord,
  ProjectOverview,
  ProjectRun,
  ProjectState,
} from '../../../shared/domain/project.js';
import { AppError } from '../../../shared/domain/errors.js';
import type { RuleSet } from '../../../shared/domain/rules.js';
import type { TrainConfig } from '../../../shared/domain/model.js';
import type { Dataset, EncodingSpec, FileSegmentCounts, Subset } from '../../data/index.js';
import { columnChoices, staleness, type CurrentChoices } from './lineage.js';
import { ProjectLayers } from './stack.js';

/** The subset used when the user goes straight to training: every row, split 80/10/10. */
export const DEFAULT_SUBSET: SubsetSpec = {
  segments: null,
  sample: null,
  seed: 1,
  split: { train: 0.8, valid: 0.1, test: 0.1 },
};

/** A model of the project with what it needs at hand to generate rows and write its report. */
export interface ModelEntry {
  record: ModelRecord;
  /** Its `.lwm` bytes: as opened, or once fetched from the engine thread (saving, autosave). */
  bytes: Uint8Array | null;
  encoding: EncodingSpec;
  /** The rules found in its training rows (absent in model files written before them). */
  rules?: RuleSet;
  /** The rows it was trained on, when trained in this session (real rows beside generated ones). */
  trainedOn: Subset | null;
  /** The data and the subset as they were when it was trained, for its report. */
  report: { dataset: DatasetInfo | null; subset: SubsetInfo | null };
}

interface RunRecord {
  run: Omit<ProjectRun, 'stale'>;
  /** What the run trains on (unknown for a run restored from a file). */
  lineage: Lineage | null;
}

export class Project {
  readonly id: string;
  name = '';
  /** The project file it was saved to or opened from. */
  fileName: string | null = null;
  /** Desktop: where Save writes. */
  path: string | null = null;
  dirty = false;
  source: DataSource | null = null;
  importSource: ImportSource | null = null;
  dataset: Dataset | null = null;
  /** The data's info: the dataset's, or as saved when the data is not loaded. */
  info: DatasetInfo | null = null;
  subset: Subset | null = null;
  /** The subset's info: the subset's, or as saved when the data is not loaded. */
  subsetInfo: SubsetInfo | null = null;
  /** Segment counts over the whole file, for the dataset they were counted on. */
  fileCounts: { dataset: Dataset; counts: FileSegmentCounts } | null = null;
  dataMissing: DataMissing | null = null;
  readonly models: ModelEntry[] = [];
  selected: string | null = null;
  run: RunRecord | null = null;
  autosavedAt: string | null = null;
  /** Layer by layer: the stack trained so far, the last size suggestion, the stage running. */
  readonly layers = new ProjectLayers();
  /** Keys of the rules found in the data that the user turned off (the Data step's rules panel). */
  rulesOff: string[] = [];

  constructor(id: string = randomUUID()) {
    this.id = id;
  }

  /** Data read (first time, or again with other options): the subset is chosen again. */
  setData(dataset: Dataset, source: DataSource, importSource: ImportSource): void {
    this.dataset = dataset;
    this.info = dataset.info;
    this.source = source;
    this.importSource = importSource;
    this.dataMissing = null;
    if (!this.name) this.name = stem(source.name);
    this.setSubset(null);
    this.fileCounts = null;
    this.touch();
  }

  /** New column choices; the subset keeps its rows (`subset` is it over the new dataset). */
  setColumns(dataset: Dataset, subset: Subset | null): void {
    this.dataset = dataset;
    this.info = dataset.info;
    this.setSubset(subset);
    this.touch();
  }

  setSubset(subset: Subset | null): void {
    this.subset = subset;
    this.subsetInfo = subset?.info ?? null;
    this.touch();
  }

  touch(): void {
    this.dirty = true;
  }

  /** What training would use now, against which every model is judged. */
  choices(): CurrentChoices {
    return {
      source: this.source,
      options: this.info?.options ?? null,
      columns: columnChoices(this.info),
      subset: this.info ? { spec: this.subsetInfo?.spec ?? DEFAULT_SUBSET, rows: this.subsetInfo?.rows ?? null } : null,
      rulesOff: this.rulesOff,
    };
  }

  model(id: string): ModelEntry {
    const entry = this.models.find((m) => m.record.id === id);
    if (!entry) throw new AppError('project.unknownModel');
    return entry;
  }

  selectedModel(): ModelEntry {
    if (!this.selected) throw new AppError('noModel');
    return this.model(this.selected);
  }

  addModel(entry: ModelEntry): void {
    this.models.push(entry);
    this.selected = entry.record.id;
    this.touch();
  }

  /** A model just trained by the run `runId` (named Model 1, Model 2, …, its chart the run's points), selected. */
  addTrained(
    runId: string,
    model: Pick<ModelRecord, 'config' | 'summary' | 'bits' | 'lineage'>,
    using: { encoding: EncodingSpec; rules?: RuleSet; subset: Subset; report: ModelEntry['report'] },
  ): ModelEntry {
    const name = `Model ${this.models.filter((m) => m.record.origin === 'trained').length + 1}`;
    const points = this.runRecord(runId)?.run.points ?? [];
    const record: ModelRecord = {
      id: runId,
      name,
      origin: 'trained',
      createdAt: new Date().toISOString(),
      ...model,
      points,
    };
    const entry: ModelEntry = {
      record,
      bytes: null,
      encoding: using.encoding,
      rules: using.rules,
      trainedOn: using.subset,
      report: using.report,
    };
    this.addModel(entry);
    return entry;
  }

  modelInfo(): MethodOutput<'model.info'> {
    if (!this.selected) return null;
    const { record } = this.model(this.selected);
    return { runId: record.id, config: record.config, summary: record.summary, bits: record.bits };
  }

  /** The name of the data a model was trained on (the file's real name). */
  dataName(entry: ModelEntry): string {
    return entry.record.lineage?.provenance.fileName ?? this.source?.name ?? entry.record.name;
  }

  startRun(runId: string, config: TrainConfig, lineage: Lineage): void {
    const run = { runId, state: 'running' as const, config, startedAt: new Date().toISOString() };
    this.run = { run: { ...run, points: [], layers: [], progress: null, error: null }, lineage };
  }

  /** Follows the run's events, so a page that reloads finds its points and layers. */
  observe(event: ServerEvent): void {
    const run = this.run?.run;
    if (!run || !('runId' in event) || event.runId !== run.runId) return;
    if (event.type === 'train.epoch') {
      const p = event.progress;
      run.progress = p;
      run.points.push({
        layer: p.layer,
        stage: p.stage,
        epoch: p.epoch,
        train: p.criterionTrain,
        valid: p.criterionValid,
      });
    } else if (event.type === 'train.layer') run.layers.push(event.result);
    else if (event.type === 'train.state') this.runState(event.state, event.error);
  }

  private runState(state: RunState, error: ErrorPayload | null): void {
    if (!this.run) return;
    this.run.run.state = state;
    this.run.run.error = error;
    if (state === 'done') this.run = null;
    else if (state !== 'running' && state !== 'paused') this.touch();
  }

  /** The run's record while it runs (its points become the model's). */
  runRecord(runId: string): RunRecord | null {
    return this.run?.run.runId === runId ? this.run : null;
  }

  /** The run as saved: an unfinished run is saved as interrupted (it cannot go on after a restart). */
  savedRun(): ProjectRun | null {
    if (!this.run) return null;
    const { run } = this.run;
    const state = run.state === 'running' || run.state === 'paused' ? 'cancelled' : run.state;
    return { ...run, state, stale: null };
  }

  /** Restores a run saved earlier (finished: its figures are shown, it runs no more). */
  restoreRun(run: ProjectRun | null): void {
    this.run = run ? { run, lineage: null } : null;
  }

  /** The data of a reopened project, found again: the project's content is unchanged (but for a moved file's path). */
  attachData(dataset: Dataset, source: DataSource, importSource: ImportSource, subset: Subset | null): void {
    if (this.source && this.source.path !== source.path) this.touch();
    this.dataset = dataset;
    this.info = dataset.info;
    this.source = source;
    this.importSource = importSource;
    this.dataMissing = null;
    this.subset = subset;
    this.subsetInfo = subset?.info ?? this.subsetInfo;
  }

  /** Work a user would lose: a model, a run or a stack of layers. */
  hasWork(): boolean {
    return this.models.length > 0 || this.run !== null || this.layers.stack !== null;
  }

  overview(): ProjectOverview {
    const now = this.choices();
    const run = this.run;
    return {
      id: this.id,
      name: this.name || 'Untitled',
      fileName: this.fileName,
      path: this.path,
      dirty: this.dirty,
      unsaved: this.dirty && this.hasWork(),
      source: this.source,
      importSource: this.dataset ? this.importSource : null,
      dataMissing: this.dataMissing,
      columns: now.columns,
      subset: this.subsetInfo,
      models: this.models.map((m) => ({ ...m.record, stale: staleness(m.record.lineage, now) })),
      selected: this.selected,
      run: run ? { runId: run.run.runId, state: run.run.state, stale: staleness(run.lineage, now) } : null,
      autosavedAt: this.autosavedAt,
    };
  }

  state(): ProjectState {
    const overview = this.overview();
    const run = this.run ? { ...this.run.run, stale: overview.run?.stale ?? null } : null;
    return { ...overview, data: this.info, run };
  }
}

/** A file name without its folder and extension. */
export function stem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base) || 'layerwise';
}
