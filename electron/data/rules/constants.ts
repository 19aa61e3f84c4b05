/**
 * Formulas with a constant found in the data: a number column that is another one times a
 * constant (`tax = amount × 0.1`, `km = miles × 1.609`), plus a constant (`total = fee + 5`,
 * a date `due = invoiced + 30 days`), or both (`°F = °C × 1.8 + 32`), up to the target's
 * rounding. Each row allows an interval of constants — for a factor [(t − h) / a, (t + h) / a],
 * h half a unit of the target's last decimal — and the search narrows their intersection row by
 * row; the constant is the simplest number in it (fewest significant digits), then checked on
 * every row. A factor with an offset takes its interval from the two rows furthest apart, then
 * each of its simplest candidates the offset's interval. An unrelated pair empties the interval
 * within a few rows, so the search costs little more than reading them.
 */
import type { FoundRule, Rule } from '../../../shared/domain/rules.js';
import { formulaHolds, formulaTolerance, ruleColumns } from './check.js';
import { allowedMisses, MIN_RULE_ROWS } from './policy.js';
import { isDate, type NumberColumn } from './table.js';

type Formula = Extract<Rule, { kind: 'formula' }>;
type Mode = 'plus' | 'times';
interface Point {
  x: number;
  y: number;
}

/**
 * The constants every row allows (rows whose interval misses the others' count as misses), or
 * null; an offset is the one added to `a × factor`.
 */
function span(t: NumberColumn, a: NumberColumn, mode: Mode, factor = 1): { lo: number; hi: number } | null {
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
    let [l, u] = [y - factor * x - h, y - factor * x + h];
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

/** Rows the rule `t = a × times + plus` applies to and rows it holds in, or null when it misses more than the policy allows. */
function check(t: NumberColumn, a: NumberColumn, times: number, plus: number): { rows: number; held: number } | null {
  let [rows, misses] = [0, 0];
  for (let i = 0; i < t.values.length; i++) {
    const y = t.values[i];
    const x = a.values[i];
    if (Number.isNaN(y) || Number.isNaN(x)) continue;
    rows++;
    if (!formulaHolds(y, x * times + plus, t.decimals)) misses++;
  }
  return rows >= MIN_RULE_ROWS && misses <= allowedMisses(rows) ? { rows, held: rows - misses } : null;
}

/** Candidate factors tried for a factor with an offset, at most. */
const MAX_FACTOR_CANDIDATES = 24;

/**
 * The numbers of [lo, hi] on ever finer decimal grids (1, 2, … significant digits), at most
 * `perLevel` of each grid (those nearest the middle), the simplest first, at most `most` in all.
 */
function candidatesIn(lo: number, hi: number, perLevel = 3, most = MAX_FACTOR_CANDIDATES): number[] {
  if (!(lo <= hi) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const out: number[] = [];
  const mid = (lo + hi) / 2;
  const mag = Math.floor(Math.log10(Math.max(Math.abs(lo), Math.abs(hi))));
  for (let d = 1; d <= 15 && out.length < most; d++) {
    const step = 10 ** (mag - d + 1);
    const first = Math.ceil(lo / step);
    const last = Math.floor(hi / step);
    if (last < first) continue;
    const around = Math.round(mid / step);
    const level: number[] = [];
    for (let r = 0; level.length < perLevel && r <= last - first; r++)
      for (const m of r === 0 ? [around] : [around - r, around + r])
        if (m >= first && m <= last && level.length < perLevel) level.push(m);
    const fixed = Math.min(20, Math.max(0, d - 1 - mag));
    for (const m of level) {
      const c = Number((m * step).toFixed(fixed));
      if (!out.includes(c) && out.length < most) out.push(c);
    }
  }
  return out;
}

/** The `ends` rows with both values with the smallest input `a`, and those with the largest (furthest first). */
function extremes(t: NumberColumn, a: NumberColumn, ends: number): { low: Point[]; high: Point[] } {
  const [low, high]: number[][] = [[], []];
  // Row indices kept in order, `before(i, j)` when row i goes ahead of row j.
  const keep = (list: number[], i: number, before: (i: number, j: number) => boolean) => {
    if (list.length === ends && !before(i, list[ends - 1])) return;
    let at = list.length;
    while (at > 0 && before(i, list[at - 1])) at--;
    list.splice(at, 0, i);
    if (list.length > ends) list.pop();
  };
  const [x, y] = [a.values, t.values];
  const lower = (i: number, j: number) => x[i] < x[j];
  const higher = (i: number, j: number) => x[i] > x[j];
  for (let i = 0; i < y.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    if (low.length < ends || x[i] < x[low[low.length - 1]]) keep(low, i, lower);
    if (high.length < ends || x[i] > x[high[high.length - 1]]) keep(high, i, higher);
  }
  const points = (list: number[]) => list.map((i) => ({ x: x[i], y: y[i] }));
  return { low: points(low), high: points(high) };
}

/** Rows probed on the line through two far-apart rows before any factor is tried. */
const PROBES = 8;

/**
 * Whether rows spread through the table lie on the line through `p` and `q` within the rounding
 * (2h: each end is off by up to h, a row inside by up to h more), all of them when no row may miss,
 * else all but two: an unrelated pair is refused here, at the cost of a few rows.
 */
function onLine(t: NumberColumn, a: NumberColumn, p: Point, q: Point, h: number): boolean {
  const slope = (q.y - p.y) / (q.x - p.x);
  const spare = allowedMisses(t.present) > 0 ? 2 : 0;
  let off = 0;
  const n = t.values.length;
  for (let j = 1; j <= PROBES; j++) {
    const i = Math.floor((j * n) / (PROBES + 1));
    const [x, y] = [a.values[i], t.values[i]];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    const err = Math.abs(y - (p.y + slope * (x - p.x)));
    if (err > 2 * h * (1 + 1e-9) + 1e-9 * Math.max(1, Math.abs(y)) && ++off > spare) return false;
  }
  return true;
}

/**
 * `t = a × k + c` with both constants (numbers only): the factor's interval from a pair of rows
 * far apart (the two furthest, or, when some rows may miss, the next ones in), then for each of
 * its simplest candidates the offset's interval over every row and its simplest number.
 */
function affineOf(t: NumberColumn, a: NumberColumn): FoundRule | null {
  const ends = 1 + Math.min(2, allowedMisses(t.present));
  const { low, high } = extremes(t, a, ends);
  const h = formulaTolerance(t.decimals);
  const tried = new Set<number>();
  for (let i = 0; i < Math.min(low.length, high.length); i++) {
    const [p, q] = [low[i], high[i]];
    if (!(q.x > p.x) || !onLine(t, a, p, q, h)) continue;
    const [lo, hi] = [(q.y - p.y - 2 * h) / (q.x - p.x), (q.y - p.y + 2 * h) / (q.x - p.x)];
    for (const k of candidatesIn(lo, hi)) {
      if (k === 0 || tried.has(k)) continue;
      tried.add(k);
      const s = span(t, a, 'plus', k);
      const c = s && simplest(s.lo, s.hi);
      if (c === null || c === 0) continue;
      const m = check(t, a, k, c);
      if (!m) continue;
      return { rule: constantRule(t, a, k, c), ...m, tolerance: h };
    }
  }
  return null;
}

/** The rule `t = a × times + plus`, a factor of 1 and an offset of 0 left unsaid. */
function constantRule(t: NumberColumn, a: NumberColumn, times: number, plus: number): Formula {
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
  if (times !== 1) rule.times = times;
  if (plus !== 0) rule.plus = plus;
  return rule;
}

/** `t = a + k`, `t = a × k` or `t = a × k + c` (a factor between numbers only, an offset alone also between two dates). */
function constantOf(t: NumberColumn, a: NumberColumn): FoundRule | null {
  if (isDate(t.type) !== isDate(a.type)) return null;
  const modes: Mode[] = isDate(t.type) ? ['plus'] : ['plus', 'times'];
  for (const mode of modes) {
    const s = span(t, a, mode);
    const k = s && simplest(s.lo, s.hi);
    if (k === null || (mode === 'times' && k === 0)) continue;
    const [times, plus] = mode === 'plus' ? [1, k] : [k, 0];
    const m = check(t, a, times, plus);
    // A date is exact to its grid (milliseconds): no tolerance is stated.
    const tolerance = isDate(t.type) ? 0 : formulaTolerance(t.decimals);
    if (m) return { rule: constantRule(t, a, times, plus), ...m, tolerance };
  }
  return isDate(t.type) ? null : affineOf(t, a);
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
