/**
 * Formulas with a constant found in the data: a number column that is another one times a
 * constant (`tax = amount × 0.1`, `km = miles × 1.609`) or plus a constant (`total = fee + 5`,
 * a date `due = invoiced + 30 days`), up to the target's rounding. Each row allows an interval of
 * constants — for a factor [(t − h) / a, (t + h) / a], h half a unit of the target's last
 * decimal — and the search narrows their intersection row by row; the constant is the simplest
 * number in it (fewest significant digits), then checked on every row. An unrelated pair empties
 * the interval within a few rows, so the search costs little more than reading them.
 */
import type { FoundRule, Rule } from '../../../shared/domain/rules.js';
import { formulaHolds, formulaTolerance, ruleColumns } from './check.js';
import { allowedMisses, MIN_RULE_ROWS } from './policy.js';
import { isDate, type NumberColumn } from './table.js';

type Formula = Extract<Rule, { kind: 'formula' }>;
type Mode = 'plus' | 'times';

/** The constants every row allows (rows whose interval misses the others' count as misses), or null. */
function span(t: NumberColumn, a: NumberColumn, mode: Mode): { lo: number; hi: number } | null {
  const half = formulaTolerance(t.decimals);
  const budget = allowedMisses(t.present);
  const [tv, av] = [t.values, a.values];
  let [lo, hi, rows, misses] = [-Infinity, Infinity, 0, 0];
  for (let i = 0; i < tv.length; i++) {
    const y = tv[i];
    const x = av[i];
    if (Number.isNaN(y) || Number.isNaN(x)) continue;
    rows++;
    // As `formulaHolds`: exactly half a unit either way holds, with room for binary floating point.
    const h = half * (1 + 1e-9) + 1e-9 * Math.max(1, Math.abs(y));
    let [l, u] = [y - x - h, y - x + h];
    if (mode === 'times') {
      if (x === 0) {
        if (Math.abs(y) <= h) continue;
        if (++misses > budget) return null;
        continue;
      }
      [l, u] = x > 0 ? [(y - h) / x, (y + h) / x] : [(y + h) / x, (y - h) / x];
    }
    if (u < lo || l > hi) {
      if (++misses > budget) return null;
      continue;
    }
    if (l > lo) lo = l;
    if (u < hi) hi = u;
  }
  return rows >= MIN_RULE_ROWS ? { lo, hi } : null;
}

/** The number in [lo, hi] written with the fewest significant digits (0 when the interval holds it). */
export function simplest(lo: number, hi: number): number | null {
  if (!(lo <= hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  if (lo <= 0 && hi >= 0) return 0;
  const mag = Math.floor(Math.log10(Math.max(Math.abs(lo), Math.abs(hi))));
  for (let d = 1; d <= 15; d++) {
    const step = 10 ** (mag - d + 1);
    const c = Number((Math.ceil(lo / step) * step).toFixed(Math.min(20, Math.max(0, d - 1 - mag))));
    if (c >= lo && c <= hi) return c;
  }
  return null;
}

/** Rows the rule applies to and rows it holds in, or null when it misses more than the policy allows. */
function check(t: NumberColumn, a: NumberColumn, mode: Mode, k: number): { rows: number; held: number } | null {
  let [rows, misses] = [0, 0];
  for (let i = 0; i < t.values.length; i++) {
    const y = t.values[i];
    const x = a.values[i];
    if (Number.isNaN(y) || Number.isNaN(x)) continue;
    rows++;
    if (!formulaHolds(y, mode === 'plus' ? x + k : x * k, t.decimals)) misses++;
  }
  return rows >= MIN_RULE_ROWS && misses <= allowedMisses(rows) ? { rows, held: rows - misses } : null;
}

function constantRule(t: NumberColumn, a: NumberColumn, mode: Mode, k: number): Formula {
  const rule: Formula = {
    kind: 'formula',
    key: `formula:${t.name}`,
    target: t.name,
    op: 'product',
    a: a.name,
    b: null,
    factor: null,
    decimals: t.decimals,
  };
  if (mode === 'times' && k !== 1) rule.times = k;
  if (mode === 'plus' && k !== 0) rule.plus = k;
  return rule;
}

/** `t = a + k` or `t = a × k` (a factor between numbers only, an offset between two numbers or two dates). */
function constantOf(t: NumberColumn, a: NumberColumn): FoundRule | null {
  if (isDate(t.type) !== isDate(a.type)) return null;
  const modes: Mode[] = isDate(t.type) ? ['plus'] : ['plus', 'times'];
  for (const mode of modes) {
    const s = span(t, a, mode);
    const k = s && simplest(s.lo, s.hi);
    if (k === null || (mode === 'times' && k === 0)) continue;
    const m = check(t, a, mode, k);
    // A date is exact to its grid (milliseconds): no tolerance is stated.
    const tolerance = isDate(t.type) ? 0 : formulaTolerance(t.decimals);
    if (m) return { rule: constantRule(t, a, mode, k), ...m, tolerance };
  }
  return null;
}

/** True when `from` is computed, through the formulas found (`inputs`: target → its inputs), from `to`. */
function dependsOn(from: string, to: string, inputs: ReadonlyMap<string, string[]>, seen = new Set<string>()): boolean {
  if (from === to) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  return (inputs.get(from) ?? []).some((c) => dependsOn(c, to, inputs, seen));
}

/**
 * Constant factors and offsets for the targets no other formula computes (rightmost first, as
 * the other formulas), never from a column computed from the target (no cycle: `net = gross ×
 * 0.909` is not added to `gross = net + tax`), each pair of columns used once (`tax = amount ×
 * 0.1`, not also `amount = tax × 10`). `found`: the formulas found so far; `varied`: at least three
 * distinct values.
 */
export function findConstants(
  cols: NumberColumn[],
  found: readonly FoundRule[],
  varied: (c: NumberColumn) => boolean,
): FoundRule[] {
  const inputs = new Map<string, string[]>();
  for (const f of found) if (f.rule.kind === 'formula') inputs.set(f.rule.target, ruleColumns(f.rule).slice(1));
  const usable = cols.filter((c) => c.present >= MIN_RULE_ROWS && varied(c));
  const out: FoundRule[] = [];
  for (const t of [...usable].reverse()) {
    if (inputs.has(t.name)) continue;
    for (const a of usable) {
      if (a === t || dependsOn(a.name, t.name, inputs)) continue;
      const r = constantOf(t, a);
      if (!r) continue;
      out.push(r);
      inputs.set(t.name, [a.name]);
      break;
    }
  }
  return out;
}
