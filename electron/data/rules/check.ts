/**
 * What it means for one row to satisfy a rule, on typed values (numbers, dates as epoch
 * milliseconds, levels as strings; missing = null): the one definition used to measure a rule
 * on the training rows, to count violations in generated rows, and by generation to find what
 * to repair. A rule does not apply to a row where one of its columns is missing.
 */
import type { Rule } from '../../../shared/domain/rules.js';

export type RuleValue = number | string | null;
/** The typed value of a column of one row, by name. */
export type RowValues = (column: string) => RuleValue;

const num = (v: RuleValue): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const lvl = (v: RuleValue): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Half a unit of the last decimal, and a little more for binary floating point. */
export function formulaTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/** The exact (unrounded) value of a formula, or null when an input is missing or it divides by 0. */
export function formulaValue(rule: Extract<Rule, { kind: 'formula' }>, row: RowValues): number | null {
  const a = num(row(rule.a));
  const b = rule.b === null ? null : num(row(rule.b));
  if (a === null || (rule.b !== null && b === null)) return null;
  let v: number;
  if (rule.b === null || b === null) v = a;
  else if (rule.op === 'product') v = a * b;
  else if (rule.op === 'sum') v = a + b;
  else if (rule.op === 'difference') v = rule.days ? (a - b) / 86_400_000 : a - b;
  else if (b === 0) return null;
  else v = a / b;
  if (rule.factor) {
    const f = num(row(rule.factor.column));
    if (f === null) return null;
    v *= 1 + rule.factor.sign * rule.factor.scale * f;
  }
  if (rule.times !== undefined) v *= rule.times;
  if (rule.plus !== undefined) v += rule.plus;
  return v;
}

/** The value rounded to `decimals`, halves away from zero (as a person rounds), without float noise. */
export function roundTo(v: number, decimals: number): number {
  const p = 10 ** decimals;
  const r = (Math.sign(v) * Math.round(Math.abs(v) * p * (1 + 1e-12))) / p;
  return Number(r.toFixed(decimals));
}

export function formulaHolds(target: number, exact: number, decimals: number): boolean {
  return Math.abs(target - exact) <= formulaTolerance(decimals) * (1 + 1e-9) + 1e-9 * Math.max(1, Math.abs(exact));
}

/** True when `x` is on the level's side of a threshold. */
export function thresholdSide(rule: Extract<Rule, { kind: 'threshold' }>, x: number): boolean {
  if (rule.inclusive) return rule.above ? x >= rule.threshold : x <= rule.threshold;
  return rule.above ? x > rule.threshold : x < rule.threshold;
}

/** |b − a| ≤ within, with room for binary floating point. */
export function nearHolds(a: number, b: number, within: number): boolean {
  return Math.abs(b - a) <= within + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export const monthOf = (ms: number): number => new Date(ms).getUTCMonth() + 1;
export const weekdayOf = (ms: number): number => new Date(ms).getUTCDay();

/** Lookups of the rules that list values, built once per rule: a function's map, forbidden pairs. */
const functionMaps = new WeakMap<Rule, Map<string, string>>();
const forbiddenSets = new WeakMap<Rule, Set<string>>();
const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

function functionMap(rule: Extract<Rule, { kind: 'function' }>): Map<string, string> {
  let map = functionMaps.get(rule);
  if (!map) functionMaps.set(rule, (map = new Map(rule.map)));
  return map;
}

function forbiddenSet(rule: Extract<Rule, { kind: 'pairs' }>): Set<string> {
  let set = forbiddenSets.get(rule);
  if (!set) forbiddenSets.set(rule, (set = new Set(rule.forbidden.map(([a, b]) => pairKey(a, b)))));
  return set;
}

/** The level a `months` rule gives the month of date `x` (undefined for a month the rows never had). */
export function monthLevel(rule: Extract<Rule, { kind: 'months' }>, x: number): string | undefined {
  const m = monthOf(x);
  return rule.map.find(([month]) => month === m)?.[1];
}

/** True / false when the rule applies to the row, null when it does not (a column missing). */
export function ruleHolds(rule: Rule, row: RowValues): boolean | null {
  switch (rule.kind) {
    case 'formula': {
      const t = num(row(rule.target));
      const v = formulaValue(rule, row);
      return t === null || v === null ? null : formulaHolds(t, v, rule.decimals);
    }
    case 'order': {
      const a = num(row(rule.a));
      const b = num(row(rule.b));
      return a === null || b === null ? null : rule.strict ? a < b : a <= b;
    }
    case 'threshold': {
      const c = lvl(row(rule.column));
      const x = num(row(rule.number));
      if (c === null || x === null) return null;
      return (c === rule.level) === thresholdSide(rule, x);
    }
    case 'near': {
      const a = num(row(rule.a));
      const b = num(row(rule.b));
      return a === null || b === null ? null : nearHolds(a, b, rule.within);
    }
    case 'function': {
      const a = lvl(row(rule.from));
      const b = lvl(row(rule.to));
      if (a === null || b === null) return null;
      const want = functionMap(rule).get(a);
      return want === undefined ? null : want === b;
    }
    case 'months': {
      const c = lvl(row(rule.column));
      const x = num(row(rule.date));
      if (c === null || x === null) return null;
      const want = monthLevel(rule, x);
      return want === undefined ? null : want === c;
    }
    case 'pairs': {
      const a = lvl(row(rule.a));
      const b = lvl(row(rule.b));
      if (a === null || b === null) return null;
      return !forbiddenSet(rule).has(pairKey(a, b));
    }
    case 'range': {
      const x = num(row(rule.column));
      return x === null ? null : x >= rule.min && x <= rule.max;
    }
    case 'calendar': {
      const x = num(row(rule.column));
      if (x === null) return null;
      const okMonth = !rule.months || rule.months.some(([m]) => m === monthOf(x));
      const okDay = !rule.weekdays || rule.weekdays.some(([d]) => d === weekdayOf(x));
      return okMonth && okDay;
    }
  }
}

/** The columns a rule reads. */
export function ruleColumns(rule: Rule): string[] {
  switch (rule.kind) {
    case 'formula':
      return [rule.target, rule.a, ...(rule.b ? [rule.b] : []), ...(rule.factor ? [rule.factor.column] : [])];
    case 'order':
    case 'pairs':
    case 'near':
      return [rule.a, rule.b];
    case 'threshold':
      return [rule.column, rule.number];
    case 'function':
      return [rule.from, rule.to];
    case 'months':
      return [rule.column, rule.date];
    case 'range':
    case 'calendar':
      return [rule.column];
  }
}
