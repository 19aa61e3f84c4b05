/**
 * The columns the fidelity benchmark prints for each table, as a list: each column reads one
 * finished run (the training rows, the generated rows, the timings) and gives a cell, and may
 * add detail lines under the table. A metric built elsewhere (quality and privacy in
 * `electron/evidence/`, rule violations) becomes one more entry of `COLUMNS`.
 */
import type { Dataset } from '../../electron/data/index.js';
import type { TstrCheck } from '../../shared/domain/quality.js';
import type { RuleViolation } from '../../shared/domain/rules.js';
import type { RunEvidence } from './evidence.js';

/** One finished run of the benchmark on one table. */
export interface BenchRun {
  name: string;
  /** Training rows (imported from train.csv), held-out rows and generated rows (imported from synth.csv). */
  train: Dataset;
  holdoutRows: number;
  synth: Dataset;
  /** A larger draw of the same model (`TAIL_ROWS`), imported from tail.csv: the tails are measured on it. */
  tail: Dataset;
  /** The closer-to-training share of that larger draw (null without held-out rows). */
  tailCloser: number | null;
  /** The same shares with the Euclidean distance of SDMetrics-style scorers (`euclid-closer.ts`): generated rows, larger draw. */
  euclidCloser: { synth: number | null; tail: number | null };
  bits: number;
  /** The configuration's layer sizes and epochs per layer, as chosen by the defaults. */
  layers: number[];
  epochs: number;
  /** Epochs each layer ran before early stopping. */
  epochsRun: number[];
  estimateSeconds: number;
  fitSeconds: number;
  /** CPU seconds of the fit (less sensitive than the clock to other processes on the machine). */
  fitCpuSeconds: number;
  sampleSeconds: number;
  /** The app's quality and privacy evidence of the generated rows (`evidence.ts`). */
  evidence: RunEvidence;
}

export interface BenchColumn {
  header: string;
  cell: (run: BenchRun) => string;
  /** Lines printed under the table for this column (one per pair, per column...). */
  details?: (run: BenchRun) => string[];
}

/** Columns of plain numbers (not dates: the pair and tail metrics follow SDMetrics' numerical columns). */
export function numericColumns(ds: Dataset): number[] {
  return ds.info.columns.filter((c) => c.include && (c.type === 'numeric' || c.type === 'integer')).map((c) => c.index);
}

/** The values of column `name` in `ds` (NaN where missing or not read as a number). */
function values(ds: Dataset, name: string): Float64Array {
  const j = ds.info.columns.findIndex((c) => c.name === name);
  const typed = j >= 0 ? ds.typed[j] : undefined;
  if (!typed || typed.kind !== 'number') return new Float64Array(ds.info.rows).fill(NaN);
  return typed.values;
}

/** Pearson's correlation over the rows where both values are numbers (NaN with fewer than 3). */
export function pearson(x: Float64Array, y: Float64Array): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++)
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      n++;
      sx += x[i];
      sy += y[i];
    }
  if (n < 3) return NaN;
  const mx = sx / n;
  const my = sy / n;
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < x.length; i++)
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      xy += (x[i] - mx) * (y[i] - my);
      xx += (x[i] - mx) ** 2;
      yy += (y[i] - my) ** 2;
    }
  return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : NaN;
}

/** The q-quantile of the finite values (linear interpolation between order statistics). */
export function quantile(v: Float64Array, q: number): number {
  const s = Float64Array.from(v.filter(Number.isFinite)).sort();
  if (s.length === 0) return NaN;
  const at = q * (s.length - 1);
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
}

/** Share of the finite values strictly above `limit`. */
export function shareAbove(v: Float64Array, limit: number): number {
  let n = 0;
  let above = 0;
  for (const x of v)
    if (Number.isFinite(x)) {
      n++;
      if (x > limit) above++;
    }
  return n > 0 ? above / n : NaN;
}

/** The real correlation threshold of a "strong" pair (the target). */
export const STRONG_R = 0.5;

export interface PairTrend {
  a: string;
  b: string;
  real: number;
  synth: number;
}

/** Every pair of numeric columns with |r| ≥ STRONG_R in the training rows, with r in the generated rows. */
export function strongPairs(run: BenchRun): PairTrend[] {
  const cols = numericColumns(run.train).map((j) => run.train.info.columns[j].name);
  const pairs: PairTrend[] = [];
  for (let i = 0; i < cols.length; i++)
    for (let j = i + 1; j < cols.length; j++) {
      const real = pearson(values(run.train, cols[i]), values(run.train, cols[j]));
      if (!(Math.abs(real) >= STRONG_R)) continue;
      const synth = pearson(values(run.synth, cols[i]), values(run.synth, cols[j]));
      pairs.push({ a: cols[i], b: cols[j], real, synth });
    }
  return pairs;
}

/** Rows of the tails' draw for a table of `trainRows` training rows: the share's error is then about ±0.07 pp. */
export const TAIL_ROWS = (trainRows: number): number => Math.max(20_000, trainRows);
/** The target: each column's share beyond the real p99 within this of the real share (1 % without ties). */
export const TAIL_TOLERANCE = 0.005;

export interface TailShare {
  column: string;
  /** Share of the training rows above their own p99: 1 % unless values tie at the p99. */
  real: number;
  /** Share of the tails' draw above the training rows' p99, and its standard error. */
  share: number;
  error: number;
  /** Generated values outside the training rows' [min, max]. */
  outside: number;
  ok: boolean;
}

/**
 * Per numeric column: the share of the tails' draw above the training rows' 99th percentile,
 * against the training rows' own share above it (1 %, less when values tie at the p99, as on a
 * coarse grid), within `TAIL_TOLERANCE`.
 */
export function tailShares(run: BenchRun): TailShare[] {
  return numericColumns(run.train).map((j) => {
    const column = run.train.info.columns[j].name;
    const real = values(run.train, column);
    const gen = values(run.tail, column);
    const p99 = quantile(real, 0.99);
    const share = shareAbove(gen, p99);
    const lo = quantile(real, 0);
    const hi = quantile(real, 1);
    const outside = gen.filter((v) => v < lo || v > hi).length;
    const realShare = shareAbove(real, p99);
    const finite = gen.filter(Number.isFinite).length;
    const error = Math.sqrt((share * (1 - share)) / Math.max(1, finite));
    return { column, real: realShare, share, error, outside, ok: Math.abs(share - realShare) <= TAIL_TOLERANCE };
  });
}

/**
 * Whether the real rows' score says the other columns predict the target (*choice* of the
 * bench, the issue's "well above chance"): accuracy at least 0.1 above always answering the
 * most frequent class, or R² at least 0.3.
 */
export const MEANINGFUL = { accuracyAboveBaseline: 0.1, r2: 0.3 };
export function meaningful(t: TstrCheck): boolean {
  const real = t.real.score;
  if (real === null) return false;
  return t.metric === 'r2' ? real >= MEANINGFUL.r2 : real >= (t.baseline.score ?? 1) + MEANINGFUL.accuracyAboveBaseline;
}

/** The issue's target: trained on generated rows, at least this share of the real rows' score. */
export const TSTR_RATIO = 0.8;
export const tstrOk = (t: TstrCheck): boolean =>
  t.synthetic.score !== null && t.real.score !== null && t.synthetic.score >= TSTR_RATIO * t.real.score;

/** The accepted rules (found, not turned off) and how many of them generated rows break. */
export function acceptedRules(run: BenchRun): { rules: number; broken: RuleViolation[] } {
  const accepted = run.evidence.rules.filter((r) => r.accepted);
  return { rules: accepted.length, broken: accepted.filter((r) => r.violated > 0) };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');
const pct2 = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(2)}%` : '–');
const r2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

const score = (v: number | null | undefined) => (v === null || v === undefined ? '–' : pct(v));
const fig = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(2));

export const COLUMNS: BenchColumn[] = [
  { header: 'rows', cell: (r) => `${r.train.info.rows}/${r.holdoutRows}` },
  { header: 'bits', cell: (r) => String(r.bits) },
  { header: 'layers×epochs', cell: (r) => `${r.layers.join('-')}×${r.epochs}` },
  { header: 'ran', cell: (r) => r.epochsRun.join('+') },
  { header: 'est s', cell: (r) => r.estimateSeconds.toFixed(1) },
  { header: 'fit s', cell: (r) => r.fitSeconds.toFixed(1) },
  { header: 'fit cpu s', cell: (r) => r.fitCpuSeconds.toFixed(1) },
  { header: 'sample s', cell: (r) => r.sampleSeconds.toFixed(2) },
  {
    header: 'strong pairs |Δr|≤0.1',
    cell: (r) => {
      const pairs = strongPairs(r);
      const kept = pairs.filter((p) => Math.abs(p.synth - p.real) <= 0.1).length;
      return pairs.length === 0 ? '–' : `${kept}/${pairs.length}`;
    },
    details: (r) => strongPairs(r).map((p) => `r(${p.a}, ${p.b}): real ${r2(p.real)}, synthetic ${r2(p.synth)}`),
  },
  {
    header: 'tails ±0.5pp',
    cell: (r) => {
      const t = tailShares(r);
      return t.length === 0 ? '–' : `${t.filter((x) => x.ok).length}/${t.length}`;
    },
    details: (r) => [
      `beyond the real p99 in ${r.tail.info.rows} generated rows (target: the real share ± 0.5 pp):`,
      ...tailShares(r).map(
        (t) =>
          `  ${t.ok ? 'ok  ' : 'FAIL'} ${t.column} ${pct2(t.share)} ± ${pct2(t.error)} (real ${pct2(t.real)})` +
          (t.outside > 0 ? `, ${t.outside} outside the real range` : ''),
      ),
    ],
  },
  {
    header: 'rules broken',
    cell: (r) => {
      const { rules, broken } = acceptedRules(r);
      return rules === 0 ? '–' : `${broken.length}/${rules}`;
    },
    details: (r) =>
      acceptedRules(r).broken.map((v) => `rule ${v.key} (${v.kind}) broken in ${v.violated} of ${v.rows} rows`),
  },
  {
    header: 'quality',
    cell: (r) => score(r.evidence.quality?.overall.model),
    details: (r) => {
      const o = r.evidence.quality?.overall;
      return o
        ? [`quality ${score(o.model)} (held-out ceiling ${score(o.ceiling)}, marginal floor ${score(o.floor)})`]
        : [];
    },
  },
  { header: 'shapes', cell: (r) => score(r.evidence.quality?.shapes.model) },
  { header: 'pairs', cell: (r) => score(r.evidence.quality?.pairs.model) },
  {
    header: 'TSTR ≥0.8×',
    cell: (r) => {
      const judged = r.evidence.tstr.filter(meaningful);
      return judged.length === 0 ? '–' : `${judged.filter(tstrOk).length}/${judged.length}`;
    },
    details: (r) => [
      `train on synthetic, test on real (meaningful: accuracy ≥ baseline + ${MEANINGFUL.accuracyAboveBaseline}, R² ≥ ${MEANINGFUL.r2}):`,
      ...r.evidence.tstr.map((t) => {
        const verdict = !meaningful(t) ? 'n/a ' : tstrOk(t) ? 'ok  ' : 'FAIL';
        const figures = `synthetic ${fig(t.synthetic.score)}, real ${fig(t.real.score)}, baseline ${fig(t.baseline.score)}`;
        return `  ${verdict} ${t.target} (${t.metric}): ${figures}, ${t.fitRows} rows fitted`;
      }),
    ],
  },
  { header: 'closer to train', cell: (r) => score(r.evidence.privacy?.closerToTraining?.share) },
  { header: 'closer (tail draw)', cell: (r) => score(r.tailCloser) },
  {
    header: 'closer, Euclidean (synth / tail)',
    cell: (r) => `${score(r.euclidCloser.synth)} / ${score(r.euclidCloser.tail)}`,
  },
];
