/** The report states the rare-value protection: k, and what it grouped, in the UI's language. */
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/contract.js';
import { defaultTrainConfig, type TrainSummary } from '../../../shared/domain/model.js';
import { buildReport, type ReportInput } from './index.js';

const app: AppInfo = {
  name: 'Layerwise Studio',
  version: '1',
  backend: 'cpu',
  transport: 'web',
  osLocale: 'en',
  platform: 'linux',
};
const est = { value: -3, exact: true, se: null };
const summary: TrainSummary = {
  backend: 'cpu',
  seconds: 1,
  layers: [],
  logLikelihood: { train: est, valid: null, test: null },
  fineTune: null,
  outside: null,
};
const input = (rare: ReportInput['rare'], locale: 'en' | 'ja' = 'en'): ReportInput => ({
  app,
  dataName: 'orders.csv',
  dataset: null,
  subset: null,
  config: defaultTrainConfig(20, 100),
  summary,
  bits: 20,
  rare,
  locale,
});

describe('report: rare values', () => {
  it('names k and each column whose rare values were grouped', () => {
    const html = buildReport(input({ rareMin: 5, columns: [{ name: 'city', values: 39, rows: 44 }] }));
    expect(html).toContain('fewer than 5 times');
    expect(html).toContain('city: 39 values in 44 rows');
  });
  it('says when there were none, when the protection was off, and for older models', () => {
    expect(buildReport(input({ rareMin: 5, columns: [] }))).toContain('this data had none');
    expect(buildReport(input({ rareMin: 1, columns: [] }))).toContain('every category is kept');
    expect(buildReport(input({ rareMin: null, columns: [] }))).toContain('Not recorded');
  });
  it('is in Japanese when the UI is', () => {
    const html = buildReport(input({ rareMin: 7, columns: [{ name: '店舗', values: 3, rows: 5 }] }, 'ja'));
    expect(html).toContain('7 回未満');
    expect(html).toContain('店舗: 5 行に 3 種類');
  });
});
