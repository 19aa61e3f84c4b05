/** A report input for the report's tests: a two-layer model with curves, a subset, two models to compare. */
import type { DatasetInfo, SubsetInfo } from '../../../shared/domain/data.js';
import { defaultTrainConfig, type Estimate, type TrainSummary } from '../../../shared/domain/model.js';
import type { ChartPoint } from '../../../shared/domain/project.js';
import { columnProfile } from '../../../shared/test/column-profile.js';
import type { ReportInput } from './index.js';
import type { ReportLocale } from './labels.js';

export const exact = (value: number): Estimate => ({ value, exact: true, se: null });
export const est = (value: number, se: number): Estimate => ({ value, exact: false, se });

const layer = (i: number, train: number, valid: number) => ({
  layer: i,
  units: 8 - i * 2,
  method: 'aeries' as const,
  epochs: 3,
  seconds: 1.5,
  blmTrain: exact(train),
  blmValid: est(valid, 0.02),
});

export const summary: TrainSummary = {
  backend: 'wasm',
  seconds: 12.3,
  layers: [layer(0, -10.5, -10.9), layer(1, -11.2, -11.6)],
  logLikelihood: { train: exact(-11.4), valid: est(-11.9, 0.05), test: est(-12.1, 0.06) },
  fineTune: null,
  outside: { rows: 40, represented: 35, logLikelihood: est(-14.2, 0.3) },
};

export const points: ChartPoint[] = [0, 1].flatMap((l) =>
  [1, 2, 3].map((epoch) => ({ layer: l, stage: 'layer' as const, epoch, train: -13 + epoch, valid: -13.5 + epoch })),
);

export function dataset(fileName: string): DatasetInfo {
  const column = (index: number, name: string, type: 'categorical' | 'numeric') =>
    columnProfile(index, name, type, 3, [
      { label: 'a', count: 50 },
      { label: 'b', count: 30 },
    ]);
  return {
    datasetId: 'b3f1c2d4-0000-4000-8000-000000000000',
    fileName,
    bytes: 1000,
    detected: options,
    options,
    rows: 100,
    fileRows: 100,
    columns: [column(0, 'store', 'categorical'), column(1, 'amount', 'numeric')],
    preview: { header: [], rows: [] },
    problems: [],
    sampledOnImport: false,
  } as DatasetInfo;
}

const options = {
  encoding: 'utf-8' as const,
  delimiter: ',' as const,
  quote: '"',
  header: true,
  raggedRows: 'skip' as const,
  missingTokens: [''],
  dayFirst: null,
};

export const subset: SubsetInfo = {
  spec: {
    segments: null,
    sample: { rows: 60, stratified: false },
    seed: 1,
    split: { train: 0.8, valid: 0.1, test: 0.1 },
  },
  rows: 60,
  outside: 40,
  train: 48,
  valid: 6,
  test: 6,
  representativeness: [
    { index: 0, name: 'store', distance: 0.04, flagged: false },
    { index: 1, name: 'amount', distance: 0.15, flagged: true },
  ],
  fromFile: null,
};

export function reportInput(locale: ReportLocale, dataName = 'orders.csv'): ReportInput {
  const config = defaultTrainConfig(20, 100);
  return {
    app: { name: 'Layerwise Studio', version: '9.9.9' },
    dataName,
    dataset: dataset(dataName),
    subset,
    config,
    summary,
    bits: 20,
    rare: { rareMin: 5, columns: [] },
    locale,
    modelName: 'Model 1',
    createdAt: '2026-12-01T10:00:00.000Z',
    points,
    models: [
      {
        id: 'm1',
        name: 'Model 1',
        lineage: null,
        config,
        summary,
        quality: { score: 87.5, of: 'test' },
        current: true,
      },
      {
        id: 'm2',
        name: 'Model 2',
        lineage: null,
        config,
        summary: { ...summary, logLikelihood: { ...summary.logLikelihood, test: exact(-13) } },
        current: false,
      },
    ],
    generatedAt: '2026-12-02T00:00:00.000Z',
  };
}
