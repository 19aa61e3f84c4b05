/**
 * One comparison as SDMetrics' QualityReport makes it: Column Shapes (the mean of the columns'
 * scores), Column Pair Trends (the mean of the scores of the pairs that count) and the overall
 * score (the mean of the two that exist).
 */
import { pairScore, type PairScore } from './pairs.js';
import { shapeScore } from './shapes.js';
import type { Column } from './table.js';

export interface Comparison {
  columns: (number | null)[];
  pairs: PairScore[];
  shapes: number | null;
  pairTrends: number | null;
  overall: number | null;
}

export function mean(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
}

export function shapeScores(real: Column[], other: Column[]): (number | null)[] {
  return real.map((c, j) => shapeScore(c, other[j]));
}

/** Every pair (i, j), i < j, in order. */
export function pairScores(real: Column[], other: Column[]): PairScore[] {
  const out: PairScore[] = [];
  for (let i = 0; i < real.length; i++)
    for (let j = i + 1; j < real.length; j++) out.push(pairScore(real[i], real[j], other[i], other[j]));
  return out;
}

export function summarise(columns: (number | null)[], pairs: PairScore[]): Comparison {
  const shapes = mean(columns);
  const pairTrends = mean(pairs.filter((p) => p.counted).map((p) => p.score));
  return { columns, pairs, shapes, pairTrends, overall: mean([shapes, pairTrends]) };
}

/** QualityReport's figures of `synthetic` against `real` (both columns alike; pairs on `pairReal`/`pairSynthetic` when given). */
export function qualityReport(
  real: Column[],
  synthetic: Column[],
  pairReal: Column[] = real,
  pairSynthetic: Column[] = synthetic,
): Comparison {
  return summarise(shapeScores(real, synthetic), pairScores(pairReal, pairSynthetic));
}
