/**
 * Rules between category columns: functions (each value of A comes with one value of B,
 * `model → manufacturer`) and combinations that never occur though independence would put
 * at least MIN_EXPECTED_ROWS (10) rows in them (a chance of about 1 in 20,000 that an absence is luck) (`no Cash payment online`, species × island).
 * Only values seen at least `rareMin` times are named (rare values are never stored).
 */
import type { FoundRule } from '../../../shared/domain/rules.js';
import { MAX_LEVEL_COLUMNS, MAX_PAIR_LEVELS, MIN_EXPECTED_ROWS, MIN_RULE_ROWS } from './policy.js';
import type { LevelColumn, RuleTable } from './table.js';

/** For each level of `a`, the one level of `b` it comes with (-1 none yet), or null if some level has two. */
function functionOf(a: LevelColumn, b: LevelColumn): { to: Int32Array; rows: number; count: Int32Array } | null {
  const to = new Int32Array(a.levels.length).fill(-1);
  const count = new Int32Array(a.levels.length);
  let rows = 0;
  for (let i = 0; i < a.codes.length; i++) {
    const x = a.codes[i];
    const y = b.codes[i];
    if (x < 0 || y < 0) continue;
    if (to[x] === -1) to[x] = y;
    else if (to[x] !== y) return null;
    count[x]++;
    rows++;
  }
  return { to, rows, count };
}

function findFunction(a: LevelColumn, b: LevelColumn, rareMin: number): FoundRule | null {
  if (a.levels.length < 3 || b.levels.length < 2 || a.levels.length <= b.levels.length) return null;
  if (a.present < 2 * a.levels.length) return null; // nearly an identifier
  const f = functionOf(a, b);
  if (!f || f.rows < MIN_RULE_ROWS) return null;
  const map: [string, string][] = [];
  const targets = new Set<number>();
  for (let l = 0; l < a.levels.length; l++)
    if (f.count[l] >= rareMin && f.to[l] >= 0) {
      map.push([a.levels[l], b.levels[f.to[l]]]);
      targets.add(f.to[l]);
    }
  if (map.length < 3 || targets.size < 2) return null;
  const rule = { kind: 'function' as const, key: `function:${a.name}>${b.name}`, from: a.name, to: b.name, map };
  return { rule, rows: f.rows, held: f.rows, tolerance: 0 };
}

function findPairs(a: LevelColumn, b: LevelColumn, rareMin: number): FoundRule | null {
  const ka = a.levels.length;
  const kb = b.levels.length;
  const table = new Int32Array(ka * kb);
  const rowA = new Int32Array(ka);
  const colB = new Int32Array(kb);
  let rows = 0;
  for (let i = 0; i < a.codes.length; i++) {
    const x = a.codes[i];
    const y = b.codes[i];
    if (x < 0 || y < 0) continue;
    table[x * kb + y]++;
    rowA[x]++;
    colB[y]++;
    rows++;
  }
  if (rows < MIN_RULE_ROWS) return null;
  const forbidden: [string, string][] = [];
  const allowed: [string, string, number][] = [];
  for (let x = 0; x < ka; x++)
    for (let y = 0; y < kb; y++) {
      const n = table[x * kb + y];
      if (n === 0 && (rowA[x] * colB[y]) / rows >= MIN_EXPECTED_ROWS) forbidden.push([a.levels[x], b.levels[y]]);
      else if (n > 0 && rowA[x] >= rareMin && colB[y] >= rareMin) allowed.push([a.levels[x], b.levels[y], n]);
    }
  if (forbidden.length === 0) return null;
  const rule = { kind: 'pairs' as const, key: `pairs:${a.name}*${b.name}`, a: a.name, b: b.name, forbidden, allowed };
  return { rule, rows, held: rows, tolerance: 0 };
}

export function findCategoryRules(table: RuleTable, rareMin: number): FoundRule[] {
  const cols = table.levels.slice(0, MAX_LEVEL_COLUMNS);
  const found: FoundRule[] = [];
  const related = new Set<string>();
  for (const a of cols)
    for (const b of cols) {
      if (a === b) continue;
      const f = findFunction(a, b, rareMin);
      if (!f) continue;
      found.push(f);
      related.add(`${a.name}\u0000${b.name}`).add(`${b.name}\u0000${a.name}`);
    }
  for (let i = 0; i < cols.length; i++)
    for (let j = i + 1; j < cols.length; j++) {
      const [a, b] = [cols[i], cols[j]];
      if (a.levels.length > MAX_PAIR_LEVELS || b.levels.length > MAX_PAIR_LEVELS) continue;
      if (related.has(`${a.name}\u0000${b.name}`)) continue;
      const p = findPairs(a, b, rareMin);
      if (p) found.push(p);
    }
  return found;
}
