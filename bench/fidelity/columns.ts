/**
 * The columns the fidelity benchmark prints for each table, as a list: each column reads one
 * finished run (the training rows, the generated rows, the timings) and gives a cell, and may
 * add detail lines under the table. A metric built elsewhere (quality and privacy in
 * `electron/evidence/`, rule violations) becomes one more entry of `COLUMNS`.
 */
import type { Dataset } from '../../electron/data/index.js';
import type { RunEvidence } from './evidence.js';

/** One finished run of the benchmark on one table. */
export interface BenchRun {
  name: string;
  /** Training rows (imported from train.csv), held-out rows and generated rows (imported from synth.csv). */
  train: Dataset;
  holdoutRows: number;
  synth: Dataset;
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

/** Per numeric column: the share of generated values above the training rows' 99th percentile (target 1%). */
export function tailShares(run: BenchRun): { column: string; share: number }[] {
  return numericColumns(run.train).map((j) => {
    const column = run.train.info.columns[j].name;
    return { column, share: shareAbove(values(run.synth, column), quantile(values(run.train, column), 0.99)) };
  });
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');
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
    header: 'max >p99',
    cell: (r) => pct(tailShares(r).reduce((m, t) => (t.share > m || !Number.isFinite(m) ? t.share : m), NaN)),
    details: (r) => [
      tailShares(r)
        .map((t) => `${t.column} ${pct(t.share)}`)
        .join(', ') + ' beyond the real p99 (target 1%)',
    ],
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
    header: 'TSTR syn/real',
    cell: (r) => {
      const t = r.evidence.quality?.tstr;
      return t ? `${fig(t.synthetic.score)}/${fig(t.real.score)}` : '–';
    },
    details: (r) => {
      const t = r.evidence.quality?.tstr;
      return t
        ? [`TSTR: ${t.target} (${t.metric}), baseline ${fig(t.baseline.score)}, floor ${fig(t.floor.score)}`]
        : [];
    },
  },
  { header: 'closer to train', cell: (r) => score(r.evidence.privacy?.closerToTraining?.share) },
];
