/**
 * The service's methods over the selected model's generated rows, in one place: the Samples
 * step's preview and fixable columns, the CSV export (one at a time, cancellable) and the quality
 * check (one at a time, cancellable). Each reads the project's model when called.
 */
import type { MethodOutput, ServerEvent } from '../../shared/contract.js';
import type { QualityRequest } from '../../shared/domain/quality.js';
import type { Condition, CsvFormat } from '../../shared/domain/samples.js';
import type { Saver } from '../platform/saver.js';
import type { EngineClient } from './engine-thread/client.js';
import { selectedSource } from './project/generation.js';
import { stem, type Project } from './project/project.js';
import { QualityJobs } from './quality-job.js';
import { DEFAULT_CSV_FORMAT, SampleExports } from './sample-export.js';
import { conditionColumnsOf, exportSampleBytes, previewSamples } from './samples.js';

/** Inputs as the contract gives them; tests may leave out what has a default. */
export type SamplesInput = { rows: number; seed: number; where?: Condition[] };
export type ExportSamplesInput = SamplesInput & { format?: CsvFormat };

export class GeneratedRows {
  private readonly exports: SampleExports;
  private readonly quality: QualityJobs;

  constructor(
    private readonly deps: { emit(event: ServerEvent): void; engine: EngineClient; saver: Saver },
    private readonly project: () => Project,
  ) {
    this.exports = new SampleExports(deps.emit);
    this.quality = new QualityJobs(deps.emit);
  }

  preview(input: SamplesInput): Promise<MethodOutput<'samples.generate'>> {
    return previewSamples(this.project(), this.deps.engine, { where: [], ...input });
  }

  columns(): MethodOutput<'samples.columns'> {
    return conditionColumnsOf(this.project(), this.deps.engine);
  }

  async export(input: ExportSamplesInput): Promise<MethodOutput<'export.samples'>> {
    const project = this.project();
    const request = { where: [], format: DEFAULT_CSV_FORMAT, ...input };
    const { source, bytes, condition } = await exportSampleBytes(project, this.deps.engine, this.exports, request);
    const suggestedName = `${stem(project.dataName(source.entry))}-synthetic.csv`;
    const saved = await this.deps.saver.save({ kind: 'csv', suggestedName, bytes });
    return { ...saved, notes: source.notes, condition };
  }

  checkQuality(input: QualityRequest) {
    return this.quality.run(selectedSource(this.project(), this.deps.engine), input);
  }

  cancelExport = (): boolean => this.exports.cancel();
  cancelQuality = (): boolean => this.quality.cancel();

  /** Stops the export and the quality check in progress. */
  close(): void {
    this.exports.cancel();
    this.quality.cancel();
  }
}
