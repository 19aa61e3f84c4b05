/**
 * How often each rule of a set is broken in rows written as cells (generated rows, or any CSV
 * with the same columns): the rows it applies to, the rows that break it, the rate. Accepted
 * rules are kept by generation, so their rate in generated rows is 0.
 */
import type { RowTable } from '../../../shared/domain/data.js';
import type { RuleSet, RuleViolation } from '../../../shared/domain/rules.js';
import { ruleHolds, type RuleValue } from './check.js';
import { cellReader } from './cells.js';

/** The typed values of a row, read once per column a rule set uses. */
export function rowReader(set: RuleSet, header: readonly string[]): (row: readonly string[]) => Map<string, RuleValue> {
  const readers = set.columns
    .map((c) => ({ name: c.name, at: header.indexOf(c.name), read: cellReader(c) }))
    .filter((c) => c.at >= 0);
  return (row) => new Map(readers.map((c) => [c.name, c.read(row[c.at] ?? '')]));
}

export function ruleViolations(set: RuleSet, table: RowTable): RuleViolation[] {
  const read = rowReader(set, table.header);
  const counts = set.rules.map(() => ({ rows: 0, violated: 0 }));
  for (const row of table.rows) {
    const values = read(row);
    const get = (name: string) => values.get(name) ?? null;
    set.rules.forEach((r, i) => {
      const holds = ruleHolds(r.rule, get);
      if (holds === null) return;
      counts[i].rows++;
      if (!holds) counts[i].violated++;
    });
  }
  return set.rules.map((r, i) => ({
    key: r.rule.key,
    kind: r.rule.kind,
    accepted: !set.off.includes(r.rule.key),
    rows: counts[i].rows,
    violated: counts[i].violated,
    rate: counts[i].rows > 0 ? counts[i].violated / counts[i].rows : 0,
  }));
}
