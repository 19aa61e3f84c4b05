/**
 * One comparison as SDMetrics' QualityReport makes it: Column Shapes (the mean of the columns'
 * scores), Column Pair Trends (the mean of the scores of the pairs that count) and the overall
 * score (the mean of the two that exist).
 */
import { pairScoresOf, pairSide, type PairScore } from './pairs.js';
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
  return pairScoresMany(real, [other])[0];
}

/** Every pair's scores of each of `others` against `real` (the real side's work done once). */
export function pairScoresMany(real: Column[], others: Column[][]): PairScore[][] {
  const r = pairSide(real);
  const sides = others.map(pairSide);
  const out: PairScore[][] = others.map(() => []);
  for (let i = 0; i < real.length; i++)
    for (let j = i + 1; j < real.length; j++) pairScoresOf(r, sides, i, j).forEach((p, k) => out[k].push(p));
  return out;
}

/** As `pairScoresMany`, giving the event loop a turn (`turn`) after each column's pairs. */
export async function pairsInTurns(
  real: Column[],
  others: Column[][],
  turn: () => Promise<void>,
): Promise<PairScore[][]> {
  const r = pairSide(real);
  const sides = others.map(pairSide);
  const out: PairScore[][] = others.map(() => []);
  for (let i = 0; i < real.length; i++) {
    for (let j = i + 1; j < real.length; j++) pairScoresOf(r, sides, i, j).forEach((p, k) => out[k].push(p));
    await turn();
  }
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
