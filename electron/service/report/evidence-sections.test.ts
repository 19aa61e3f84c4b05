/** The report's quality and privacy sections: in English and Japanese, their figures and SVG charts, hostile names escaped, and why they are absent. */
import { describe, expect, it } from 'vitest';
import type { QualityEvidence } from '../../../shared/domain/quality.js';
import { buildReport, type ReportInput } from './index.js';
import { privacySection } from './sections/privacy.js';
import { privacyResult, qualityResult } from '../../../shared/test/evidence-fixtures.js';
import { reportInput } from './test-input.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function withEvidence(locale: 'en' | 'ja', over: Partial<ReportInput> = {}): ReportInput {
  return { ...reportInput(locale), quality: qualityResult(), privacy: privacyResult(), privacySeed: 7, ...over };
}

function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

function hostileQuality(): QualityEvidence {
  const q = qualityResult();
  q.columns[0]!.column = HOSTILE;
  q.associations.columns = [HOSTILE, 'order_date', 'region'];
  return q;
}

describe('report: quality section', () => {
  it('gives the overall score with its parts, floor and ceiling, the verdict, charts and the checks, in English', () => {
    const html = sectionOf(buildReport(withEvidence('en')), 'quality');
    expect(html).toContain('<h2>Quality of the generated rows</h2>');
    expect(html).toContain('closer to columns drawn apart'); // the 'partial' verdict
    for (const s of ['Overall score', 'Column Shapes', 'Column Pair Trends', '89.1', '96.6', '84.0'])
      expect(html).toContain(s);
    // scores + 3 column charts + 3 heatmaps
    expect(html.match(/<svg /g)).toHaveLength(7);
    expect(html).toContain('Difference (generated − real)');
    expect(html).toContain('pMSE of 0.025');
    expect(html).toContain('A model predicting “region”');
    expect(html).toContain('Rows generated with seed 1.');
    expect(html).toContain('2024-01-01');
  });

  it('is in Japanese when the report is', () => {
    const html = sectionOf(buildReport(withEvidence('ja')), 'quality');
    expect(html).toContain('<h2>生成した行の品質</h2>');
    expect(html).toContain('総合スコア');
    expect(html).toContain('差 (生成 − 実データ)');
    expect(html).toContain('合成データで学習し実データで検証');
    expect(html).not.toContain('Overall score');
  });

  it('escapes column names taken from the file', () => {
    const html = sectionOf(buildReport(withEvidence('en', { quality: hostileQuality() })), 'quality');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img');
  });
});

describe('report: privacy section', () => {
  it('gives the verdict, the figures against held-out rows, the DCR chart and each check with its threshold', () => {
    const html = sectionOf(buildReport(withEvidence('en')), 'privacy');
    expect(html).toContain('<h2>Privacy of the generated rows</h2>');
    expect(html).toContain('Look closer: Some generated rows sit closer');
    expect(html).toContain('4 of 2000 (0.2%)');
    expect(html).toContain('58%');
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toContain('Distance to the closest training row');
    expect(html).toContain('Fine up to 55%; look closer up to 60%');
    expect(html).toContain('seed 7');
    expect(html).toContain('order_id: its 8000 real values');
  });

  it('is in Japanese when the report is', () => {
    const html = sectionOf(buildReport(withEvidence('ja')), 'privacy');
    expect(html).toContain('<h2>生成した行のプライバシー</h2>');
    expect(html).toContain('要確認');
    expect(html).toContain('学習行の完全なコピー');
    expect(html).not.toContain('Exact copies');
  });

  it('escapes identifier and column names taken from the file', () => {
    const p = privacyResult();
    p.replaced.identifiers[0]!.name = HOSTILE;
    p.replaced.rareValues[0]!.name = HOSTILE;
    const html = buildReport(withEvidence('en', { privacy: p }));
    expect(sectionOf(html, 'privacy')).not.toContain('<img');
    expect(sectionOf(html, 'privacy')).toContain('&#60;img src=x');
  });
});

describe('report: evidence absent', () => {
  it('says the real rows are not loaded for a model opened alone, in both languages', () => {
    const en = buildReport({ ...reportInput('en'), evidenceAbsent: { reason: 'noRealRows' } });
    expect(sectionOf(en, 'quality')).toContain('the real rows this model was trained on are not loaded');
    expect(sectionOf(en, 'privacy')).toContain('the real rows this model was trained on are not loaded');
    expect(sectionOf(en, 'quality')).not.toContain('<svg');
    const ja = buildReport({ ...reportInput('ja'), evidenceAbsent: { reason: 'noRealRows' } });
    expect(sectionOf(ja, 'privacy')).toContain('実データの行が読み込まれていません');
  });

  it('says a check failed with its message, escaped, and keeps the evidence it has', () => {
    const input = {
      ...reportInput('en'),
      quality: qualityResult(),
      evidenceAbsent: { reason: 'failed' as const, message: HOSTILE },
    };
    const html = buildReport(input);
    expect(sectionOf(html, 'quality')).toContain('<svg');
    expect(sectionOf(html, 'privacy')).toContain('could not run on this model (&#60;img');
    expect(privacySection.id).toBe('privacy');
  });
});
