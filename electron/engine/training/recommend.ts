/**
 * The size "Suggest a size" recommends (METHOD.md §4.1, a *choice*): the smallest candidate
 * whose bound is within a tolerance of the best one — one combined standard error, but at
 * least RECOMMEND_FLOOR of the spread between the best and the worst bound, since an exact
 * bound has no standard error while two trainings of the same size still differ. A smaller
 * first layer is cheaper to train and to stack on, and leaves less to memorise.
 */
import type { SizeCandidate, SizeSuggestion } from '../../../shared/domain/staged.js';

/** Fraction of the spread of the candidates' bounds always tolerated (*choice*). */
export const RECOMMEND_FLOOR = 0.05;

export function recommend(ranking: readonly SizeCandidate[]): SizeSuggestion['recommended'] {
  if (ranking.length === 0) return null;
  const best = ranking.reduce((a, b) => (b.bound.value > a.bound.value ? b : a));
  const worst = ranking.reduce((a, b) => (b.bound.value < a.bound.value ? b : a));
  if (ranking.length === 1) {
    const reason = { rule: 'only-candidate' as const, bestUnits: best.units, shortfall: 0, tolerance: 0 };
    return { units: best.units, method: best.method, reason };
  }
  const floor = RECOMMEND_FLOOR * (best.bound.value - worst.bound.value);
  const toleranceOf = (c: SizeCandidate) =>
    Math.max(floor, Math.sqrt((best.bound.se ?? 0) ** 2 + (c.bound.se ?? 0) ** 2));
  const pick = [...ranking]
    .sort((a, b) => a.units - b.units)
    .find((c) => best.bound.value - c.bound.value <= toleranceOf(c))!;
  const reason = {
    rule: 'smallest-within-tolerance' as const,
    bestUnits: best.units,
    shortfall: best.bound.value - pick.bound.value,
    tolerance: toleranceOf(pick),
  };
  return { units: pick.units, method: pick.method, reason };
}
