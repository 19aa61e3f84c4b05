/**
 * How representative a subset is of the whole data, column by column: each column's
 * distribution (levels, or ten equal-width bins of numbers and dates, with missing values as
 * their own level) over the subset's rows against the population's, as total-variation distance.
 */
import type { Dataset } from './dataset.js';

/** A column's distribution over some rows: shares of levels (the 30 most frequent, then other) or of ten bins. */
function distribution(ds: Dataset, column: number, rows: ArrayLike<number>): Map<string, number> {
  const typed = ds.typed[column];
  const out = new Map<string, number>();
  const add = (k: string) => out.set(k, (out.get(k) ?? 0) + 1 / rows.length);
  if (typed.kind === 'level') {
    for (let i = 0; i < rows.length; i++) {
      const code = typed.codes[rows[i]];
      add(code < 0 ? 'missing' : code < 30 ? `l${code}` : 'other');
    }
  } else {
    const profile = ds.info.columns[column];
    const min = profile.min ?? 0;
    const width = ((profile.max ?? 1) - min) / 10 || 1;
    for (let i = 0; i < rows.length; i++) {
      const v = typed.values[rows[i]];
      add(Number.isNaN(v) ? 'missing' : `b${Math.max(0, Math.min(9, Math.floor((v - min) / width)))}`);
    }
  }
  return out;
}

export function totalVariation(p: Map<string, number>, q: Map<string, number>): number {
  let s = 0;
  for (const k of new Set([...p.keys(), ...q.keys()])) s += Math.abs((p.get(k) ?? 0) - (q.get(k) ?? 0));
  return Math.min(1, s / 2);
}

/** Total-variation distance between a subset's rows and the population's in one column (0 = same, 1 = disjoint). */
export function columnDistance(
  ds: Dataset,
  column: number,
  rows: ArrayLike<number>,
  population: ArrayLike<number>,
): number {
  return totalVariation(distribution(ds, column, rows), distribution(ds, column, population));
}
