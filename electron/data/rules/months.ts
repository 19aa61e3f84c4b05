/**
 * A category that follows the month of a date: every month the rows have comes with one level
 * of the category (a fiscal half, a quarter, a season: `fiscal_half` is H1 in April–September and
 * H2 in October–March, across years). Believed when each month seen has at least MIN_SIDE_ROWS
 * rows (a category constant within a month by chance is then unlikely), at least three months
 * are seen and at least two levels each have MIN_SIDE_ROWS rows (and `rareMin`: rare levels are
 * never named). A two-level category that a threshold on the same date already gives is left
 * out (over less than a year both hold; the threshold says it all).
 */
import type { FoundRule } from '../../../shared/domain/rules.js';
import { monthOf } from './check.js';
import { MIN_RULE_ROWS, MIN_SIDE_ROWS } from './policy.js';
import { isDate, type LevelColumn, type NumberColumn, type RuleTable } from './table.js';

function monthsOf(c: LevelColumn, d: NumberColumn, rareMin: number): FoundRule | null {
  const level = new Int32Array(12).fill(-1);
  const rowsIn = new Int32Array(12);
  let rows = 0;
  for (let i = 0; i < c.codes.length; i++) {
    const code = c.codes[i];
    const x = d.values[i];
    if (code < 0 || Number.isNaN(x)) continue;
    const m = monthOf(x) - 1;
    if (level[m] === -1) level[m] = code;
    else if (level[m] !== code) return null;
    rowsIn[m]++;
    rows++;
  }
  if (rows < MIN_RULE_ROWS) return null;
  const seen = [...rowsIn.keys()].filter((m) => rowsIn[m] > 0);
  if (seen.length < 3 || seen.some((m) => rowsIn[m] < MIN_SIDE_ROWS)) return null;
  const perLevel = new Map<number, number>();
  for (const m of seen) perLevel.set(level[m], (perLevel.get(level[m]) ?? 0) + rowsIn[m]);
  const named = [...perLevel.values()].filter((n) => n >= Math.max(MIN_SIDE_ROWS, rareMin)).length;
  if (named < 2 || named < perLevel.size) return null;
  const map = seen.map((m): [number, string] => [m + 1, c.levels[level[m]]]);
  const rule = { kind: 'months' as const, key: `months:${c.name}<${d.name}`, column: c.name, date: d.name, map };
  return { rule, rows, held: rows, tolerance: 0 };
}

/** `tied`: category and date columns a threshold ties (`column\u0000date`). */
export function findMonthLevels(table: RuleTable, tied: ReadonlySet<string>, rareMin: number): FoundRule[] {
  const dates = table.numbers.filter((d) => isDate(d.type) && d.present >= MIN_RULE_ROWS);
  const found: FoundRule[] = [];
  for (const c of table.levels) {
    if (c.levels.length < 2 || c.levels.length > 12) continue;
    for (const d of dates) {
      if (c.levels.length === 2 && tied.has(`${c.name}\u0000${d.name}`)) continue;
      const r = monthsOf(c, d, rareMin);
      if (r) {
        found.push(r);
        break;
      }
    }
  }
  return found;
}
