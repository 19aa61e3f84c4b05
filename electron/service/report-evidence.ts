/**
 * The quality and privacy evidence of the selected model for its report: the last computed for
 * that model in this session (the Samples step's checks), else computed now (with the jobs'
 * progress events), the privacy evidence on the quality's seed so both judge the same stream.
 * When the model's real rows are not available (a model opened alone, data changed since), the
 * report says so instead; a check that fails is said in the report's language.
 */
import { PrivacyRequest, type PrivacyEvidence } from '../../shared/domain/privacy.js';
import type { QualityEvidence, QualityRequest } from '../../shared/domain/quality.js';
import type { QualityScore } from '../../shared/domain/compare.js';
import { formatError } from '../../shared/i18n/format.js';
import type { ReportInput } from './report/index.js';
import type { ReportLocale } from '../../shared/domain/report.js';

/** The Samples step's default seed: what the report's evidence uses when no check was run. */
export const REPORT_EVIDENCE_SEED = 1;

export type ReportEvidence = Pick<ReportInput, 'quality' | 'privacy' | 'privacySeed' | 'evidenceAbsent' | 'ruleRows'>;

/** How many generated rows the report's rule violation rates are measured on. */
export const REPORT_RULE_ROWS = 2000;

/** The seed of the report's generated rows: the evidence's, else the Samples step's default. */
export function evidenceSeed(e: ReportEvidence): number {
  return e.quality?.seed ?? e.privacySeed ?? REPORT_EVIDENCE_SEED;
}

/** The evidence last computed per model id (this session only). */
export class EvidenceMemo {
  private readonly quality = new Map<string, QualityEvidence>();
  private readonly privacy = new Map<string, { seed: number; evidence: PrivacyEvidence }>();

  keepQuality(modelId: string, evidence: QualityEvidence): void {
    this.quality.set(modelId, evidence);
  }

  keepPrivacy(modelId: string, seed: number, evidence: PrivacyEvidence): void {
    this.privacy.set(modelId, { seed, evidence });
  }

  lastQuality(modelId: string): QualityEvidence | undefined {
    return this.quality.get(modelId);
  }

  lastPrivacy(modelId: string): { seed: number; evidence: PrivacyEvidence } | undefined {
    return this.privacy.get(modelId);
  }
}

/** What the comparison records of a quality check: the overall score in percent, and which held-out rows. */
export function qualityScoreOf(q: QualityEvidence): QualityScore | null {
  if (q.overall.model === null || q.holdoutKind === null) return null;
  const score = Math.min(100, Math.max(0, Math.round(q.overall.model * 1000) / 10));
  return { score, of: q.holdoutKind === 'test' ? 'test' : 'valid' };
}

export interface EvidenceSources {
  modelId: string;
  /** Whether the model's real rows (training and held-out) are at hand. */
  hasRealRows: boolean;
  memo: EvidenceMemo;
  quality(input: QualityRequest): Promise<QualityEvidence>;
  privacy(input: { rows: number; seed: number }): Promise<PrivacyEvidence>;
}

/** The report's evidence: kept, else computed; absent with the reason when it cannot be. */
export async function reportEvidence(s: EvidenceSources, locale: ReportLocale): Promise<ReportEvidence> {
  const keptQ = s.memo.lastQuality(s.modelId);
  const keptP = s.memo.lastPrivacy(s.modelId);
  if (!s.hasRealRows && !keptQ && !keptP) return { evidenceAbsent: { reason: 'noRealRows' } };
  const seed = keptQ?.seed ?? keptP?.seed ?? REPORT_EVIDENCE_SEED;
  try {
    const quality = keptQ ?? (await s.quality({ seed }));
    const privacy = keptP ?? { seed, evidence: await s.privacy({ rows: PrivacyRequest.parse({ seed }).rows, seed }) };
    return { quality, privacy: privacy.evidence, privacySeed: privacy.seed };
  } catch (err) {
    return {
      quality: keptQ ?? null,
      privacy: keptP?.evidence ?? null,
      privacySeed: keptP?.seed ?? null,
      evidenceAbsent: { reason: 'failed', message: formatError(err, locale) },
    };
  }
}
