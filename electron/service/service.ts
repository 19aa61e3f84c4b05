/**
 * The application service: one project (data, choices, subset, models; `project/`) and every
 * contract method over it. Transports (Electron IPC, the web host) validate messages and call
 * this; it calls the data layer directly and the engine through its worker thread. Another
 * file starts a new project; the project's saving, reopening and autosave are `project/session.ts`.
 */
import type { AppInfo, FileRef, MethodOutput, ServerEvent, Service } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import type { CsvOptionsOverride } from '../../shared/domain/data.js';
import type { QualityRequest } from '../../shared/domain/quality.js';
import type { ReportLocale } from '../../shared/domain/report.js';
import {
  applyColumnOverrides,
  applySubset,
  buildEncoding,
  chooseSubset,
  countSegmentsInFile,
  fileSegmentTable,
  datasetRows,
  encodingGroups,
  importCsv,
  segmentTable,
  withCalibrationOf,
  type Dataset,
  type Subset,
} from '../data/index.js';
import { groupBits } from '../base/encoded-rows.js';
import { appName, appVersion } from '../platform/app-version.js';
import { EngineClient } from './engine-thread/client.js';
import type { FileRegistry } from '../platform/file-registry.js';
import { exportReport, type ReportPrinter } from './report-export.js';
import { checkFit, prepareTraining } from '../synthesizer/index.js';
import { SampleJobs, type ExportSamplesInput, type SamplesInput } from './sample-jobs.js';
import { TrainingRuns } from './training-runs.js';
import { defaultsFor, estimateRun } from './estimate.js';
import { LayerStages } from './layer-stages.js';
import type { Saver } from '../platform/saver.js';
import type { Autosaves } from './project/autosave.js';
import { FilePasses } from './file-passes.js';
import { DEFAULT_SUBSET, stem } from './project/project.js';
import { ProjectSession } from './project/session.js';
import { chooseRules, listRules } from './rules.js';

export interface ServiceDeps {
  transport: AppInfo['transport'];
  osLocale: string;
  samplePath: string;
  emit(event: ServerEvent): void;
  files: FileRegistry;
  saver: Saver;
  engine: EngineClient;
  /** Desktop only: shows the open dialog and returns the chosen path. */
  pickCsvPath?: () => Promise<string | null>;
  /** Desktop only: the open dialog for a project or a model file. */
  pickProjectPath?: () => Promise<string | null>;
  /** Where this service's project is autosaved (shared by the projects of a process); none when absent. */
  autosaves?: Autosaves | null;
  /** Bytes of cell text an import keeps in memory (default: the data layer's); larger files are sampled. */
  memoryBudgetBytes?: number;
  /** Desktop only: prints a report's HTML to PDF (Electron's printToPDF in a hidden, offline window). */
  printPdf?: ReportPrinter;
}

export { DEFAULT_SUBSET };

export class LayerwiseService implements Service {
  /** The pass over a file in progress (import, segment count, subset draw), which `data.cancelImport` stops. */
  private readonly passes: FilePasses;
  private readonly runs: TrainingRuns;
  /** The Samples and Export steps' jobs: preview, export, quality and privacy evidence. */
  private readonly samples: SampleJobs;
  private readonly stages: LayerStages;
  /** The project: `this.session.project`. */
  readonly session: ProjectSession;

  constructor(private readonly deps: ServiceDeps) {
    this.passes = new FilePasses(deps.emit);
    this.runs = new TrainingRuns(deps.engine, (e) => {
      this.stages.observe(e);
      this.session.observe(e);
      deps.emit(e);
    });
    this.stages = new LayerStages({
      ...deps,
      runs: this.runs,
      project: () => this.project,
      subset: () => ({ dataset: this.requireDataset(), subset: this.currentSubset(this.requireDataset()) }),
    });
    this.session = new ProjectSession({
      ...deps,
      emit: (e) => {
        // The stack's state follows every change of the project (out of date, another project…).
        deps.emit(e);
        if (e.type === 'project.changed') this.stages.changed();
      },
      autosaves: deps.autosaves ?? null,
      read: {
        import: (path, name, options) => this.importFile(path, name, options),
        subset: (dataset, spec) => this.passes.run('draw', (hooks) => chooseSubset(dataset, spec, hooks)),
      },
      cancelRun: () => this.runs.cancelCurrent(),
    });
    this.samples = new SampleJobs({ ...deps, project: () => this.project, changed: () => this.session.changed() });
  }

  private get project() {
    return this.session.project;
  }

  /** Stops what the project runs (the web host closes a browser session's project): passes, training, exports and evidence. */
  close(): void {
    this['data.cancelImport']().catch(() => undefined);
    this.runs.stop();
    this.samples.cancel();
  }

  async 'app.info'(): Promise<AppInfo> {
    return {
      name: appName(),
      version: appVersion(),
      backend: await this.deps.engine.backend(),
      transport: this.deps.transport,
      osLocale: this.deps.osLocale,
      platform: process.platform,
    };
  }

  async 'files.pickCsv'(): Promise<FileRef | null> {
    if (!this.deps.pickCsvPath) throw new AppError('unsupported', { what: 'files.pickCsv' });
    const path = await this.deps.pickCsvPath();
    return path ? this.deps.files.register(path) : null;
  }

  async 'data.import'(input: Parameters<Service['data.import']>[0]): Promise<MethodOutput<'data.import'>> {
    return this.session.importData(input.source, input.options, input.newProject ?? false);
  }

  private importFile(path: string, name: string, options: CsvOptionsOverride | undefined): Promise<Dataset> {
    const { memoryBudgetBytes } = this.deps;
    return this.passes.run('import', (hooks) =>
      importCsv(path, { ...hooks, memoryBudgetBytes, overrides: options, fileName: name }),
    );
  }

  async 'data.cancelImport'(): Promise<MethodOutput<'data.cancelImport'>> {
    return { cancelled: this.passes.cancel() };
  }

  async 'data.updateColumns'(
    input: Parameters<Service['data.updateColumns']>[0],
  ): Promise<MethodOutput<'data.updateColumns'>> {
    const dataset = applyColumnOverrides(this.requireDataset(), input.columns);
    // The subset keeps its rows: the same choice over the new columns.
    const { subset } = this.project;
    const kept = subset ? { ...subset, dataset: applyColumnOverrides(subset.dataset, input.columns) } : null;
    this.project.setColumns(dataset, kept);
    this.session.changed();
    return dataset.info;
  }

  async 'data.rows'(input: Parameters<Service['data.rows']>[0]): Promise<MethodOutput<'data.rows'>> {
    return datasetRows(this.requireDataset(), input.offset, input.limit);
  }

  async 'subset.segments'(input: Parameters<Service['subset.segments']>[0]): Promise<MethodOutput<'subset.segments'>> {
    const dataset = this.requireDataset();
    if (!dataset.info.sampledOnImport) return segmentTable(dataset, input.columns);
    // The import kept a sample: count the segments over every row of the file instead.
    const counts = await this.passes.run('count', (hooks) => countSegmentsInFile(dataset, input.columns, hooks));
    this.project.fileCounts = { dataset, counts };
    return fileSegmentTable(counts);
  }

  async 'subset.apply'(input: Parameters<Service['subset.apply']>[0]): Promise<MethodOutput<'subset.apply'>> {
    const dataset = this.requireDataset();
    const { spec } = input;
    // With a sampled import and segments chosen, drawn from the whole file (a pass with progress).
    const { fileCounts } = this.project;
    const counts = fileCounts?.dataset === dataset ? fileCounts.counts : undefined;
    const subset = await this.passes.run('draw', (hooks) => chooseSubset(dataset, spec, { ...hooks, counts }));
    if (this.project.dataset === dataset) {
      this.project.setSubset(subset);
      this.session.changed();
    }
    return subset.info;
  }

  async 'train.defaults'(): Promise<MethodOutput<'train.defaults'>> {
    const subset = this.currentSubset(this.requireDataset());
    const bits = groupBits(encodingGroups(buildEncoding(subset.dataset, subset.train)));
    const rows = subset.train.length;
    // Chosen within the time budget at the engine's measured speed (not while a run holds the engine).
    const { config } = await defaultsFor(this.deps.engine, subset, !this.runs.busy);
    return { config, bits, rows, valid: subset.valid.length, test: subset.test.length };
  }

  async 'train.estimate'(input: Parameters<Service['train.estimate']>[0]): Promise<MethodOutput<'train.estimate'>> {
    const subset = this.currentSubset(this.requireDataset());
    if (subset.train.length === 0) throw new AppError('noSubset');
    // A measurement now would compete with the run for the engine thread (and be wrong).
    if (this.runs.busy) throw new AppError('busy', { what: 'training' });
    return { seconds: await estimateRun(this.deps.engine, subset, input.config) };
  }

  async 'train.start'(input: Parameters<Service['train.start']>[0]): Promise<MethodOutput<'train.start'>> {
    const dataset = this.requireDataset();
    const subset = this.currentSubset(dataset);
    if (subset.train.length === 0) throw new AppError('noSubset');
    const set = prepareTraining(subset, { rareMin: input.rareMin, rulesOff: this.project.rulesOff });
    const { config } = input;
    checkFit(set, config);
    const project = this.project;
    const fingerprint = project.source?.fingerprint ?? null;
    const lineage = { fingerprint, provenance: set.provenance, rulesOff: [...project.rulesOff] };
    const using = {
      encoding: set.encoding,
      rules: set.rules,
      subset,
      report: { dataset: dataset.info, subset: subset.info },
    };
    const runId = this.runs.start(config, set, (runId, { summary, calibration }) => {
      const trained = { ...using, encoding: withCalibrationOf(set.encoding, calibration) };
      const entry = project.addTrained(runId, { config, summary, bits: set.train.bits, lineage }, trained);
      project.layers.keepSet(runId, set, { subset, dataset: dataset.info });
      void this.session.modelBytes(entry).catch(() => undefined);
    });
    project.startRun(runId, config, lineage);
    return { runId };
  }

  'train.pause' = async (input: { runId: string }) => this.runs.pause(input.runId);
  'train.resume' = async (input: { runId: string }) => this.runs.resume(input.runId);
  'train.cancel' = async (input: { runId: string }) => this.runs.cancel(input.runId);
  'train.stack' = async () => this.stages.state();
  'train.layer' = (input: Parameters<Service['train.layer']>[0]) => this.stages.trainLayer(input);
  'train.retrainLayer' = (input: Parameters<Service['train.retrainLayer']>[0]) => this.stages.retrainLayer(input);
  'train.finish' = (input: Parameters<Service['train.finish']>[0]) => this.stages.finish(input);
  'train.fineTune' = (input: Parameters<Service['train.fineTune']>[0]) => this.stages.fineTune(input);
  'train.suggest' = (input: Parameters<Service['train.suggest']>[0]) => this.stages.suggest(input);

  async 'model.info'(): Promise<MethodOutput<'model.info'>> {
    return this.project.modelInfo();
  }

  'samples.generate' = (input: SamplesInput) => this.samples.preview(input);
  'samples.columns' = async () => this.samples.columns();
  'export.samples' = (input: ExportSamplesInput) => this.samples.saveCsv(input);
  'evidence.quality' = (input: QualityRequest) => this.samples.qualityOf(input);
  'evidence.cancel' = async () => ({ cancelled: this.samples.quality.cancel() });
  'evidence.privacy' = (input: { rows: number; seed: number }) => this.samples.privacyOf(input);
  'evidence.cancelPrivacy' = async () => ({ cancelled: this.samples.privacy.cancel() });
  'export.cancel' = async () => ({ cancelled: this.samples.exports.cancel() });

  async 'export.model'(): Promise<MethodOutput<'export.model'>> {
    const entry = this.project.selectedModel();
    const bytes = await this.session.modelBytes(entry);
    return this.deps.saver.save({ kind: 'model', suggestedName: `${stem(this.project.dataName(entry))}.lwm`, bytes });
  }

  async 'export.report'(
    request: Parameters<Service['export.report']>[0] = { format: 'html' },
  ): Promise<MethodOutput<'export.report'>> {
    const { saver, printPdf } = this.deps;
    const evidence = (locale: ReportLocale) => this.samples.reportEvidence(locale);
    return exportReport({ project: this.project, app: await this['app.info'](), saver, printPdf, request, evidence });
  }

  'rules.list' = async () => listRules(this.project, this.requireDataset());
  'rules.choose' = async (input: { off: string[] }) =>
    chooseRules(this.project, this.requireDataset(), input.off, () => this.session.changed());
  'project.state' = async () => this.project.state();
  'project.new' = async () => this.session.newProject();
  'project.save' = (input: { as: boolean }) => this.session.save(input.as);
  'project.open' = (input: { fileId: string }) => this.session.open(input.fileId);
  'project.locateData' = (input: { fileId: string }) => this.session.locateData(input.fileId);
  'project.selectModel' = async (input: { modelId: string }) => this.session.selectModel(input.modelId);
  'project.autosaved' = () => this.session.autosaved();
  'project.restore' = (input: { id: string }) => this.session.restore(input.id);
  'project.forgetAutosave' = (input: { id: string }) => this.session.forgetAutosave(input.id);

  async 'files.pickProject'(): Promise<FileRef | null> {
    if (!this.deps.pickProjectPath) throw new AppError('unsupported', { what: 'files.pickProject' });
    const path = await this.deps.pickProjectPath();
    return path ? this.deps.files.register(path) : null;
  }

  private requireDataset(): Dataset {
    const { dataset, dataMissing } = this.project;
    if (!dataset) throw new AppError(dataMissing ? 'project.noData' : 'noDataset');
    return dataset;
  }

  private currentSubset(dataset: Dataset): Subset {
    if (!this.project.subset) this.project.setSubset(applySubset(dataset, DEFAULT_SUBSET));
    return this.project.subset!;
  }
}
