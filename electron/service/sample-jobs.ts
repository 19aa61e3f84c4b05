/**
 * The service's methods over the selected model's generated rows (the Samples and Export steps):
 * the preview, the columns that can be fixed, the CSV export (saved), and the quality and
 * privacy evidence, each job one at a time with its own cancel. The preview, the export and the
 * privacy evidence read the same stream (`samples.ts`): for a seed they see the same rows, and
 * the preview and the export drop the same ones when asked to (the privacy runs' filter).
 */
import type { MethodOutput, ServerEvent } from '../../shared/contract.js';
import type { PrivacyEvidence } from '../../shared/domain/privacy.js';
import type { QualityEvidence, QualityRequest } from '../../shared/domain/quality.js';
import type { ReportLocale } from '../../shared/domain/report.js';
import type { Condition, CsvFormat } from '../../shared/domain/samples.js';
import type { Saver } from '../platform/saver.js';
import type { EngineClient } from './engine-thread/client.js';
import { PrivacyRuns } from './privacy-runs.js';
import { selectedSource } from './project/generation.js';
import { stem, type Project } from './project/project.js';
import { QualityJobs } from './quality-job.js';
import {
  EvidenceMemo,
  evidenceSeed,
  qualityScoreOf,
  REPORT_RULE_ROWS,
  reportEvidence,
  type ReportEvidence,
} from './report-evidence.js';
import { DEFAULT_CSV_FORMAT, SampleExports } from './sample-export.js';
import {
  conditionColumnsOf,
  exportSampleBytes,
  generatedRows,
  generatedRuleViolations,
  previewSamples,
  type DropFilterOf,
} from './samples.js';

/** Inputs as the contract gives them; tests may leave out what has a default. */
export type SamplesInput = { rows: number; seed: number; where?: Condition[]; dropCloserThan?: number | null };
export type ExportSamplesInput = SamplesInput & { format?: CsvFormat };

export interface SampleJobsDeps {
  emit(event: ServerEvent): void;
  engine: EngineClient;
  saver: Saver;
  /** The project now (it changes when another is opened). */
  project(): Project;
  /** Tells the renderer the project changed and autosaves (a model's quality score was recorded). */
  changed?(): void;
}

export class SampleJobs {
  readonly exports: SampleExports;
  readonly quality: QualityJobs;
  readonly privacy: PrivacyRuns;
  private readonly drop: DropFilterOf;
  private readonly memo = new EvidenceMemo();

  constructor(private readonly deps: SampleJobsDeps) {
    this.exports = new SampleExports(deps.emit);
    this.quality = new QualityJobs(deps.emit);
    this.privacy = new PrivacyRuns(deps.emit, () => deps.project().subset);
    this.drop = (source, threshold) => this.privacy.dropFilter(source, threshold);
  }

  preview(input: SamplesInput): Promise<MethodOutput<'samples.generate'>> {
    const request = { where: [], dropCloserThan: null, ...input };
    return previewSamples(this.deps.project(), this.deps.engine, request, this.drop);
  }

  columns(): MethodOutput<'samples.columns'> {
    return conditionColumnsOf(this.deps.project(), this.deps.engine);
  }

  /** `export.samples`: the CSV saved, with the notes, the condition's figures and the rows dropped. */
  async saveCsv(input: ExportSamplesInput): Promise<MethodOutput<'export.samples'>> {
    const project = this.deps.project();
    const request = { where: [], format: DEFAULT_CSV_FORMAT, dropCloserThan: null, ...input };
    const done = await exportSampleBytes(project, this.deps.engine, this.exports, request, this.drop);
    const suggestedName = `${stem(project.dataName(done.source.entry))}-synthetic.csv`;
    const saved = await this.deps.saver.save({ kind: 'csv', suggestedName, bytes: done.bytes });
    return { ...saved, notes: done.source.notes, condition: done.condition, dropped: done.dropped };
  }

  /**
   * `evidence.quality`: the selected model's rows for the seed against the real rows. Kept for
   * the report; its overall score is recorded on the model (the comparison shows it; saved).
   */
  async qualityOf(input: QualityRequest): Promise<QualityEvidence> {
    const project = this.deps.project();
    const source = selectedSource(project, this.deps.engine);
    const evidence = await this.quality.run(source, input);
    this.memo.keepQuality(source.entry.record.id, evidence);
    const score = qualityScoreOf(evidence);
    if (score) {
      source.entry.record.quality = score;
      project.touch();
      this.deps.changed?.();
    }
    return evidence;
  }

  /** `evidence.privacy`: the preview's rows for the seed (no conditions, none dropped) against the real rows. */
  async privacyOf(input: { rows: number; seed: number }): Promise<PrivacyEvidence> {
    const project = this.deps.project();
    const generate = () => generatedRows(project, this.deps.engine, { ...input, where: [] });
    const source = selectedSource(project, this.deps.engine);
    const evidence = await this.privacy.run(source, generate, input.seed);
    this.memo.keepPrivacy(source.entry.record.id, input.seed, evidence);
    return evidence;
  }

  /**
   * The selected model's evidence for its report: kept from the checks, else computed now; and
   * its rules' violation rates in rows generated for the evidence's seed (the preview's path).
   */
  async reportEvidence(locale: ReportLocale): Promise<ReportEvidence> {
    const project = this.deps.project();
    const source = selectedSource(project, this.deps.engine);
    const hasRealRows = source.entry.trainedOn !== null || this.privacy.trainedOn(source) !== null;
    const sources = { modelId: source.entry.record.id, hasRealRows, memo: this.memo };
    const quality = (i: QualityRequest) => this.qualityOf(i);
    const evidence = await reportEvidence({ ...sources, quality, privacy: (i) => this.privacyOf(i) }, locale);
    const seed = evidenceSeed(evidence);
    const input = { rows: REPORT_RULE_ROWS, seed };
    // Measuring is best effort: without the figures the section says they were not measured.
    const violations = await generatedRuleViolations(project, this.deps.engine, input).catch(() => null);
    return { ...evidence, ruleRows: violations && { ...input, violations } };
  }

  /** Stops every job in progress (the project closes). */
  cancel(): void {
    this.exports.cancel();
    this.quality.cancel();
    this.privacy.cancel();
  }
}
