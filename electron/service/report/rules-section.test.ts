/** The report's rules section: each rule in the rules panel's words, accepted or turned off, its share and tolerance, its violation rate in generated rows, hostile names escaped. */
import { describe, expect, it } from 'vitest';
import type { RuleSet, RuleViolation } from '../../../shared/domain/rules.js';
import { buildReport, type ReportInput } from './index.js';
import { reportInput } from './test-input.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function ruleSet(target = 'revenue'): RuleSet {
  return {
    version: 1,
    rows: 400,
    rules: [
      {
        rule: {
          kind: 'formula',
          key: `formula:${target}`,
          target,
          op: 'product',
          a: 'quantity',
          b: 'unit_price',
          factor: null,
          decimals: 2,
        },
        rows: 400,
        held: 400,
        tolerance: 0.005,
      },
      {
        rule: { kind: 'range', key: 'range:age', column: 'age', min: 18, max: 90 },
        rows: 398,
        held: 398,
        tolerance: 0,
      },
    ],
    off: ['range:age'],
    columns: [
      { name: target, type: 'numeric', format: {} },
      { name: 'age', type: 'numeric', format: {} },
    ],
  };
}

function violations(target = 'revenue'): RuleViolation[] {
  return [
    { key: `formula:${target}`, kind: 'formula', accepted: true, rows: 2000, violated: 0, rate: 0 },
    { key: 'range:age', kind: 'range', accepted: false, rows: 1990, violated: 57, rate: 57 / 1990 },
  ];
}

function withRules(locale: 'en' | 'ja', over: Partial<ReportInput> = {}): ReportInput {
  return {
    ...reportInput(locale),
    rules: ruleSet(),
    ruleRows: { rows: 2000, seed: 3, violations: violations() },
    ...over,
  };
}

function sectionOf(html: string): string {
  const start = html.indexOf('<section id="rules">');
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

const cells = (html: string) => [...html.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);

describe('report: rules section', () => {
  it('lists each rule in plain words with its status, share, tolerance and violation rate, in English', () => {
    const html = sectionOf(buildReport(withRules('en')));
    expect(html).toContain('<h2>Rules found in the data</h2>');
    expect(html).toContain(
      '2 rules hold in the training rows; 1 are kept by generation (accepted) and 1 were turned off',
    );
    expect(cells(html)).toEqual([
      'revenue is always quantity × unit_price',
      'Accepted',
      'holds in 100% of 400 rows · tolerance ±0.005',
      '0% (0 of 2,000 rows)',
      'age is between 18 and 90',
      'Turned off by the user',
      'holds in 100% of 398 rows',
      '2.86% (57 of 1,990 rows)',
    ]);
    expect(html).toContain('measured on 2000 rows generated with seed 3');
  });

  it('says the same in Japanese', () => {
    const html = sectionOf(buildReport(withRules('ja')));
    expect(html).toContain('<h2>データから見つけたルール</h2>');
    expect(cells(html)).toEqual([
      'revenue は常に quantity × unit_price',
      '採用',
      '400 行中 100% で成立 · 許容差 ±0.005',
      '0%（2,000 行中 0 行）',
      'age は 18 から 90 の間',
      '利用者が外した',
      '398 行中 100% で成立',
      '2.86%（1,990 行中 57 行）',
    ]);
    expect(html).toContain('シード 3 で生成した 2000 行');
  });

  it('escapes hostile column names', () => {
    const input = withRules('en', {
      rules: ruleSet(HOSTILE),
      ruleRows: { rows: 10, seed: 1, violations: violations(HOSTILE) },
    });
    const html = buildReport(input);
    expect(html).not.toContain('<img');
    expect(sectionOf(html)).toContain('&#60;img src=x onerror=alert(1)&#62; is always quantity × unit_price');
  });

  it('says when the rates were not measured, and in one line when the model has no rules', () => {
    const unmeasured = sectionOf(buildReport(withRules('en', { ruleRows: null })));
    expect(cells(unmeasured)[3]).toBe('—');
    expect(unmeasured).toContain('Violation rates in generated rows were not measured for this report.');
    for (const rules of [null, undefined, { ...ruleSet(), rules: [], off: [] }]) {
      const html = sectionOf(buildReport(withRules('ja', { rules, ruleRows: null })));
      expect(html).toBe(
        '<section id="rules"><h2>データから見つけたルール</h2>\n<p class="note">このモデルが学習した行にはルールが見つかりませんでした。</p>\n',
      );
    }
  });
});
