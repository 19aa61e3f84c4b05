/**
 * What a report is made from: the data and subset a model was trained on, its configuration,
 * figures and per-epoch points, the project's other models, and the language. Optional parts
 * (quality, privacy, detected rules) are filled by the metrics that compute them.
 */
import type { AppInfo } from '../../../shared/contract.js';
import type { QualityScore } from '../../../shared/domain/compare.js';
import type { DataProvenance, DatasetInfo, SubsetInfo } from '../../../shared/domain/data.js';
import type { TrainConfig, TrainSummary } from '../../../shared/domain/model.js';
import type { PrivacyEvidence } from '../../../shared/domain/privacy.js';
import type { QualityEvidence } from '../../../shared/domain/quality.js';
import type { ChartPoint, Lineage } from '../../../shared/domain/project.js';
import type { RuleSet, RuleViolation } from '../../../shared/domain/rules.js';
import { rareValueSummary, type RareValueSummary } from '../../data/index.js';
import type { ModelEntry } from '../project/project.js';
import type { Labels, ReportLocale } from './labels.js';

/** One model of the project, as the comparison shows it. */
export interface CompareModel {
  id: string;
  name: string;
  /** The rows and columns it was trained on (the verdict compares models trained on the same). */
  lineage: Lineage | null;
  config: TrainConfig;
  summary: TrainSummary;
  quality?: QualityScore | null;
  /** The model this report is about. */
  current: boolean;
}

export interface ReportInput {
  app: Pick<AppInfo, 'name' | 'version'>;
  /** The real name of the data file (never an upload's id): the report's title. */
  dataName: string;
  dataset: DatasetInfo | null;
  subset: SubsetInfo | null;
  /** What the model file says of its rows, for a model whose data is not loaded (dataset null). */
  provenance?: DataProvenance | null;
  config: TrainConfig;
  summary: TrainSummary;
  bits: number;
  /** What rare-value protection grouped (the encoding's `rareValueSummary`). */
  rare: RareValueSummary;
  locale: ReportLocale;
  modelName?: string;
  /** When the model was trained (ISO time). */
  createdAt?: string;
  /** The per-epoch points of its training (the training curves); absent for a model opened from a file. */
  points?: ChartPoint[];
  /** Every model of the project, for the comparison (shown when there are two or more). */
  models?: CompareModel[];
  /** When the report was written (ISO time; now by default). */
  generatedAt?: string;
  /** The quality evidence of the model's generated rows (`sections/quality.ts`); absent: see `evidenceAbsent`. */
  quality?: QualityEvidence | null;
  /** The privacy evidence of the model's generated rows (`sections/privacy.ts`). */
  privacy?: PrivacyEvidence | null;
  /** The seed of the generated rows the privacy evidence judged (the quality evidence records its own). */
  privacySeed?: number | null;
  /** Why the evidence is absent: no real rows (a model opened alone), or the check failed (its message). */
  evidenceAbsent?: { reason: 'noRealRows' } | { reason: 'failed'; message: string } | null;
  /** The business rules found in the training rows, as the model file keeps them (`sections/rules.ts`); none: null. */
  rules?: RuleSet | null;
  /** How often each rule is broken in rows the model generated for the report (absent: not measured). */
  ruleRows?: GeneratedRuleCheck | null;
}

/** The rules' violations in `rows` rows the model generated with `seed` (the preview's generation path). */
export interface GeneratedRuleCheck {
  rows: number;
  seed: number;
  violations: RuleViolation[];
}

/** What a section renders from: the input and its language's catalog. */
export interface ReportContext {
  input: ReportInput;
  L: Labels;
  locale: ReportLocale;
}

/** One section of the report: its anchor, its heading, and its body (null leaves the section out). */
export interface Section {
  id: string;
  heading: keyof Labels;
  render(ctx: ReportContext): string | null;
}

/** What the report says of a project's model: the data and subset it was trained on, its settings, figures and curves. */
export function modelReport(entry: ModelEntry): Omit<ReportInput, 'app' | 'dataName' | 'locale'> {
  const { record } = entry;
  return {
    ...entry.report,
    provenance: record.lineage?.provenance ?? null,
    config: record.config,
    summary: record.summary,
    bits: record.bits,
    rare: rareValueSummary(entry.encoding),
    modelName: record.name,
    createdAt: record.createdAt,
    points: record.points,
    rules: entry.rules ?? null,
  };
}

/** The project's models for the comparison, the report's own marked. */
export function compareModels(entries: readonly ModelEntry[], current: ModelEntry): CompareModel[] {
  return entries.map(({ record }) => ({
    id: record.id,
    name: record.name,
    lineage: record.lineage,
    config: record.config,
    summary: record.summary,
    quality: record.quality ?? null,
    current: record.id === current.record.id,
  }));
}
