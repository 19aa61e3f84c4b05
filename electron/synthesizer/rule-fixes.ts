/**
 * How generation repairs a row that breaks an accepted rule, one rule at a time, changing only
 * the rule's own part of the row: a formula's target is computed (with its rounding); a category
 * that is a threshold or a function of other columns (or of a date's month) is set from them (or, leaving a level the
 * number rules out, drawn from the column's other levels by their training frequency); of a
 * forbidden combination the column no other rule computes is drawn again among the values allowed
 * with the other (by frequency); an order is restored by exchanging the two values; a month or
 * weekday outside the calendar support moves to an allowed one; a value outside its range is
 * brought to its end (a computed one by moving its formula's inputs, formula-range.ts); of a near-equality one column becomes the other plus a difference drawn
 * from the training rows', on its own grid and inside the band. `draw` false: the deterministic repair (the most frequent choice, no draw).
 */
import type { Rule } from '../../shared/domain/rules.js';
import type { Rng } from '../base/random.js';
import { pullInside } from './formula-range.js';
import {
  formulaValue,
  monthLevel,
  monthOf,
  nearHolds,
  roundTo,
  thresholdSide,
  weekdayOf,
  type RuleValue,
} from '../data/index.js';

/** A row being repaired: its typed values by column, and the columns changed. */
export interface RowState {
  get(column: string): RuleValue;
  set(column: string, value: RuleValue): void;
}

export interface FixContext {
  rng: Rng;
  draw: boolean;
  /** The column a forbidden-combination rule changes (the one no other rule computes). */
  pairsOutput: (rule: Extract<Rule, { kind: 'pairs' }>) => 'a' | 'b';
  /** The column a near-equality changes (not one a condition fixes or a formula computes). */
  nearOutput: (rule: Extract<Rule, { kind: 'near' }>) => 'a' | 'b';
  /** Columns a formula computes: an order leaves them as they are. */
  computed: ReadonlySet<string>;
  /** A column's grid step (for a strict order between equal values). */
  step: (column: string) => number;
  /** The formula that computes a column, if one does. */
  formulaOf: (column: string) => Extract<Rule, { kind: 'formula' }> | undefined;
  /** Whether a repair may change a column (not computed by another rule, not fixed by a condition). */
  movable: (column: string) => boolean;
}

/** A choice among weighted values: drawn by weight, or the heaviest (first on ties). */
function choose<T>(items: readonly (readonly [T, number])[], ctx: FixContext): T | null {
  if (items.length === 0) return null;
  if (!ctx.draw) return items.reduce((best, it) => (it[1] > best[1] ? it : best))[0];
  const total = items.reduce((s, it) => s + it[1], 0);
  let u = ctx.rng.next() * total;
  for (const [v, w] of items) {
    u -= w;
    if (u < 0) return v;
  }
  return items[items.length - 1][0];
}

const DAY = 86_400_000;

function withMonth(ms: number, month: number): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  const time = ms - Date.UTC(y, d.getUTCMonth(), d.getUTCDate());
  return Date.UTC(y, month - 1, Math.min(d.getUTCDate(), last)) + time;
}

function fixCalendar(rule: Extract<Rule, { kind: 'calendar' }>, row: RowState, ctx: FixContext): void {
  let v = row.get(rule.column) as number;
  if (rule.months && !rule.months.some(([m]) => m === monthOf(v))) {
    const month = choose(rule.months, ctx);
    if (month !== null) v = withMonth(v, month);
  }
  if (rule.weekdays && !rule.weekdays.some(([d]) => d === weekdayOf(v))) {
    const allowed = new Set(rule.weekdays.map(([d]) => d));
    for (const k of [1, -1, 2, -2, 3, -3]) {
      const moved = v + k * DAY;
      if (allowed.has(weekdayOf(moved)) && (!rule.months || rule.months.some(([m]) => m === monthOf(moved)))) {
        v = moved;
        break;
      }
    }
  }
  row.set(rule.column, v);
}

function fixPairs(rule: Extract<Rule, { kind: 'pairs' }>, row: RowState, ctx: FixContext): void {
  const out = ctx.pairsOutput(rule);
  const keep = row.get(out === 'b' ? rule.a : rule.b);
  const options = rule.allowed
    .filter(([a, b]) => (out === 'b' ? a : b) === keep)
    .map(([a, b, n]): [string, number] => [out === 'b' ? b : a, n]);
  const v = choose(options, ctx);
  if (v !== null) row.set(out === 'b' ? rule.b : rule.a, v);
}

/** Exchanges the two values; a column a formula computes is not changed: the other one meets it. */
function fixOrder(rule: Extract<Rule, { kind: 'order' }>, row: RowState, ctx: FixContext): void {
  const a = row.get(rule.a) as number;
  const b = row.get(rule.b) as number;
  const [fixedA, fixedB] = [ctx.computed.has(rule.a), ctx.computed.has(rule.b)];
  if (fixedA && fixedB) return;
  const gap = a === b ? ctx.step(fixedA ? rule.b : rule.a) : 0;
  if (fixedA) row.set(rule.b, a + gap);
  else if (fixedB) row.set(rule.a, b - gap);
  else if (a > b) {
    row.set(rule.a, b);
    row.set(rule.b, a);
  } else row.set(rule.b, b + gap);
}

/** A difference b − a drawn from the training rows' deciles (interpolated), or their median. */
function drawDiff(diffs: readonly number[], ctx: FixContext): number {
  if (!ctx.draw) return diffs[5];
  const u = ctx.rng.next() * 10;
  const k = Math.min(9, Math.floor(u));
  return diffs[k] + (u - k) * (diffs[k + 1] - diffs[k]);
}

/** Moves one column of the pair to the other plus a difference of the training rows, on its own grid, inside the band. */
function fixNear(rule: Extract<Rule, { kind: 'near' }>, row: RowState, ctx: FixContext): void {
  const out = ctx.nearOutput(rule);
  const [other, col] = out === 'b' ? [rule.a, rule.b] : [rule.b, rule.a];
  const base = row.get(other) as number;
  const step = ctx.step(col);
  const d = (out === 'b' ? 1 : -1) * drawDiff(rule.diffs, ctx);
  let v = Math.round((base + d) / step) * step;
  if (!nearHolds(base, v, rule.within)) v -= Math.sign(v - base) * step;
  if (!nearHolds(base, v, rule.within)) v = base;
  row.set(col, Number(v.toPrecision(15)));
}

/** Changes the row so that `rule` holds (or comes closer to holding). */
export function fixRule(rule: Rule, row: RowState, ctx: FixContext): void {
  switch (rule.kind) {
    case 'formula': {
      const v = formulaValue(rule, (c) => row.get(c));
      if (v !== null) row.set(rule.target, roundTo(v, rule.decimals));
      return;
    }
    case 'threshold': {
      const x = row.get(rule.number) as number;
      if (thresholdSide(rule, x)) row.set(rule.column, rule.level);
      else {
        // No other level frequent enough to name: the number moves to the level's side instead.
        const other = choose(rule.others, ctx);
        if (other !== null) row.set(rule.column, other);
        else
          row.set(
            rule.number,
            rule.inclusive ? rule.threshold : rule.threshold + (rule.above ? 1 : -1) * ctx.step(rule.number),
          );
      }
      return;
    }
    case 'function': {
      const to = rule.map.find(([from]) => from === row.get(rule.from));
      if (to) row.set(rule.to, to[1]);
      return;
    }
    case 'months': {
      const level = monthLevel(rule, row.get(rule.date) as number);
      if (level !== undefined) row.set(rule.column, level);
      return;
    }
    case 'pairs':
      return fixPairs(rule, row, ctx);
    case 'near':
      return fixNear(rule, row, ctx);
    case 'order':
      return fixOrder(rule, row, ctx);
    case 'range': {
      // A column a formula computes stays inside by moving the formula's inputs (formula-range.ts).
      const formula = ctx.formulaOf(rule.column);
      if (formula) {
        pullInside(formula, rule, row, ctx);
        return;
      }
      const x = row.get(rule.column) as number;
      row.set(rule.column, Math.min(rule.max, Math.max(rule.min, x)));
      return;
    }
    case 'calendar':
      return fixCalendar(rule, row, ctx);
  }
}
