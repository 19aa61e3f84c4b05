/**
 * A formula's target kept inside its column's real range: when the value computed from a row's
 * inputs falls outside it (quantity and unit price both near their largest), one input of the
 * formula — the first that no other rule computes and no condition fixes — moves on its own grid,
 * just far enough that the target, rounded as the formula rounds it, is back inside; the formula
 * then computes the target again in the same pass. Inputs of any formula kind (product, sum,
 * difference, ratio, a rate column, a constant factor or offset) are handled alike, by searching
 * along the input: bounded doubling steps until the target passes the range's end, bisection back
 * to it, then the nearest grid point inside. Nothing moves when no input can.
 */
import type { Rule } from '../../shared/domain/rules.js';
import { formulaValue, roundTo, type RuleValue } from '../data/index.js';
import type { RowState } from './rule-fixes.js';

type Formula = Extract<Rule, { kind: 'formula' }>;

export interface PullContext {
  /** Whether repairs may change a column (not computed by another rule, not fixed by a condition). */
  movable(column: string): boolean;
  /** A column's grid step. */
  step(column: string): number;
}

const SEARCH_STEPS = 64;

/** The decimals of a grid step (0.01 → 2), to write a snapped value without float noise. */
const decimalsOf = (step: number) => Math.max(0, Math.min(12, Math.ceil(-Math.log10(step) - 1e-9)));

/**
 * Moves one input of `formula` so that its target falls in [range.min, range.max]; returns whether
 * one moved.
 */
export function pullInside(
  formula: Formula,
  range: { min: number; max: number },
  row: RowState,
  ctx: PullContext,
): boolean {
  const current = formulaValue(formula, row.get);
  if (current === null) return false;
  const high = roundTo(current, formula.decimals) > range.max;
  if (!high && roundTo(current, formula.decimals) >= range.min) return false;
  const inputs = [formula.a, formula.b, formula.factor?.column].filter(
    (c): c is string => typeof c === 'string' && ctx.movable(c),
  );
  for (const column of inputs) {
    const x0 = row.get(column);
    if (typeof x0 !== 'number' || !Number.isFinite(x0)) continue;
    const target = (x: number) => {
      const v = formulaValue(formula, (c) => (c === column ? x : row.get(c)));
      return v === null || !Number.isFinite(v) ? null : roundTo(v, formula.decimals);
    };
    const inside = (x: number) => {
      const v = target(x);
      return v !== null && v >= range.min && v <= range.max;
    };
    // Past the end it broke (at or below the maximum when too high): the search's aim, which a
    // doubling step cannot jump over as it could a narrow inside.
    const crossed = (x: number) => {
      const v = target(x);
      return v !== null && (high ? v <= range.max : v >= range.min);
    };
    const step = ctx.step(column);
    const up = target(x0 + step);
    const down = target(x0 - step);
    if (up === null || down === null || up === down) continue;
    // Which way the target goes down (when too high) or up (when too low).
    const dir = up < down === high ? 1 : -1;
    let far = x0;
    let reach = step;
    let found = false;
    for (let i = 0; i < SEARCH_STEPS && !found; i++, reach *= 2) {
      far = x0 + dir * reach;
      found = crossed(far);
    }
    if (!found) continue;
    // Bisection between x0 and `far` to the end of the range, then the grid point next to it inside.
    let [out, inn] = [x0, far];
    for (let i = 0; i < SEARCH_STEPS && Math.abs(inn - out) > step / 2; i++) {
      const mid = (out + inn) / 2;
      if (crossed(mid)) inn = mid;
      else out = mid;
    }
    const digits = decimalsOf(step);
    const snap = (x: number) => Number((Math.round(x / step) * step).toFixed(digits));
    const candidates = [snap(inn), snap(inn + dir * step), snap(inn - dir * step)].sort(
      (p, q) => Math.abs(p - x0) - Math.abs(q - x0),
    );
    const best = candidates.find(inside) ?? snap(inn);
    row.set(column, best as RuleValue);
    return true;
  }
  return false;
}
