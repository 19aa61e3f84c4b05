/**
 * Near-equalities: two number columns whose difference stays within a small band in every row
 * (a round stone's length and width: `y is always within 0.06 of x`). The band is the largest
 * |b − a| of the rows, and it must be small against both columns' spread — at most
 * NEAR_SHARE_OF_IQR (a tenth) of the smaller interquartile range — so that the rule says what
 * the scales alone do not. A pair stops at its first rows beyond that bound (the misses policy
 * allows), so an unrelated pair costs a few rows. Pairs a formula already ties are left out.
 */
import type { FoundRule } from '../../../shared/domain/rules.js';
import { allowedMisses, MIN_RULE_ROWS, NEAR_SHARE_OF_IQR } from './policy.js';
import { isDate, quantileOf, sortedValues, type NumberColumn, type RuleTable } from './table.js';

/** The interquartile range of a column's present values. */
function iqr(c: NumberColumn): number {
  const v = sortedValues(c);
  return quantileOf(v, 0.75) - quantileOf(v, 0.25, true);
}

/** Decimals the band is stated with: the finer of the two columns'. */
const clean = (v: number, decimals: number) => Number(v.toFixed(Math.min(12, decimals)));

function nearOf(a: NumberColumn, b: NumberColumn, limit: number, diffs: Float64Array): FoundRule | null {
  const budget = allowedMisses(Math.min(a.present, b.present));
  let [rows, n, misses] = [0, 0, 0];
  for (let i = 0; i < a.values.length; i++) {
    const x = a.values[i];
    const y = b.values[i];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    rows++;
    const d = y - x;
    if (Math.abs(d) > limit) {
      if (++misses > budget) return null;
    } else diffs[n++] = d;
  }
  if (rows < MIN_RULE_ROWS || misses > allowedMisses(rows)) return null;
  const held = diffs.subarray(0, n).sort();
  const decimals = Math.max(a.decimals, b.decimals);
  const within = clean(Math.max(-held[0], held[n - 1]), decimals);
  const deciles = Array.from({ length: 11 }, (_, k) => clean(held[Math.round((k / 10) * (n - 1))], decimals));
  const rule = { kind: 'near' as const, key: `near:${b.name}~${a.name}`, a: a.name, b: b.name, within, diffs: deciles };
  return { rule, rows, held: n, tolerance: within };
}

/** `linked`: pairs of columns a formula already ties (`a\u0000b`, both orders). */
export function findNear(table: RuleTable, linked: ReadonlySet<string>): FoundRule[] {
  const cols = table.numbers.filter((c) => !isDate(c.type) && c.present >= MIN_RULE_ROWS);
  const spread = new Map(cols.map((c) => [c, iqr(c)]));
  const diffs = new Float64Array(table.rows);
  const found: FoundRule[] = [];
  for (let i = 0; i < cols.length; i++)
    for (let j = i + 1; j < cols.length; j++) {
      const [a, b] = [cols[i], cols[j]];
      const limit = NEAR_SHARE_OF_IQR * Math.min(spread.get(a)!, spread.get(b)!);
      if (!(limit > 0) || linked.has(`${a.name}\u0000${b.name}`)) continue;
      const r = nearOf(a, b, limit, diffs);
      if (r) found.push(r);
    }
  return found;
}
