/** "column = value" conditions to the slots the engine fixes, and the refusals for values the model cannot generate on its own. */
import { describe, expect, it } from 'vitest';
import { formatError } from '../../../shared/i18n/format.js';
import { conditionColumns, conditionSlots } from './condition.js';
import type { EncodingSpec } from './spec.js';

const spec: EncodingSpec = {
  format: 'layerwise-encoding',
  version: 1,
  header: ['id', 'region', 'amount', 'member', 'size', 'country'],
  rareMin: 5,
  columns: [
    { kind: 'identifier', column: 0, name: 'id', prefix: 'C', width: 4, start: 1 },
    {
      kind: 'levels',
      column: 1,
      name: 'region',
      type: 'category',
      levels: ['North', 'South'],
      other: true,
      otherLevels: ['East'],
      otherCounts: [7],
      rareLevels: 3,
      rareRows: 4,
      missing: false,
    },
    { kind: 'bins', column: 2, name: 'amount', type: 'number', format: {}, edges: [0, 1, 2], missing: false },
    { kind: 'flag', column: 3, name: 'member', trueToken: 'yes', falseToken: 'no' },
    { kind: 'values', column: 4, name: 'size', type: 'integer', format: {}, values: [1, 2, 3], missing: true },
    { kind: 'constant', column: 5, name: 'country', value: 'JP' },
  ],
} as EncodingSpec;

describe('conditions', () => {
  it('lists the columns that can be fixed with their values', () => {
    expect(conditionColumns(spec, ['size'])).toEqual([
      { column: 'region', values: ['North', 'South'] },
      { column: 'member', values: ['no', 'yes'] },
      { column: 'country', values: ['JP'] },
    ]);
  });

  it('maps values to group slots (groups: region 0, amount 1, member 2, size 3); a constant needs none', () => {
    expect(
      conditionSlots(spec, [
        { column: 'size', value: '2' },
        { column: 'region', value: 'South' },
        { column: 'member', value: 'yes' },
        { column: 'country', value: 'JP' },
        { column: 'region', value: 'South' },
      ]),
    ).toEqual([
      { group: 0, slot: 1 },
      { group: 2, slot: 1 },
      { group: 3, slot: 1 },
    ]);
  });

  it('counts every group of a quantile code (its bin, then its fine bits) before the columns after it', () => {
    const quantiles = { column: 1, type: 'number', format: {}, knots: [0, 1], step: 0.1, missing: false } as const;
    const withCodes = {
      ...spec,
      header: ['amount', 'count', 'region'],
      columns: [
        { kind: 'quantiles', name: 'amount', bins: 4, fineBits: 2, ...quantiles, column: 0 },
        { kind: 'quantiles', name: 'count', bins: 4, fineBits: 1, coarse: 'thermometer', ...quantiles },
        { ...spec.columns[1], column: 2 },
      ],
    } as EncodingSpec;
    // amount: softmax + 2 bits (groups 0–2); count: 3 thermometer bits + 1 fine bit (3–6); region: 7.
    expect(conditionSlots(withCodes, [{ column: 'region', value: 'South' }])).toEqual([{ group: 7, slot: 1 }]);
  });

  it('refuses what it cannot fix, saying why', () => {
    const fails = (column: string, value: string) => {
      try {
        conditionSlots(spec, [{ column, value }]);
      } catch (e) {
        return formatError(e, 'en');
      }
      throw new Error('not refused');
    };
    expect(fails('regio', 'North')).toContain('The model has no column "regio"');
    expect(fails('amount', '1')).toContain('Column "amount" cannot be fixed');
    expect(fails('id', 'C0001')).toContain('cannot be fixed');
    expect(fails('region', 'West')).toContain('fewer than 5 times and was grouped as "(other)"');
    expect(fails('region', 'East')).toContain('less frequent values the model keeps together');
    expect(fails('member', 'maybe')).toContain('Choose one of: no, yes.');
    expect(() =>
      conditionSlots(spec, [
        { column: 'region', value: 'North' },
        { column: 'region', value: 'South' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'samples.conflict' }));
  });
});
