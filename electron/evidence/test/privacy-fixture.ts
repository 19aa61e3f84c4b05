/**
 * A tiny hand-computed case for the privacy evidence's tests: an id, an amount (range 0–10 in
 * the training rows) and a region; two training rows, two held-out rows, four generated rows.
 * The distances are worked out by hand in privacy.test.ts.
 */
import type { RowTable } from '../../../shared/domain/data.js';
import type { EncodingSpec } from '../../data/index.js';

export const encoding: EncodingSpec = {
  format: 'layerwise-encoding',
  version: 1,
  header: ['id', 'amount', 'region'],
  columns: [
    { kind: 'identifier', column: 0, name: 'id', prefix: 'T', width: 3, start: 100 },
    { kind: 'bins', column: 1, name: 'amount', type: 'numeric', format: {}, edges: [0, 5, 10], missing: true },
    {
      kind: 'levels',
      column: 2,
      name: 'region',
      type: 'categorical',
      levels: ['N', 'S'],
      other: true,
      otherLevels: [],
      otherCounts: [],
      rareLevels: 2,
      rareRows: 3,
      missing: false,
    },
  ],
  rareMin: 5,
};

const table = (rows: string[][]): RowTable => ({ header: ['id', 'amount', 'region'], rows });

export const training = table([
  ['T001', '0', 'N'],
  ['T002', '10', 'S'],
]);
export const holdout = table([
  ['T003', '0', 'N'],
  ['T004', '4', 'S'],
]);
export const generated = table([
  ['T100', '0', 'N'],
  ['T101', '9', 'S'],
  ['T102', '3', 'N'],
  ['T103', '5', 'S'],
]);

export const realIds = ['T001', 'T002', 'T003', 'T004'];
