/**
 * Generation keeps the accepted rules: a small model of the sample data generates rows in which
 * every accepted rule holds (its rows break them without the rules), a rule the user turned off
 * is not enforced, repaired cells are written in their column's format, the same seed gives the
 * same rows and a preview is the start of a longer stream; repairs end even for rules in conflict.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '../../shared/domain/rules.js';
import { defaultTrainConfig } from '../../shared/domain/model.js';
import { ruleViolations } from '../data/index.js';
import { sampleSubset } from './test/sample-subset.js';
import { fitModel, prepareTraining, ruleKeeper, streamRows, type ModelBundle } from './index.js';

/** A plain number format with `decimals` decimals (a point, no thousands separator, no currency). */
const plainNumber = (decimals: number) => ({
  number: {
    decimals,
    decimalMark: '.' as const,
    thousands: '' as const,
    currency: '',
    currencyPosition: 'prefix' as const,
    percent: false,
    parensNegative: false,
    fullWidth: false,
  },
});

let bundle: ModelBundle;

beforeAll(async () => {
  const subset = await sampleSubset();
  const set = prepareTraining(subset, { rulesOff: ['range:customer_age', 'pairs:store_type*payment'] });
  const base = defaultTrainConfig(set.train.bits, set.train.rows);
  const config = { ...base, layers: [{ ...base.layers[0], units: 6, epochs: 1 }], topPrior: 'bernoulli' as const };
  ({ bundle } = await fitModel(set, config, '9.9.9'));
});

describe('rules kept in generated rows', () => {
  it('generates rows that keep every accepted rule, which the raw decoded rows break', () => {
    const rules = bundle.manifest.dataRules!;
    expect(rules.off).toEqual(['range:customer_age', 'pairs:store_type*payment']);
    const kept = ruleViolations(rules, streamRows(bundle, 2500, 5));
    for (const v of kept) if (v.accepted) expect([v.key, v.rate]).toEqual([v.key, 0]);
    const raw = streamRows({ ...bundle, manifest: { ...bundle.manifest, dataRules: undefined } }, 2500, 5);
    const broken = ruleViolations(rules, raw);
    const rate = (key: string) => broken.find((v) => v.key === key)?.rate ?? 0;
    expect(rate('formula:revenue')).toBeGreaterThan(0.5);
    expect(rate('threshold:store_type=Online')).toBeGreaterThan(0.05);
    // Turned off: not enforced, so the generated rows break it as the raw ones do.
    expect(kept.find((v) => v.key === 'pairs:store_type*payment')?.rate).toBeGreaterThan(0);
  });

  it('writes repaired cells in their format, the same rows for a seed, a preview the start of the stream', () => {
    const rows = streamRows(bundle, 1500, 9);
    const revenue = rows.header.indexOf('revenue');
    expect(rows.rows.every((r) => /^\d+\.\d\d$/.test(r[revenue]))).toBe(true);
    expect(streamRows(bundle, 1500, 9)).toEqual(rows);
    expect(streamRows(bundle, 40, 9).rows).toEqual(rows.rows.slice(0, 40));
    expect(streamRows(bundle, 40, 10).rows).not.toEqual(rows.rows.slice(0, 40));
  });

  it('computes a chain of formulas inputs first, and meets an order without changing a computed column', () => {
    const f = (target: string, op: 'product' | 'sum', a: string, b: string) => ({
      rule: { kind: 'formula' as const, key: `formula:${target}`, target, op, a, b, factor: null, decimals: 2 },
      rows: 9,
      held: 9,
      tolerance: 0.005,
    });
    const num = plainNumber(2);
    const set: RuleSet = {
      version: 1,
      rows: 9,
      off: [],
      columns: ['q', 'p', 'net', 'tax', 'gross'].map((name) => ({ name, type: 'numeric' as const, format: num })),
      rules: [
        f('gross', 'sum', 'net', 'tax'),
        f('net', 'product', 'q', 'p'),
        {
          rule: { kind: 'order', key: 'order:tax<=net', a: 'tax', b: 'net', strict: false },
          rows: 9,
          held: 9,
          tolerance: 0,
        },
      ],
    };
    const rows = [['2.00', '3.50', '1.00', '9.00', '0.00']];
    ruleKeeper(set, ['q', 'p', 'net', 'tax', 'gross'], 1)!(rows, 0);
    // tax is brought to net (net is computed), then net and gross are computed in that order.
    expect(rows[0]).toEqual(['2.00', '3.50', '7.00', '1.00', '8.00']);
    expect(
      ruleViolations(set, { header: ['q', 'p', 'net', 'tax', 'gross'], rows }).every((v) => v.violated === 0),
    ).toBe(true);
  });

  it('keeps a computed target inside its real range by moving an input, which stays on its grid and in range', () => {
    const held = { rows: 9, held: 9, tolerance: 0 };
    const range = (column: string, min: number, max: number) => ({
      rule: { kind: 'range' as const, key: `range:${column}`, column, min, max },
      ...held,
    });
    const set: RuleSet = {
      version: 1,
      rows: 9,
      off: [],
      columns: [
        { name: 'q', type: 'integer', format: plainNumber(0) },
        { name: 'p', type: 'numeric', format: plainNumber(2) },
        { name: 'revenue', type: 'numeric', format: plainNumber(2) },
      ],
      rules: [
        {
          rule: {
            kind: 'formula',
            key: 'formula:revenue',
            target: 'revenue',
            op: 'product',
            a: 'q',
            b: 'p',
            factor: null,
            decimals: 2,
          },
          ...held,
          tolerance: 0.005,
        },
        range('q', 1, 10),
        range('p', 1, 99.99),
        range('revenue', 1, 500),
      ],
    };
    const header = ['q', 'p', 'revenue'];
    // 9 × 90.50 = 814.50 is above every real revenue; 2 × 30.00 = 60.00 is not.
    const rows = [
      ['9', '90.50', '0.00'],
      ['2', '30.00', '0.00'],
    ];
    ruleKeeper(set, header, 1)!(rows, 0);
    // The quantity moves down to the largest that keeps revenue ≤ 500 (5 × 90.50 = 452.50); the price stays.
    expect(rows[0]).toEqual(['5', '90.50', '452.50']);
    expect(rows[1]).toEqual(['2', '30.00', '60.00']);
    expect(ruleViolations(set, { header, rows }).every((v) => v.violated === 0)).toBe(true);
  });

  it('sets a category from its threshold, and moves the number when no other level may be named', () => {
    const threshold = (others: [string, number][]): RuleSet => ({
      version: 1,
      rows: 10,
      off: [],
      columns: [
        { name: 'store', type: 'categorical', format: {} },
        { name: 'days', type: 'integer', format: {} },
      ],
      rules: [
        {
          rule: {
            kind: 'threshold',
            key: 'threshold:store=Online',
            column: 'store',
            level: 'Online',
            number: 'days',
            above: true,
            threshold: 0,
            others,
          },
          rows: 10,
          held: 10,
          tolerance: 0,
        },
      ],
    });
    const rows = [
      ['Mall', '3'],
      ['Online', '0'],
    ];
    ruleKeeper(threshold([['Mall', 9]]), ['store', 'days'], 1)!(rows, 0);
    expect(rows).toEqual([
      ['Online', '3'],
      ['Mall', '0'],
    ]);
    const lone = [['Online', '0']];
    ruleKeeper(threshold([]), ['store', 'days'], 1)!(lone, 0);
    expect(lone).toEqual([['Online', '1']]);
    // A column a condition fixed ("only rows where store = Mall") is never changed: that rule is not kept.
    const given = [['Mall', '3']];
    expect(ruleKeeper(threshold([['Mall', 9]]), ['store', 'days'], 1, new Set(['store']))).toBeNull();
    ruleKeeper(threshold([['Mall', 9]]), ['store', 'days'], 1, new Set(['days']))?.(given, 0);
    expect(given).toEqual([['Mall', '3']]);
  });

  it('ends its repairs when two rules cannot both hold, leaving other rows untouched', () => {
    const set: RuleSet = {
      version: 1,
      rows: 10,
      off: [],
      columns: [{ name: 'x', type: 'integer', format: {} }],
      rules: [
        { rule: { kind: 'range', key: 'range:x', column: 'x', min: 0, max: 5 }, rows: 10, held: 10, tolerance: 0 },
        {
          rule: {
            kind: 'formula',
            key: 'formula:x',
            target: 'x',
            op: 'product',
            a: 'x',
            b: null,
            decimals: 0,
            factor: { column: 'x', sign: 1, scale: 1 },
          },
          rows: 10,
          held: 10,
          tolerance: 0,
        },
      ],
    };
    const rows = [['9'], ['0'], ['']];
    ruleKeeper(set, ['x'], 1)!(rows, 0);
    expect(rows[1]).toEqual(['0']);
    expect(rows[2]).toEqual(['']);
    expect(ruleKeeper(undefined, ['x'], 1)).toBeNull();
  });
});
