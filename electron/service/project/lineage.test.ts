/** A model is out of date exactly when something it was trained on changed, and says what; left-out columns are not generated. */
import { describe, expect, it } from 'vitest';
import type { CsvOptions, DataProvenance } from '../../../shared/domain/data.js';
import type { ColumnChoice, Lineage, SourceFingerprint } from '../../../shared/domain/project.js';
import { omittedColumns, staleness, type CurrentChoices } from './lineage.js';
import { DEFAULT_SUBSET } from './project.js';

const options: CsvOptions = {
  encoding: 'utf-8',
  delimiter: ',',
  quote: '"',
  header: true,
  raggedRows: 'pad',
  missingTokens: ['', 'NA'],
  dayFirst: null,
};
const fingerprint: SourceFingerprint = { bytes: 100, mtimeMs: 1, sha256: 'a'.repeat(64), scope: 'whole' };
const provenance: DataProvenance = {
  fileName: 'orders.csv',
  fileRows: 100,
  options,
  columns: [
    { name: 'order_id', originalName: 'order_id', type: 'identifier', include: false, format: {} },
    { name: 'region', originalName: 'region', type: 'categorical', include: true, format: {} },
    { name: 'customer_age', originalName: 'customer_age', type: 'integer', include: true, format: {} },
  ],
  subset: DEFAULT_SUBSET,
  rows: { subset: 100, outside: 0, train: 80, valid: 10, test: 10 },
  fromFile: null,
};
const lineage: Lineage = { fingerprint, provenance };
const choices = (): ColumnChoice[] => [
  { name: 'order_id', type: 'identifier', include: false, excludedReason: 'identifier' },
  { name: 'region', type: 'categorical', include: true, excludedReason: null },
  { name: 'customer_age', type: 'integer', include: true, excludedReason: null },
];
const now = (change: Partial<CurrentChoices> = {}): CurrentChoices => ({
  source: { name: 'orders.csv', fingerprint },
  options,
  columns: choices(),
  subset: { spec: DEFAULT_SUBSET, rows: 100 },
  ...change,
});

describe('staleness', () => {
  it('is null while nothing the model was trained on changed, and when its lineage is unknown', () => {
    expect(staleness(lineage, now())).toBeNull();
    expect(staleness(null, now({ options: { ...options, delimiter: ';' } }))).toBeNull();
    // A time that differs (a copy of the same bytes) is not a change.
    expect(
      staleness(lineage, now({ source: { name: 'orders.csv', fingerprint: { ...fingerprint, mtimeMs: 9 } } })),
    ).toBeNull();
  });

  it('names a column left out, a column added and a type changed', () => {
    const columns = choices();
    columns[2] = { ...columns[2], include: false, excludedReason: 'user' };
    columns[1] = { ...columns[1], type: 'text' };
    columns[0] = { ...columns[0], type: 'categorical', include: true, excludedReason: null };
    expect(staleness(lineage, now({ columns }))).toEqual({
      changes: [
        {
          what: 'columns',
          columns: [
            { name: 'order_id', change: 'added', was: null, now: 'categorical' },
            { name: 'region', change: 'type', was: 'categorical', now: 'text' },
            { name: 'customer_age', change: 'leftOut', was: 'integer', now: null },
          ],
        },
      ],
    });
  });

  it('names the reading options, the file and the subset that changed', () => {
    const other = { ...fingerprint, sha256: 'b'.repeat(64) };
    const spec = { ...DEFAULT_SUBSET, seed: 2 };
    const stale = staleness(
      lineage,
      now({
        source: { name: 'orders.csv', fingerprint: other },
        options: { ...options, delimiter: ';', missingTokens: ['', 'NA', '-'] },
        subset: { spec, rows: 60 },
      }),
    );
    expect(stale?.changes).toEqual([
      { what: 'file', was: 'orders.csv', now: 'orders.csv' },
      { what: 'options', fields: ['delimiter', 'missingTokens'] },
      { what: 'subset', wasRows: 100, nowRows: 60 },
    ]);
  });

  it('does not judge the subset of a project without data (a model opened alone)', () => {
    expect(staleness(lineage, { source: null, options: null, columns: [], subset: null })).toBeNull();
  });
});

describe('omittedColumns', () => {
  const header = provenance.columns.map((c) => c.name);
  const modelled = (name: string) => name !== 'order_id';

  it('leaves out a column the user left out, and a column the model generates that is no longer used', () => {
    const columns = choices();
    expect(omittedColumns(header, modelled, columns)).toEqual([]);
    columns[2] = { ...columns[2], include: false, excludedReason: 'user' };
    expect(omittedColumns(header, modelled, columns)).toEqual(['customer_age']);
    columns[1] = { ...columns[1], type: 'text', include: false, excludedReason: 'text' };
    expect(omittedColumns(header, modelled, columns)).toEqual(['region', 'customer_age']);
  });

  it('keeps a column the app leaves out itself and refills (fresh identifiers)', () => {
    expect(omittedColumns(header, modelled, choices())).not.toContain('order_id');
  });
});
