/**
 * Formulas: a number column that is, row by row and up to its own rounding, a product, sum,
 * difference or ratio of two other columns, optionally times a factor (1 − c) or (1 + c) of a
 * rate column (c in [0, 1], or a percentage) — `revenue = quantity × unit price × (1 − discount)`.
 * Each target takes the first (simplest) formula that holds; a set of columns is used by one
 * formula only (`total = price + tax` is not also given as `price = total − tax`). The search
 * stops a candidate at its first misses beyond the tolerance, so wrong ones cost a few rows. A
 * number can also be the difference of two dates in days (`delivery_days = delivered − ordered`),
 * or another column times or plus a constant found in the data (`constants.ts`).
 */
import type { FoundRule, Rule, RuleFactor } from '../../../shared/domain/rules.js';
import { formulaHolds, formulaTolerance } from './check.js';
import { findConstants } from './constants.js';
import { allowedMisses, MAX_FACTOR_COLUMNS, MAX_NUMBER_COLUMNS, MIN_RULE_ROWS } from './policy.js';
import { isDate, type NumberColumn, type RuleTable } from './table.js';

type Formula = Extract<Rule, { kind: 'formula' }>;
type Op = Formula['op'];

interface Candidate {
  op: Op;
  a: NumberColumn;
  b: NumberColumn | null;
  factor: { col: NumberColumn; sign: -1 | 1; scale: number } | null;
}

function isRate(c: NumberColumn): number | null {
  if (c.min < 0) return null;
  if (c.format.number?.percent) return c.max <= 100 ? 0.01 : null;
  return c.max <= 1 ? 1 : null;
}

/** At least three distinct values: a constant or a flag is no target. */
function varied(c: NumberColumn): boolean {
  const seen = new Set<number>();
  for (const v of c.values) {
    if (!Number.isNaN(v)) seen.add(v);
    if (seen.size >= 3) return true;
  }
  return false;
}

/** Rows the candidate applies to and rows it misses, stopping once the misses exceed the tolerance. */
/** `unit`: what one of the target's units is in the inputs' (a day of dates in milliseconds: 86,400,000). */
function measure(t: NumberColumn, c: Candidate, unit = 1): { rows: number; held: number } | null {
  const tv = t.values;
  const av = c.a.values;
  const bv = c.b?.values ?? null;
  const fv = c.factor?.col.values ?? null;
  const fk = c.factor ? c.factor.sign * c.factor.scale : 0;
  const budget = allowedMisses(t.present);
  let rows = 0;
  let misses = 0;
  for (let i = 0; i < tv.length; i++) {
    const target = tv[i];
    const a = av[i];
    const b = bv ? bv[i] : 0;
    const f = fv ? fv[i] : 0;
    if (Number.isNaN(target) || Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(f)) continue;
    let v: number;
    if (!bv) v = a;
    else if (c.op === 'product') v = a * b;
    else if (c.op === 'sum') v = a + b;
    else if (c.op === 'difference') v = a - b;
    else if (b === 0) continue;
    else v = a / b;
    if (fv) v *= 1 + fk * f;
    rows++;
    if (!formulaHolds(target, v / unit, t.decimals) && ++misses > budget) return null;
  }
  if (rows < MIN_RULE_ROWS || misses > allowedMisses(rows)) return null;
  return { rows, held: rows - misses };
}

function* candidates(inputs: NumberColumn[], factors: NumberColumn[]): Generator<Candidate> {
  const withFactors = (op: Op, a: NumberColumn, b: NumberColumn | null): Candidate[] => [
    { op, a, b, factor: null },
    ...factors
      .filter((f) => f !== a && f !== b)
      .flatMap((col) => {
        const scale = isRate(col) ?? 1;
        return [-1, 1].map((sign) => ({ op, a, b, factor: { col, sign: sign as -1 | 1, scale } }));
      }),
  ];
  for (let i = 0; i < inputs.length; i++)
    for (let j = i + 1; j < inputs.length; j++) yield* withFactors('product', inputs[i], inputs[j]);
  for (let i = 0; i < inputs.length; i++)
    for (let j = i + 1; j < inputs.length; j++) yield* withFactors('sum', inputs[i], inputs[j]);
  for (const a of inputs)
    for (const b of inputs) {
      if (a === b) continue;
      yield* withFactors('difference', a, b);
      yield* withFactors('ratio', a, b);
    }
  for (const a of inputs) yield* withFactors('product', a, null).slice(1);
}

function formulaRule(t: NumberColumn, c: Candidate): Formula {
  const factor: RuleFactor | null = c.factor
    ? { column: c.factor.col.name, sign: c.factor.sign, scale: c.factor.scale }
    : null;
  return {
    kind: 'formula',
    key: `formula:${t.name}`,
    target: t.name,
    op: c.op,
    a: c.a.name,
    b: c.b?.name ?? null,
    factor,
    decimals: t.decimals,
  };
}

const columnSet = (t: NumberColumn, c: Candidate) =>
  [t.name, c.a.name, c.b?.name ?? '', c.factor?.col.name ?? ''].sort().join('\u0000');

/** A number that is the difference of two dates in days, for targets no other formula computes. */
function dateDifferences(table: RuleTable, done: Set<string>): FoundRule[] {
  const dates = table.numbers.filter((c) => isDate(c.type));
  const found: FoundRule[] = [];
  for (const t of table.numbers) {
    if (isDate(t.type) || done.has(t.name) || t.present < MIN_RULE_ROWS || !varied(t)) continue;
    search: for (const a of dates)
      for (const b of dates) {
        if (a === b) continue;
        const m = measure(t, { op: 'difference', a, b, factor: null }, 86_400_000);
        if (!m) continue;
        const rule: Formula = { ...formulaRule(t, { op: 'difference', a, b, factor: null }), days: true };
        found.push({ rule, ...m, tolerance: formulaTolerance(t.decimals) });
        done.add(t.name);
        break search;
      }
  }
  return found;
}

export function findFormulas(table: RuleTable): FoundRule[] {
  const cols = table.numbers.filter((c) => !isDate(c.type)).slice(0, MAX_NUMBER_COLUMNS);
  const factors = cols.filter((c) => isRate(c) !== null).slice(0, MAX_FACTOR_COLUMNS);
  const used = new Set<string>();
  const found: FoundRule[] = [];
  // Rightmost first: a total usually follows its parts.
  for (const t of [...cols].reverse()) {
    if (t.present < MIN_RULE_ROWS || !varied(t)) continue;
    const inputs = cols.filter((c) => c !== t);
    for (const c of candidates(
      inputs,
      factors.filter((f) => f !== t),
    )) {
      if (used.has(columnSet(t, c))) continue;
      const m = measure(t, c);
      if (!m) continue;
      used.add(columnSet(t, c));
      found.push({ rule: formulaRule(t, c), ...m, tolerance: formulaTolerance(t.decimals) });
      break;
    }
  }
  const withDays = [...found, ...dateDifferences(table, new Set(found.map((f) => (f.rule as Formula).target)))];
  return [...withDays, ...findConstants(table.numbers.slice(0, MAX_NUMBER_COLUMNS), withDays, varied)];
}
