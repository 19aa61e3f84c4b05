/** The report's comparison says the verdict AERIes against stacked RBMs as the Train step does, in English and Japanese. */
import { describe, expect, it } from 'vitest';
import type { Lineage } from '../../../shared/domain/project.js';
import { buildReport, type CompareModel, type ReportInput } from './index.js';
import { est, reportInput } from './test-input.js';

// The verdict compares models trained on the same rows and columns: the fields its key reads.
const same = {
  fingerprint: { sha256: 'abc' },
  provenance: { fileName: 'orders.csv', fileRows: 10, options: {}, columns: [], subset: null },
} as unknown as Lineage;

function withKinds(locale: 'en' | 'ja', lineage: Lineage | null = same): ReportInput {
  const input = reportInput(locale);
  const [a, b] = input.models! as [CompareModel, CompareModel];
  const rbm = { ...b.config, layers: b.config.layers.map((l) => ({ ...l, method: 'rbm' as const })) };
  const aeries = { ...a.config, layers: a.config.layers.map((l) => ({ ...l, method: 'aeries' as const })) };
  const ll = (valid: number) => ({ ...a.summary.logLikelihood, valid: est(valid, 0.01) });
  return {
    ...input,
    models: [
      { ...a, lineage, config: aeries, summary: { ...a.summary, logLikelihood: ll(-11.5) } },
      { ...b, name: '<b>RBM</b>', lineage, config: rbm, summary: { ...b.summary, logLikelihood: ll(-12) } },
    ],
  };
}

const compareOf = (html: string) =>
  html.slice(html.indexOf('<section id="compare">'), html.indexOf('<section id="coverage">'));

describe('report: the verdict AERIes against stacked RBMs', () => {
  it('says which kind reaches more on validation rows, by how much, names escaped', () => {
    const html = compareOf(buildReport(withKinds('en')));
    expect(html).toContain(
      '<p class="verdict">On your data, AERIes (Model 1) reaches 0.500 nats per row more than stacked RBMs (&#60;b&#62;RBM&#60;/b&#62;) on validation rows.</p>',
    );
  });

  it('is in Japanese when the report is, and says when the models cannot be compared', () => {
    expect(compareOf(buildReport(withKinds('ja')))).toContain('AERIes（Model 1）が積み重ねRBM');
    expect(compareOf(buildReport(withKinds('en', null)))).toContain('were not trained on the same rows and columns');
  });

  it('says nothing without both kinds', () => {
    expect(compareOf(buildReport(reportInput('en')))).not.toContain('class="verdict"');
  });
});
