/**
 * The exported report: a self-contained HTML page (no scripts, no remote content) with what
 * a reviewer needs to trust a model: data, subset, configuration, each layer's BLM bound,
 * the log-likelihoods (exact or estimated), the backend and the method's stated choices.
 */
import type { AppInfo } from '../../shared/contract.js';
import type { DataProvenance, DatasetInfo, SubsetInfo } from '../../shared/domain/data.js';
import type { TrainConfig, TrainSummary } from '../../shared/domain/model.js';
import { formatEstimate } from '../../shared/i18n/estimate.js';
import { rareValueSummary, type RareValueSummary } from '../data/index.js';
import type { ModelEntry } from './project/project.js';

export interface ReportInput {
  app: AppInfo;
  dataName: string;
  dataset: DatasetInfo | null;
  subset: SubsetInfo | null;
  /** What the model file says of its rows, for a model whose data is not loaded (dataset null). */
  provenance?: DataProvenance | null;
  config: TrainConfig;
  summary: TrainSummary;
  bits: number;
  /** What rare-value protection grouped (the encoding's `rareValueSummary`). */
  rare: RareValueSummary;
  locale: 'en' | 'ja';
}

const LABELS = {
  en: {
    title: 'Layerwise Studio report',
    data: 'Data',
    file: 'File',
    rows: 'Rows',
    columns: 'Columns used',
    rare: 'Rare values',
    rareNone:
      'Categories seen fewer than {k} times in the training rows are grouped as "(other)" and never stored in the model; this data had none.',
    rareSome:
      'Categories seen fewer than {k} times in the training rows are grouped as "(other)" and never stored in the model: {list}.',
    rareOff: 'Off: every category is kept, even one seen once.',
    rareOld: 'Not recorded (a model made before rare-value protection).',
    rareColumn: '{name}: {values} values in {rows} rows',
    subset: 'Subset',
    subsetRows: 'Rows in subset / outside',
    sampled: 'read into memory as a random sample',
    segments: 'Segments kept',
    sample: 'Sample',
    stratified: 'stratified by segment',
    random: 'at random',
    fromFile: 'drawn from the whole file: {rows} of {matching} rows in the segments',
    split: 'Train / validation / test',
    model: 'Model',
    bits: 'Visible bits',
    layer: 'Layer',
    units: 'Units',
    method: 'Method',
    epochs: 'Epochs',
    seconds: 'Seconds',
    blmTrain: 'BLM bound (train)',
    blmValid: 'BLM bound (validation)',
    loglik: 'Log-likelihood',
    train: 'Train',
    valid: 'Validation',
    test: 'Test',
    top: 'Top prior',
    seed: 'Seed',
    backend: 'Engine backend',
    version: 'Application version',
    created: 'Created',
    units_note:
      'Figures are in nats per row (bits in parentheses). "exact" figures are computed by enumeration; others are estimates ± one standard error.',
    blm_note:
      'The BLM bound of a layer is the best log-likelihood that any layers above it could still reach: an optimistic estimate of what the model can become.',
    choices:
      'Method: Arnold & Ollivier, "Layer-wise learning of deep generative models" (2012). Choices not fixed by the paper (marked as choices in the specification): rich inference width max(64, 2k) with tanh, S = 8 samples, fresh codes each epoch, PCD-1 for RBMs, M = 2048 codes for the estimated bound.',
    fineTune: 'Fine-tuning (before → after)',
    outside: 'Rows outside the subset ({represented} of {rows} with values the model knows)',
  },
  ja: {
    title: 'Layerwise Studio レポート',
    data: 'データ',
    file: 'ファイル',
    rows: '行数',
    columns: '使用した列',
    rare: '希少な値',
    rareNone:
      '学習行での出現が {k} 回未満のカテゴリーは「(other)」にまとめ、モデルには保存しません。このデータには該当がありませんでした。',
    rareSome: '学習行での出現が {k} 回未満のカテゴリーは「(other)」にまとめ、モデルには保存しません: {list}。',
    rareOff: 'オフ: 1 回しか現れないカテゴリーも含め、すべて保持しています。',
    rareOld: '記録なし (希少値の保護より前に作られたモデル)。',
    rareColumn: '{name}: {rows} 行に {values} 種類',
    subset: 'サブセット',
    subsetRows: 'サブセット内 / 外の行数',
    sampled: '行を無作為標本としてメモリに読み込み',
    segments: '使用したセグメント',
    sample: '抽出',
    stratified: 'セグメント別に層化',
    random: '無作為',
    fromFile: 'ファイル全体から抽出: セグメント内の {matching} 行から {rows} 行',
    split: '学習 / 検証 / テスト',
    model: 'モデル',
    bits: '可視ビット数',
    layer: '層',
    units: 'ユニット数',
    method: '手法',
    epochs: 'エポック',
    seconds: '秒',
    blmTrain: 'BLM 上界 (学習)',
    blmValid: 'BLM 上界 (検証)',
    loglik: '対数尤度',
    train: '学習',
    valid: '検証',
    test: 'テスト',
    top: '最上位の事前分布',
    seed: 'シード',
    backend: 'エンジンのバックエンド',
    version: 'アプリのバージョン',
    created: '作成日時',
    units_note:
      '数値は 1 行あたりのナット (括弧内はビット) です。「厳密」は全列挙による値、それ以外は推定値 ± 標準誤差です。',
    blm_note:
      '各層の BLM 上界は、その上に積む層がまだ到達しうる最良の対数尤度、すなわちモデルの伸びしろの楽観的な見積もりです。',
    choices:
      '手法: Arnold & Ollivier「Layer-wise learning of deep generative models」(2012)。論文で確定していない選択 (仕様で choice と明記): リッチ推論の幅 max(64, 2k)・tanh、サンプル数 S = 8、エポックごとに新しいコード、RBM は PCD-1、推定上界のコード数 M = 2048。',
    fineTune: 'ファインチューニング (前 → 後)',
    outside: 'サブセット外の行 ({rows} 行中、モデルが知っている値の行は {represented} 行)',
  },
} as const;

/** What the report says of a project's model: the data and subset it was trained on, its settings and figures. */
export function modelReport(entry: ModelEntry): Omit<ReportInput, 'app' | 'dataName' | 'locale'> {
  const { record } = entry;
  return {
    ...entry.report,
    provenance: record.lineage?.provenance ?? null,
    config: record.config,
    summary: record.summary,
    bits: record.bits,
    rare: rareValueSummary(entry.encoding),
  };
}

function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function rareText(rare: RareValueSummary, L: (typeof LABELS)['en' | 'ja']): string {
  if (rare.rareMin === null) return L.rareOld;
  if (rare.rareMin <= 1) return L.rareOff;
  const k = String(rare.rareMin);
  if (rare.columns.length === 0) return L.rareNone.replace('{k}', k);
  const list = rare.columns
    .map((c) =>
      L.rareColumn.replace('{name}', c.name).replace('{values}', String(c.values)).replace('{rows}', String(c.rows)),
    )
    .join('; ');
  return L.rareSome.replace('{k}', k).replace('{list}', list);
}

function rowsText(dataset: DatasetInfo | null, sampled: string, provenance?: DataProvenance | null): string {
  if (!dataset) return provenance ? String(provenance.fileRows) : '—';
  return dataset.sampledOnImport ? `${dataset.fileRows} (${dataset.rows} ${sampled})` : String(dataset.rows);
}

/** The subset's rows of the report: segments kept, how rows were sampled or drawn, sizes and split. */
function subsetRows(subset: SubsetInfo, dataset: DatasetInfo | null, L: (typeof LABELS)['en' | 'ja']): string[][] {
  const out: string[][] = [];
  const { segments, sample } = subset.spec;
  if (segments) {
    const names = segments.columns.map((c) => dataset?.columns[c]?.name ?? String(c)).join(' × ');
    out.push([L.segments, `${names}: ${segments.keep.map((k) => k.join(' · ')).join(', ')}`]);
  }
  const how = subset.fromFile
    ? `${L.fromFile.replace('{rows}', String(subset.rows)).replace('{matching}', String(subset.fromFile.matchingRows))}, ${subset.fromFile.stratified ? L.stratified : L.random}`
    : sample
      ? `${sample.rows}, ${sample.stratified && segments ? L.stratified : L.random}`
      : null;
  if (how) out.push([L.sample, how]);
  out.push(
    [L.subsetRows, `${subset.rows} / ${subset.outside}`],
    [L.split, `${subset.train} / ${subset.valid} / ${subset.test}`],
  );
  return out;
}

export function buildReport(input: ReportInput): string {
  const L = LABELS[input.locale];
  const { summary, config } = input;
  const row = (cells: (string | number)[]) => `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
  const used = (input.dataset?.columns ?? input.provenance?.columns ?? []).filter((c) => c.include).map((c) => c.name);
  const layers = summary.layers
    .map((l) =>
      row([
        l.layer + 1,
        l.units,
        l.method,
        l.epochs,
        l.seconds.toFixed(1),
        formatEstimate(l.blmTrain, input.locale),
        formatEstimate(l.blmValid, input.locale),
      ]),
    )
    .join('');
  const ll = summary.logLikelihood;
  return `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(L.title)} — ${esc(input.dataName)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2733}table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #c9d2dc;padding:.3rem .6rem;text-align:left}th{background:#eef2f6}p.note{color:#556}</style>
</head><body>
<h1>${esc(L.title)}</h1>
<p>${esc(L.created)}: ${esc(new Date().toISOString())} · ${esc(L.version)}: ${esc(input.app.version)} · ${esc(L.backend)}: ${esc(summary.backend)}</p>
<h2>${esc(L.data)}</h2>
<table>${row([L.file, input.dataName])}${row([L.rows, rowsText(input.dataset, L.sampled, input.provenance)])}${row([L.columns, used.join(', ') || '—'])}${row([L.rare, rareText(input.rare, L)])}</table>
${
  input.subset
    ? `<h2>${esc(L.subset)}</h2><table>${subsetRows(input.subset, input.dataset, L).map(row).join('')}</table>`
    : ''
}
<h2>${esc(L.model)}</h2>
<table>${row([L.bits, input.bits])}${row([L.top, `${config.topPrior}${config.topPrior === 'rbm' ? ` (${config.topHidden})` : ''}`])}${row([L.seed, config.seed])}</table>
<table><tr>${[L.layer, L.units, L.method, L.epochs, L.seconds, L.blmTrain, L.blmValid].map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${layers}</table>
<h2>${esc(L.loglik)}</h2>
<table>${row([L.train, formatEstimate(ll.train, input.locale)])}${row([L.valid, formatEstimate(ll.valid, input.locale)])}${row([L.test, formatEstimate(ll.test, input.locale)])}${
    summary.outside
      ? row([
          L.outside
            .replace('{rows}', String(summary.outside.rows))
            .replace('{represented}', String(summary.outside.represented)),
          formatEstimate(summary.outside.logLikelihood, input.locale),
        ])
      : ''
  }${
    summary.fineTune
      ? row([
          L.fineTune,
          `${formatEstimate(summary.fineTune.before, input.locale)} → ${formatEstimate(summary.fineTune.after, input.locale)}`,
        ])
      : ''
  }</table>
<p class="note">${esc(L.units_note)}</p>
<p class="note">${esc(L.blm_note)}</p>
<p class="note">${esc(L.choices)}</p>
</body></html>
`;
}
