/**
 * Relations between a number column and another column: an order between two number columns
 * of the same kind (`a ≤ b`, dates in order) whose values are comparable (the order is not implied
 * by their scales alone); and a category level (or a yes/no) that is exactly a threshold of
 * a number or a date (`store_type is Online exactly when delivery_days > 0`, `after_launch is yes
 * exactly when date ≥ 2024-04-01`). One pass per pair of columns.
 */
import type { FoundRule } from '../../../shared/domain/rules.js';
import {
  allowedMisses,
  MAX_LEVEL_COLUMNS,
  MAX_NUMBER_COLUMNS,
  MAX_THRESHOLD_LEVELS,
  MIN_SIDE_ROWS,
  MIN_RULE_ROWS,
} from './policy.js';
import { isDate, quantileOf, sortedValues, type LevelColumn, type NumberColumn, type RuleTable } from './table.js';

/** The 5th and 95th percentiles of a column's present values. */
function middle(c: NumberColumn): [number, number] {
  const v = sortedValues(c);
  return [quantileOf(v, 0.05), quantileOf(v, 0.95, true)];
}

/** Share of a column's present values inside [lo, hi]. */
function shareIn(c: NumberColumn, [lo, hi]: [number, number]): number {
  let n = 0;
  for (const x of c.values) if (x >= lo && x <= hi) n++;
  return c.present > 0 ? n / c.present : 0;
}

/**
 * Two columns of comparable values: at least a tenth of each one's values lie within the middle
 * 90 % of the other's. Otherwise an order (`quantity ≤ revenue`) says nothing the scales do not.
 */
function comparable(a: NumberColumn, b: NumberColumn, mid: Map<NumberColumn, [number, number]>): boolean {
  return shareIn(a, mid.get(b)!) >= 0.1 && shareIn(b, mid.get(a)!) >= 0.1;
}

function orderOf(a: NumberColumn, b: NumberColumn): FoundRule | null {
  let rows = 0;
  let below = 0; // a < b
  let equal = 0;
  let above = 0; // a > b
  for (let i = 0; i < a.values.length; i++) {
    const x = a.values[i];
    const y = b.values[i];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    rows++;
    if (x < y) below++;
    else if (x > y) above++;
    else equal++;
  }
  if (rows < MIN_RULE_ROWS) return null;
  const budget = allowedMisses(rows);
  const [lo, hi, misses] = above <= below ? [a, b, above] : [b, a, below];
  if (misses > budget) return null;
  const strict = equal === 0;
  const rule = { kind: 'order' as const, key: `order:${lo.name}<=${hi.name}`, a: lo.name, b: hi.name, strict };
  return { rule, rows, held: rows - misses, tolerance: 0 };
}

export function findOrders(table: RuleTable): FoundRule[] {
  const cols = table.numbers.slice(0, MAX_NUMBER_COLUMNS).filter((c) => c.present >= MIN_RULE_ROWS);
  const mid = new Map(cols.map((c) => [c, middle(c)]));
  const found: FoundRule[] = [];
  for (let i = 0; i < cols.length; i++)
    for (let j = i + 1; j < cols.length; j++) {
      const [a, b] = [cols[i], cols[j]];
      if (isDate(a.type) !== isDate(b.type) || !comparable(a, b, mid)) continue;
      const r = orderOf(a, b);
      if (r) found.push(r);
    }
  return found;
}

/** Per level of `c`: min and max of `x` over the rows where both are present. */
function levelExtremes(c: LevelColumn, x: NumberColumn) {
  const k = c.levels.length;
  const min = new Float64Array(k).fill(Infinity);
  const max = new Float64Array(k).fill(-Infinity);
  const count = new Int32Array(k);
  for (let i = 0; i < c.codes.length; i++) {
    const code = c.codes[i];
    const v = x.values[i];
    if (code < 0 || Number.isNaN(v)) continue;
    count[code]++;
    if (v < min[code]) min[code] = v;
    if (v > max[code]) max[code] = v;
  }
  return { min, max, count };
}

/** The levels tested: a yes/no column's "yes", a two-level column's rarer level, every level otherwise. */
function testedLevels(c: LevelColumn): number[] {
  if (c.type === 'boolean' && c.format.boolean) {
    const yes = c.levels.indexOf(c.format.boolean.trueToken);
    return yes >= 0 ? [yes] : [];
  }
  return c.levels.length === 2 ? [1] : c.levels.map((_, i) => i);
}

/**
 * The first of a month in (lo, hi] a person would name — a year's first, else a quarter's, else a
 * month's — nearest the level's side (`nearHi`), or null when the gap holds none.
 */
function monthStart(lo: number, hi: number, nearHi: boolean): number | null {
  let best: number | null = null;
  let bestScore = -1;
  const d = new Date(lo);
  for (let y = d.getUTCFullYear(), m = d.getUTCMonth() + 1; ; m++) {
    const t = Date.UTC(y, m, 1);
    if (t > hi) break;
    const month = new Date(t).getUTCMonth();
    const score = month === 0 ? 2 : month % 3 === 0 ? 1 : 0;
    if (score > bestScore || (score === bestScore && nearHi)) [best, bestScore] = [t, score];
  }
  return best;
}

/**
 * A date threshold, inclusive (`after_launch ⇔ date ≥ 2024-04-01`): the level begins (ends) at the
 * first of a month in the gap between the other levels' dates and its own, when the gap holds one,
 * else at its own first (last) date. `lo`, `hi`: the last date before the gap and the first after.
 */
function dateThreshold(above: boolean, lo: number, hi: number, type: string): number {
  const start = monthStart(lo, hi, above);
  if (start === null) return above ? hi : lo;
  return above ? start : start - (type === 'date' ? 86_400_000 : 1000);
}

function thresholdsOf(c: LevelColumn, x: NumberColumn): FoundRule[] {
  const { min, max, count } = levelExtremes(c, x);
  const rows = count.reduce((s, n) => s + n, 0);
  if (rows < MIN_RULE_ROWS) return [];
  const found: FoundRule[] = [];
  for (const l of testedLevels(c)) {
    const inside = count[l];
    if (inside < MIN_SIDE_ROWS || rows - inside < MIN_SIDE_ROWS) continue;
    let minOut = Infinity;
    let maxOut = -Infinity;
    for (let o = 0; o < count.length; o++)
      if (o !== l && count[o] > 0) {
        minOut = Math.min(minOut, min[o]);
        maxOut = Math.max(maxOut, max[o]);
      }
    const above = maxOut < min[l];
    if (!above && !(max[l] < minOut)) continue;
    const others = c.levels
      .map((name, o): [string, number] => [name, count[o]])
      .filter(([, n], o) => o !== l && n >= MIN_SIDE_ROWS);
    const level = c.levels[l];
    const date = isDate(x.type);
    const threshold = date
      ? dateThreshold(above, above ? maxOut : max[l], above ? min[l] : minOut, x.type)
      : above
        ? maxOut
        : minOut;
    found.push({
      rule: {
        kind: 'threshold',
        key: `threshold:${c.name}=${level}`,
        column: c.name,
        level,
        number: x.name,
        above,
        threshold,
        others,
        ...(date ? { inclusive: true } : {}),
      },
      rows,
      held: rows,
      tolerance: 0,
    });
  }
  return found;
}

export function findThresholds(table: RuleTable): FoundRule[] {
  // Numbers first: a level that is a threshold of both a number and a date is given by the number.
  const numbers = [...table.numbers.filter((x) => !isDate(x.type)), ...table.numbers.filter((x) => isDate(x.type))];
  const found = new Map<string, FoundRule>();
  for (const c of table.levels.slice(0, MAX_LEVEL_COLUMNS)) {
    if (c.levels.length < 2 || c.levels.length > MAX_THRESHOLD_LEVELS) continue;
    for (const x of numbers) for (const r of thresholdsOf(c, x)) if (!found.has(r.rule.key)) found.set(r.rule.key, r);
  }
  return [...found.values()];
}
