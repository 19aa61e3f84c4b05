/**
 * Where a column's values live: the range of a number or date column (a column a formula
 * computes too: inputs each inside their ranges can still give a target outside its own, which
 * generation then brings back by moving an input), and the calendar support of a date
 * column — the months, or the weekdays, that occur when the others would each have had at least
 * MIN_EXPECTED_ROWS rows had every month (weekday) been as likely (orders in November and
 * December only; invoices on weekdays only).
 */
import type { FoundRule } from '../../../shared/domain/rules.js';
import { monthOf, weekdayOf } from './check.js';
import { MIN_EXPECTED_ROWS, MIN_RULE_ROWS } from './policy.js';
import { isDate, type NumberColumn, type RuleTable } from './table.js';

function range(c: NumberColumn): FoundRule {
  const rule = { kind: 'range' as const, key: `range:${c.name}`, column: c.name, min: c.min, max: c.max };
  return { rule, rows: c.present, held: c.present, tolerance: 0 };
}

/** The values that occur and their counts, or null when every one occurs or too few rows say otherwise. */
function support(counts: number[], first: number, rows: number): [number, number][] | null {
  const seen = counts.map((n, i): [number, number] => [i + first, n]).filter(([, n]) => n > 0);
  if (seen.length === counts.length || rows / counts.length < MIN_EXPECTED_ROWS) return null;
  return seen;
}

function calendar(c: NumberColumn): FoundRule | null {
  if (c.present < MIN_RULE_ROWS) return null;
  const months = new Array<number>(12).fill(0);
  const days = new Array<number>(7).fill(0);
  for (const v of c.values) {
    if (Number.isNaN(v)) continue;
    months[monthOf(v) - 1]++;
    days[weekdayOf(v)]++;
  }
  const m = support(months, 1, c.present);
  const d = support(days, 0, c.present);
  if (!m && !d) return null;
  const rule = { kind: 'calendar' as const, key: `calendar:${c.name}`, column: c.name, months: m, weekdays: d };
  return { rule, rows: c.present, held: c.present, tolerance: 0 };
}

export function findSupports(table: RuleTable): FoundRule[] {
  const found: FoundRule[] = [];
  for (const c of table.allNumbers()) {
    if (c.present < MIN_RULE_ROWS) continue;
    found.push(range(c));
    if (isDate(c.type)) {
      const cal = calendar(c);
      if (cal) found.push(cal);
    }
  }
  return found;
}
