/**
 * The application service: one project (dataset, subset, model) and every contract method
 * over it. Transports (Electron IPC, the web host) validate messages and call this; it calls
 * the data layer directly and the engine through its worker thread.
 */
import { basename, extname } from 'node:path';
import type { AppInfo, FileRef, MethodOutput, ServerEvent, Service } from '../../shared/contract.js';
import { AppError } from '../../shared/domain/errors.js';
import { localeOf } from '../../shared/i18n/estimate.js';
import type { SubsetSpec } from '../../shared/domain/data.js';
import { defaultTrainConfig, type TrainConfig, type TrainSummary } from '../../shared/domain/model.js';
import {
  applyColumnOverrides,
  applySubset,
  buildEncoding,
  chooseSubset,
  countSegmentsInFile,
  fileSegmentTable,
  type FileSegmentCounts,
  type PassHooks,
  datasetRows,
  encodingGroups,
  rareValueSummary,
  importCsv,
  segmentTable,
  type Dataset,
  type EncodingSpec,
  type Subset,
} from '../data/index.js';
import { groupBits } from '../base/encoded-rows.js';
import { appName, appVersion } from '../platform/app-version.js';
import { EngineClient } from './engine-thread/client.js';
import type { FileRegistry } from '../platform/file-registry.js';
import { buildReport } from './report.js';
import { pickRealRows } from './real-rows.js';
import { checkFit, decodeSample, prepareTraining } from '../synthesizer/index.js';
import { SampleExports } from './sample-export.js';
import { TrainingRuns } from './training-runs.js';
import { estimateRun } from './estimate.js';
import type { Saver } from '../platform/saver.js';

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
  /** Bytes of cell text an import keeps in memory (default: the data layer's); larger files are sampled. */
  memoryBudgetBytes?: number;
}

/** The subset used when the user goes straight to training: every row, split 80/10/10. */
export const DEFAULT_SUBSET: SubsetSpec = {
  segments: null,
  sample: null,
  seed: 1,
  split: { train: 0.8, valid: 0.1, test: 0.1 },
};

interface TrainedModel {
  runId: string;
  config: TrainConfig;
  summary: TrainSummary;
  bits: number;
  encoding: EncodingSpec;
  dataName: string;
  /** The data as imported, for the report. */
  dataset: Dataset;
  /** What it was trained on; `subset.dataset` holds the rows (real rows beside generated ones). */
  subset: Subset;
}

export class LayerwiseService implements Service {
  private dataset: Dataset | null = null;
  /** The pass over a file in progress (import, segment count, subset draw), which `data.cancelImport` stops. */
  private reading: AbortController | null = null;
  /** Segment counts over the whole file, for the dataset they were counted on. */
  private fileCounts: { dataset: Dataset; counts: FileSegmentCounts } | null = null;
  private subset: Subset | null = null;
  private readonly runs: TrainingRuns;
  private readonly exports: SampleExports;
  private model: TrainedModel | null = null;

  constructor(private readonly deps: ServiceDeps) {
    this.runs = new TrainingRuns(deps.engine, deps.emit);
    this.exports = new SampleExports(deps.engine, deps.emit);
  }

  /** Stops what the project runs (the web host closes a browser session's project): passes, training, export. */
  close(): void {
    this['data.cancelImport']().catch(() => undefined);
    this.runs.stop();
    this.exports.cancel();
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
    const path = input.source.kind === 'sample' ? this.deps.samplePath : this.deps.files.resolve(input.source.fileId);
    const dataset = await this.reads('import', (hooks) =>
      importCsv(path, {
        ...hooks,
        memoryBudgetBytes: this.deps.memoryBudgetBytes,
        overrides: input.options,
        fileName: input.source.kind === 'sample' ? basename(this.deps.samplePath) : undefined,
      }),
    );
    this.dataset = dataset;
    this.subset = null;
    this.fileCounts = null;
    return dataset.info;
  }

  async 'data.cancelImport'(): Promise<MethodOutput<'data.cancelImport'>> {
    const running = this.reading;
    running?.abort();
    this.reading = null;
    return { cancelled: running !== null };
  }

  async 'data.updateColumns'(
    input: Parameters<Service['data.updateColumns']>[0],
  ): Promise<MethodOutput<'data.updateColumns'>> {
    this.dataset = applyColumnOverrides(this.requireDataset(), input.columns);
    this.subset = null;
    return this.dataset.info;
  }

  async 'data.rows'(input: Parameters<Service['data.rows']>[0]): Promise<MethodOutput<'data.rows'>> {
    return datasetRows(this.requireDataset(), input.offset, input.limit);
  }

  async 'subset.segments'(input: Parameters<Service['subset.segments']>[0]): Promise<MethodOutput<'subset.segments'>> {
    const dataset = this.requireDataset();
    if (!dataset.info.sampledOnImport) return segmentTable(dataset, input.columns);
    // The import kept a sample: count the segments over every row of the file instead.
    const counts = await this.reads('count', (hooks) => countSegmentsInFile(dataset, input.columns, hooks));
    this.fileCounts = { dataset, counts };
    return fileSegmentTable(counts);
  }

  async 'subset.apply'(input: Parameters<Service['subset.apply']>[0]): Promise<MethodOutput<'subset.apply'>> {
    const dataset = this.requireDataset();
    const { spec } = input;
    // With a sampled import and segments chosen, drawn from the whole file (a pass with progress).
    const counts = this.fileCounts?.dataset === dataset ? this.fileCounts.counts : undefined;
    this.subset = await this.reads('draw', (hooks) => chooseSubset(dataset, spec, { ...hooks, counts }));
    return this.subset.info;
  }

  async 'train.defaults'(): Promise<MethodOutput<'train.defaults'>> {
    const subset = this.currentSubset(this.requireDataset());
    const bits = groupBits(encodingGroups(buildEncoding(subset.dataset, subset.train)));
    const rows = subset.train.length;
    return { config: defaultTrainConfig(bits, rows), bits, rows, valid: subset.valid.length, test: subset.test.length };
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
    const set = prepareTraining(subset, { rareMin: input.rareMin });
    const { config } = input;
    checkFit(set, config);
    const runId = this.runs.start(config, set, (runId, summary) => {
      const { encoding, train } = set;
      this.model = {
        runId,
        config,
        summary,
        bits: train.bits,
        encoding,
        dataName: dataset.info.fileName,
        dataset,
        subset,
      };
    });
    return { runId };
  }

  async 'train.pause'(input: { runId: string }): Promise<MethodOutput<'train.pause'>> {
    return this.runs.pause(input.runId);
  }

  async 'train.resume'(input: { runId: string }): Promise<MethodOutput<'train.resume'>> {
    return this.runs.resume(input.runId);
  }

  async 'train.cancel'(input: { runId: string }): Promise<MethodOutput<'train.cancel'>> {
    return this.runs.cancel(input.runId);
  }

  async 'model.info'(): Promise<MethodOutput<'model.info'>> {
    const m = this.model;
    return m ? { runId: m.runId, config: m.config, summary: m.summary, bits: m.bits } : null;
  }

  async 'samples.generate'(input: { rows: number; seed: number }): Promise<MethodOutput<'samples.generate'>> {
    const generated = await this.generate(input.rows, input.seed);
    const { subset } = this.requireModel();
    return { generated, real: pickRealRows(subset.dataset, subset.train, input.rows, input.seed) };
  }

  async 'export.samples'(input: { rows: number; seed: number }): Promise<MethodOutput<'export.samples'>> {
    const model = this.requireModel();
    const bytes = await this.exports.csv(model, input.rows, input.seed);
    return this.deps.saver.save({ kind: 'csv', suggestedName: `${stem(model.dataName)}-synthetic.csv`, bytes });
  }

  async 'export.cancel'(): Promise<MethodOutput<'export.cancel'>> {
    return { cancelled: this.exports.cancel() };
  }

  async 'export.model'(): Promise<MethodOutput<'export.model'>> {
    const model = this.requireModel();
    const bytes = await this.deps.engine.modelFile(model.runId);
    return this.deps.saver.save({ kind: 'model', suggestedName: `${stem(model.dataName)}.lwm`, bytes });
  }

  async 'export.report'(): Promise<MethodOutput<'export.report'>> {
    const model = this.requireModel();
    const html = buildReport({
      app: await this['app.info'](),
      dataName: model.dataName,
      dataset: model.dataset.info,
      subset: model.subset.info,
      config: model.config,
      summary: model.summary,
      bits: model.bits,
      rare: rareValueSummary(model.encoding),
      locale: localeOf(this.deps.osLocale),
    });
    return this.deps.saver.save({
      kind: 'report',
      suggestedName: `${stem(model.dataName)}-report.html`,
      bytes: new TextEncoder().encode(html),
    });
  }

  private async generate(rows: number, seed: number) {
    const model = this.requireModel();
    const bits = await this.deps.engine.sample(model.runId, rows, seed);
    return decodeSample(model.encoding, bits, seed);
  }

  /** Runs one pass over a file (progress tagged `phase`); one still running fails with `data.importSuperseded`. */
  private async reads<T>(
    phase: 'import' | 'count' | 'draw',
    pass: (hooks: Required<PassHooks>) => Promise<T>,
  ): Promise<T> {
    this.reading?.abort(new AppError('data.importSuperseded'));
    const controller = new AbortController();
    this.reading = controller;
    try {
      return await pass({
        signal: controller.signal,
        onProgress: (p) => this.deps.emit({ type: 'import.progress', phase, ...p }),
      });
    } catch (err) {
      throw controller.signal.reason instanceof AppError ? controller.signal.reason : err;
    } finally {
      if (this.reading === controller) this.reading = null;
    }
  }

  private requireDataset(): Dataset {
    if (!this.dataset) throw new AppError('noDataset');
    return this.dataset;
  }

  private requireModel(): TrainedModel {
    if (!this.model) throw new AppError('noModel');
    return this.model;
  }

  private currentSubset(dataset: Dataset): Subset {
    if (!this.subset) this.subset = applySubset(dataset, DEFAULT_SUBSET);
    return this.subset;
  }
}

function stem(fileName: string): string {
  const base = basename(fileName);
  return base.slice(0, base.length - extname(base).length) || 'layerwise';
}
