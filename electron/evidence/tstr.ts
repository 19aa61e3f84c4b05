/**
 * "Train on synthetic, test on real": a small model predicting the target column from the
 * others (a ridge classifier for a category: one ridge regression per class on its 0/1
 * indicator, the largest prediction wins, scored by accuracy and macro-F1;
 * ridge regression for a number, scored by R²), fitted on one table and scored on held-out
 * real rows. The default target is the last category or number column (dates excepted).
 */
import type { TstrScore } from '../../shared/domain/quality.js';
import { encode, learnDesign } from './features.js';
import { predictLinear, ridge, ridgeMany } from './linear.js';
import type { Column } from './table.js';

const MAX_CLASSES = 20;

export function defaultTarget(columns: Column[]): number {
  for (let j = columns.length - 1; j >= 0; j--) {
    const c = columns[j];
    if (c.kind === 'category' || !c.date) return j;
  }
  return -1;
}

/** The rows of a table whose target is present. */
function labelled(t: Column[], target: number): Column[] {
  const c = t[target];
  const keep: number[] = [];
  const n = c.kind === 'number' ? c.values.length : c.codes.length;
  for (let i = 0; i < n; i++) if (c.kind === 'number' ? !Number.isNaN(c.values[i]) : c.codes[i] >= 0) keep.push(i);
  return t.map((col) =>
    col.kind === 'number'
      ? { ...col, values: Float64Array.from(keep, (i) => col.values[i]) }
      : { ...col, codes: Int32Array.from(keep, (i) => col.codes[i]) },
  );
}

function classify(fit: Column[], test: Column[], use: number[], y: Int32Array, yTest: Int32Array): TstrScore {
  const counts = new Map<number, number>();
  for (const c of y) counts.set(c, (counts.get(c) ?? 0) + 1);
  const classes = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const kept = classes.slice(0, MAX_CLASSES);
  let predicted: Int32Array;
  if (kept.length < 2 || use.length === 0) predicted = new Int32Array(yTest.length).fill(kept[0] ?? -1);
  else {
    const design = learnDesign(fit, use, [fit, test]);
    const w = design.width + 1;
    const x = encode(design, fit, use);
    const xt = encode(design, test, use);
    const betas = ridgeMany(
      x,
      w,
      kept.map((k) => Float64Array.from(y, (v) => (v === k ? 1 : 0))),
    );
    const scores = betas.map((beta) => predictLinear(xt, w, beta));
    predicted = Int32Array.from(yTest, (_, i) => kept[argmax(scores.map((p) => p[i]))]);
  }
  return classScores(yTest, predicted);
}

const argmax = (v: number[]): number => v.reduce((best, x, i) => (x > v[best] ? i : best), 0);

/** Accuracy and macro-F1 (over the classes of the held-out rows) of predicted codes. */
export function classScores(truth: Int32Array, predicted: Int32Array): TstrScore {
  if (truth.length === 0) return { score: null, macroF1: null };
  let right = 0;
  for (let i = 0; i < truth.length; i++) right += truth[i] === predicted[i] ? 1 : 0;
  const f1: number[] = [];
  for (const k of new Set(truth)) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < truth.length; i++) {
      if (predicted[i] === k && truth[i] === k) tp++;
      else if (predicted[i] === k) fp++;
      else if (truth[i] === k) fn++;
    }
    f1.push(tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
  }
  return { score: right / truth.length, macroF1: f1.reduce((a, b) => a + b, 0) / f1.length };
}

export function r2(truth: Float64Array, predicted: Float64Array): number | null {
  if (truth.length < 2) return null;
  const mean = truth.reduce((a, b) => a + b, 0) / truth.length;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < truth.length; i++) {
    res += (truth[i] - predicted[i]) ** 2;
    tot += (truth[i] - mean) ** 2;
  }
  return tot > 0 ? 1 - res / tot : null;
}

function regress(fit: Column[], test: Column[], use: number[], y: Float64Array, yTest: Float64Array): TstrScore {
  if (y.length === 0) return { score: null, macroF1: null };
  const design = learnDesign(fit, use, [fit, test]);
  const w = design.width + 1;
  const beta = ridge(encode(design, fit, use), w, y);
  return { score: r2(yTest, predictLinear(encode(design, test, use), w, beta)), macroF1: null };
}

/** The score on `test` of the model fitted on `fit`, predicting column `target`. */
export function tstrScore(fit: Column[], test: Column[], target: number): TstrScore {
  const f = labelled(fit, target);
  const t = labelled(test, target);
  const use = f.map((_, j) => j).filter((j) => j !== target);
  const cf = f[target];
  const ct = t[target];
  if (cf.kind === 'category' && ct.kind === 'category') return classify(f, t, use, cf.codes, ct.codes);
  if (cf.kind === 'number' && ct.kind === 'number') return regress(f, t, use, cf.values, ct.values);
  return { score: null, macroF1: null };
}

/** Predicting the fit rows' most frequent class (or mean) for every held-out row. */
export function baselineScore(fit: Column[], test: Column[], target: number): TstrScore {
  const cf = labelled(fit, target)[target];
  const ct = labelled(test, target)[target];
  if (cf.kind === 'category' && ct.kind === 'category') {
    const counts = new Map<number, number>();
    for (const c of cf.codes) counts.set(c, (counts.get(c) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? -1;
    return classScores(ct.codes, new Int32Array(ct.codes.length).fill(top));
  }
  if (cf.kind === 'number' && ct.kind === 'number') {
    const mean = cf.values.reduce((a, b) => a + b, 0) / Math.max(1, cf.values.length);
    return { score: r2(ct.values, new Float64Array(ct.values.length).fill(mean)), macroF1: null };
  }
  return { score: null, macroF1: null };
}
