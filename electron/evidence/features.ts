/**
 * Rows as a design matrix for the small models of the propensity and "train on synthetic,
 * test on real" checks: numbers standardised with the reference rows' mean and deviation
 * (missing as 0 with a missing indicator), categories one-hot over the reference rows' most
 * frequent levels (the most frequent dropped, the rest grouped as "other", missing as its own level).
 */
import type { Column } from './table.js';

const MAX_LEVELS = 12;

type Part =
  | { kind: 'number'; at: number; mean: number; sd: number; indicator: boolean }
  | { kind: 'category'; at: number; first: number; dummies: Map<number, number>; other: boolean };

export interface Design {
  /** Features, the intercept excluded. */
  width: number;
  parts: Part[];
}

function numberPart(at: number, v: Float64Array, all: Column[][], j: number): Part {
  let n = 0;
  let s = 0;
  let ss = 0;
  for (const x of v)
    if (!Number.isNaN(x)) {
      n++;
      s += x;
      ss += x * x;
    }
  const mean = n > 0 ? s / n : 0;
  const sd = n > 1 ? Math.sqrt(Math.max(0, ss / n - mean * mean)) : 0;
  const indicator = all.some((t) => {
    const c = t[j];
    return c.kind === 'number' && c.values.some((x) => Number.isNaN(x));
  });
  return { kind: 'number', at, mean, sd: sd > 0 ? sd : 1, indicator };
}

function categoryPart(at: number, codes: Int32Array, all: Column[][], j: number): Part {
  const counts = new Map<number, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  const order = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const kept = order.slice(1, MAX_LEVELS);
  const dummies = new Map(kept.map((c, i) => [c, at + i]));
  const known = new Set(order.slice(0, MAX_LEVELS));
  const other = all.some((t) => {
    const c = t[j];
    return c.kind === 'category' && c.codes.some((x) => !known.has(x));
  });
  return { kind: 'category', at, first: order[0] ?? -2, dummies, other };
}

/** The design learnt on `reference` (columns `use`), knowing every table it will encode. */
export function learnDesign(reference: Column[], use: number[], all: Column[][]): Design {
  const parts: Part[] = [];
  let at = 0;
  for (const j of use) {
    const c = reference[j];
    const p = c.kind === 'number' ? numberPart(at, c.values, all, j) : categoryPart(at, c.codes, all, j);
    at += p.kind === 'number' ? 1 + (p.indicator ? 1 : 0) : p.dummies.size + (p.other ? 1 : 0);
    parts.push(p);
  }
  return { width: at, parts };
}

/** The rows of `t` as a row-major matrix with a leading 1 (the intercept): rows × (width + 1). */
export function encode(design: Design, t: Column[], use: number[]): Float64Array {
  const w = design.width + 1;
  const n = t.length === 0 ? 0 : t[0].kind === 'number' ? t[0].values.length : t[0].codes.length;
  const x = new Float64Array(n * w);
  design.parts.forEach((p, k) => {
    const c = t[use[k]];
    for (let i = 0; i < n; i++) {
      const row = i * w + 1;
      if (p.kind === 'number' && c.kind === 'number') {
        const v = c.values[i];
        if (Number.isNaN(v)) {
          if (p.indicator) x[row + p.at + 1] = 1;
        } else x[row + p.at] = (v - p.mean) / p.sd;
      } else if (p.kind === 'category' && c.kind === 'category') {
        const d = p.dummies.get(c.codes[i]);
        if (d !== undefined) x[row + d] = 1;
        else if (p.other && c.codes[i] !== p.first) x[row + p.at + p.dummies.size] = 1;
      }
    }
  });
  for (let i = 0; i < n; i++) x[i * w] = 1;
  return x;
}
