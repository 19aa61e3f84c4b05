/** Small, contract-valid replies for component tests (a two-column sales table, a segment table, a subset, a model, a project). */
import type { AppInfo } from '../../../shared/contract.js';
import type {
  ColumnProfile,
  DatasetInfo,
  RowTable,
  SegmentTable,
  SubsetInfo,
  SubsetSpec,
} from '../../../shared/domain/data.js';
import type { LayerResult, TrainConfig, TrainSummary } from '../../../shared/domain/model.js';
import type { ProjectModel, ProjectState } from '../../../shared/domain/project.js';
import { columnProfile } from '../../../shared/test/column-profile.js';

export const appInfo = (osLocale = 'en-US'): AppInfo => ({
  name: 'Layerwise Studio',
  version: '0.1.0',
  backend: 'wasm',
  transport: 'web',
  osLocale,
  platform: 'linux',
});

function column(
  index: number,
  name: string,
  type: ColumnProfile['type'],
  distinct: number,
  bins: string[],
): ColumnProfile {
  return columnProfile(
    index,
    name,
    type,
    distinct,
    bins.map((label, i) => ({ label, count: 10 * (i + 1) })),
  );
}

const csv = {
  encoding: 'utf-8',
  delimiter: ',',
  quote: '"',
  header: true,
  raggedRows: 'pad',
  missingTokens: ['', 'NA'],
  dayFirst: null,
} as const;

export function datasetInfo(): DatasetInfo {
  return {
    datasetId: 'd1',
    fileName: 'orders.csv',
    bytes: 1234,
    detected: { ...csv, missingTokens: [...csv.missingTokens] },
    options: { ...csv, missingTokens: [...csv.missingTokens] },
    rows: 100,
    fileRows: 100,
    columns: [
      column(0, 'region', 'categorical', 3, ['East', 'West', 'North']),
      column(1, 'amount', 'numeric', 80, ['0–10', '10–20']),
      column(2, 'member', 'boolean', 2, ['yes', 'no']),
    ],
    preview: {
      header: ['region', 'amount', 'member'],
      rows: [
        ['East', '12.50', 'yes'],
        ['West', '3.10', 'no'],
      ],
    },
    problems: [
      {
        code: 'problems.tooManyFields.padded',
        severity: 'warning',
        params: { count: 2, expected: 3 },
        examples: [{ line: 7, text: 'East,1,yes,extra' }],
      },
    ],
    sampledOnImport: false,
  };
}

/** Shares 0.5, 0.3, 0.2: an 80 % coverage target keeps the first two. */
export const segmentTable = (): SegmentTable => ({
  columns: [0],
  total: 100,
  segments: [
    { key: ['East'], count: 50, share: 0.5 },
    { key: ['West'], count: 30, share: 0.3 },
    { key: ['North'], count: 20, share: 0.2 },
  ],
  wholeFile: false,
});

export const subsetInfo = (spec: SubsetSpec): SubsetInfo => ({
  spec,
  rows: 80,
  outside: 20,
  train: 64,
  valid: 8,
  test: 8,
  representativeness: [
    { index: 1, name: 'amount', distance: 0.04, flagged: false },
    { index: 2, name: 'member', distance: 0.21, flagged: true },
  ],
  fromFile: null,
});

export function trainConfig(): TrainConfig {
  const layer = {
    units: 16,
    method: 'aeries',
    epochs: 10,
    batchSize: 64,
    learningRate: 0.01,
    samples: 4,
    inferenceWidth: null,
    criterion: 'blm',
    cdK: 1,
    persistent: true,
  } as const;
  return {
    layers: [{ ...layer }, { ...layer, units: 8 }],
    topPrior: 'rbm',
    topHidden: 8,
    topEpochs: 10,
    seed: 1,
    validationFraction: 0.1,
    patience: 0,
    fineTuneEpochs: 0,
  };
}

export const layerResult = (layer: number): LayerResult => ({
  layer,
  units: 16,
  method: 'aeries',
  epochs: 3,
  seconds: 1.5,
  blmTrain: { value: -12.5, exact: true, se: null },
  blmValid: { value: -13.25, exact: false, se: 0.02 },
});

export const summary = (): TrainSummary => ({
  backend: 'wasm',
  seconds: 3,
  layers: [layerResult(0)],
  logLikelihood: { train: { value: -12.9, exact: false, se: 0.05 }, valid: null, test: null },
  fineTune: null,
  outside: null,
});

export const rows = (header: string[], n: number, tag: string): RowTable => ({
  header,
  rows: Array.from({ length: n }, (_, i) => header.map((h) => `${tag}-${h}-${i}`)),
});

/** A project as the service describes it: empty unless told otherwise. */
export function projectState(overrides: Partial<ProjectState> = {}): ProjectState {
  return {
    id: 'project-1',
    name: 'orders',
    fileName: null,
    path: null,
    dirty: false,
    unsaved: false,
    source: null,
    importSource: null,
    dataMissing: null,
    columns: [],
    subset: null,
    models: [],
    selected: null,
    run: null,
    autosavedAt: null,
    data: null,
    ...overrides,
  };
}

/** A model of a project, trained on orders.csv; out of date when `stale` is given. */
export function projectModel(id: string, overrides: Partial<ProjectModel> = {}): ProjectModel {
  return {
    id,
    name: 'Model 1',
    origin: 'trained',
    createdAt: '2026-12-01T10:00:00.000Z',
    config: trainConfig(),
    summary: summary(),
    bits: 40,
    lineage: null,
    points: [
      { layer: 0, stage: 'layer', epoch: 1, train: -14, valid: -14.5 },
      { layer: 0, stage: 'layer', epoch: 2, train: -13, valid: -13.6 },
    ],
    stale: null,
    ...overrides,
  };
}

export const source = (name = 'orders.csv'): ProjectState['source'] => ({
  kind: 'file',
  name,
  path: null,
  fingerprint: { bytes: 1234, mtimeMs: 1, sha256: 'a'.repeat(64), scope: 'whole' },
});
