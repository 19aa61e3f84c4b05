/**
 * Chart data: a column's real and synthetic distributions overlaid (a histogram with bins
 * shared by both sides for numbers and dates, the most frequent real levels for categories;
 * shares of the present values), and association matrices for heatmaps.
 */
import type { AssociationMatrices, ColumnChart } from '../../shared/domain/quality.js';
import type { PairScore } from './pairs.js';
import type { Column, Levels } from './table.js';

const HISTOGRAM_BINS = 20;
const TOP_LEVELS = 12;
export const OTHER_LABEL = '…';

function histogram(real: Float64Array, synthetic: Float64Array, date: boolean): ColumnChart {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...real, ...synthetic])
    if (!Number.isNaN(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (lo === Infinity) [lo, hi] = [0, 1];
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  const step = (hi - lo) / HISTOGRAM_BINS;
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => (i === HISTOGRAM_BINS ? hi : lo + i * step));
  const shares = (values: Float64Array) => {
    const h = new Array<number>(HISTOGRAM_BINS).fill(0);
    let n = 0;
    for (const v of values)
      if (!Number.isNaN(v)) {
        h[Math.min(HISTOGRAM_BINS - 1, Math.floor((v - lo) / step))]++;
        n++;
      }
    return h.map((c) => (n > 0 ? c / n : 0));
  };
  return { kind: 'histogram', edges, date, real: shares(real), synthetic: shares(synthetic) };
}

function frequencies(real: Int32Array, synthetic: Int32Array, levels: Levels): ColumnChart {
  const count = (codes: Int32Array) => {
    const m = new Map<number, number>();
    for (const c of codes) if (c >= 0) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  };
  const r = count(real);
  const s = count(synthetic);
  const top = [...r.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const shown = top.slice(0, TOP_LEVELS);
  const hasOther = top.length > TOP_LEVELS || [...s.keys()].some((c) => !r.has(c));
  const shares = (m: Map<number, number>) => {
    const n = [...m.values()].reduce((a, b) => a + b, 0);
    const v = shown.map((c) => (n > 0 ? (m.get(c) ?? 0) / n : 0));
    if (hasOther) v.push(n > 0 ? 1 - v.reduce((a, b) => a + b, 0) : 0);
    return v.map((x) => Math.max(0, x));
  };
  return {
    kind: 'frequencies',
    labels: shown.map((c) => levels.names[c]),
    otherLabel: hasOther ? OTHER_LABEL : null,
    real: shares(r),
    synthetic: shares(s),
  };
}

export function columnChart(real: Column, synthetic: Column, levels: Levels): ColumnChart {
  if (real.kind === 'number' && synthetic.kind === 'number') return histogram(real.values, synthetic.values, real.date);
  if (real.kind === 'category' && synthetic.kind === 'category')
    return frequencies(real.codes, synthetic.codes, levels);
  throw new Error('a column of two kinds');
}

/** The matrices of every pair's association (`pairs[k]` is the pair (i, j), i < j, in order). */
export function associationMatrices(columns: string[], pairs: PairScore[]): AssociationMatrices {
  const m = columns.length;
  const grid = <T>(fill: T) => Array.from({ length: m }, () => new Array<T>(m).fill(fill));
  const out: AssociationMatrices = {
    columns,
    kind: grid(null),
    real: grid(null),
    synthetic: grid(null),
    difference: grid(null),
  };
  let k = 0;
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) {
      const p = pairs[k++];
      const kind = p.metric === 'CorrelationSimilarity' ? 'pearson' : 'cramer';
      const diff = p.real !== null && p.synthetic !== null ? p.synthetic - p.real : null;
      for (const [a, b] of [
        [i, j],
        [j, i],
      ]) {
        out.kind[a][b] = kind;
        out.real[a][b] = p.real;
        out.synthetic[a][b] = p.synthetic;
        out.difference[a][b] = diff;
      }
    }
  return out;
}
