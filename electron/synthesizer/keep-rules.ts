/**
 * Generation keeps the accepted rules (docs/ARCHITECTURE.md, "Rules found in the data"): after
 * decoding, each row's cells for the rules' columns are read as typed values, every broken rule
 * is repaired (`rule-fixes.ts`) in a fixed order — ranges and calendars, thresholds, functions
 * (of a category or of a date's month), forbidden combinations, orders, near-equalities, then
 * formulas last, so a derived column is computed from its final inputs — for at most MAX_PASSES
 * passes of draws, then one deterministic pass; a changed value is written back in its column's
 * own format. Never an endless loop. Each row draws from its own generator, seeded from the
 * stream's seed and the row's index, so the same seed gives the same rows and a preview is the
 * start of the export, whatever the parts rows are decoded in.
 */
import type { Rule, RuleSet } from '../../shared/domain/rules.js';
import { acceptedRules } from '../../shared/domain/rules.js';
import { createRng } from '../base/random.js';
import { cellReader, cellWriter, columnStep, ruleColumns, ruleHolds, type RuleValue } from '../data/index.js';
import { fixRule, type FixContext, type RowState } from './rule-fixes.js';

export const MAX_PASSES = 6;

const PHASE: Record<Rule['kind'], number> = {
  range: 0,
  calendar: 1,
  threshold: 2,
  function: 3,
  months: 3,
  pairs: 4,
  order: 5,
  near: 6,
  formula: 7,
};

/** Columns other rules compute: a forbidden combination changes the other column of its pair. */
function computedColumns(rules: Rule[]): Set<string> {
  const out = new Set<string>();
  for (const r of rules)
    if (r.kind === 'formula') out.add(r.target);
    else if (r.kind === 'threshold') out.add(r.column);
    else if (r.kind === 'function') out.add(r.to);
    else if (r.kind === 'months') out.add(r.column);
  return out;
}

/** Formulas after the formulas that compute their inputs (`gross = net + tax` after `net = …`). */
function inputsFirst(rules: Rule[]): Rule[] {
  const formulas = rules.filter((r) => r.kind === 'formula');
  const ordered: Rule[] = [];
  const pending = [...formulas];
  while (pending.length > 0) {
    const targets = new Set(pending.map((r) => (r.kind === 'formula' ? r.target : '')));
    const i = pending.findIndex((r) =>
      ruleColumns(r)
        .slice(1)
        .every((c) => !targets.has(c)),
    );
    ordered.push(...pending.splice(i < 0 ? 0 : i, 1));
  }
  return [...rules.filter((r) => r.kind !== 'formula'), ...ordered];
}

const rowSeed = (seed: number, row: number) => (Math.imul(seed | 0, 0x5bd1e995) ^ Math.imul(row + 1, 0x27d4eb2f)) | 0;

/** The columns repairing `rule` may write (a pair's rule may write either). */
function writes(rule: Rule): string[] {
  switch (rule.kind) {
    case 'formula':
      return [rule.target];
    case 'threshold':
      return [rule.column, rule.number];
    case 'function':
      return [rule.to];
    case 'pairs':
    case 'order':
    case 'near':
      return [rule.a, rule.b];
    default:
      return [rule.column];
  }
}

/**
 * A function that repairs decoded rows in place (`first`: the stream index of rows[0]), or null
 * when there is nothing to keep (no rule set, or none accepted): rows are then left untouched.
 * `fixed`: columns a condition fixed ("only rows where…"), never changed: a rule whose repair
 * would have to change one is not kept (a forbidden pair changes its other column).
 */
export function ruleKeeper(
  set: RuleSet | undefined,
  header: readonly string[],
  seed: number,
  fixed: ReadonlySet<string> = new Set(),
): ((rows: string[][], first: number) => void) | null {
  if (!set) return null;
  const rules = acceptedRules(set)
    .map((r) => r.rule)
    .sort((x, y) => PHASE[x.kind] - PHASE[y.kind]);
  const cols = set.columns
    .map((c) => ({ ...c, at: header.indexOf(c.name), read: cellReader(c), write: cellWriter(c), step: columnStep(c) }))
    .filter((c) => c.at >= 0);
  const usable = new Set(cols.map((c) => c.name));
  const free = (r: Rule) =>
    r.kind === 'pairs' || r.kind === 'near'
      ? !(fixed.has(r.a) && fixed.has(r.b))
      : writes(r).every((c) => !fixed.has(c));
  const kept = inputsFirst(rules.filter((r) => ruleColumns(r).every((n) => usable.has(n)) && free(r)));
  if (kept.length === 0) return null;
  const computed = computedColumns(kept);
  const formulaTargets = new Set(kept.flatMap((r) => (r.kind === 'formula' ? [r.target] : [])));
  const steps = new Map(cols.map((c) => [c.name, c.step]));
  const formulas = new Map(kept.flatMap((r) => (r.kind === 'formula' ? [[r.target, r] as const] : [])));
  const movable = (c: string) => !fixed.has(c) && !computed.has(c);
  const pairsOutput: FixContext['pairsOutput'] = (r) =>
    fixed.has(r.b) || (computed.has(r.b) && !computed.has(r.a) && !fixed.has(r.a)) ? 'a' : 'b';
  const nearOutput: FixContext['nearOutput'] = (r) =>
    fixed.has(r.b) || (formulaTargets.has(r.b) && !fixed.has(r.a)) ? 'a' : 'b';
  return (rows, first) => {
    rows.forEach((row, k) => {
      const values = new Map<string, RuleValue>(cols.map((c) => [c.name, c.read(row[c.at] ?? '')]));
      const changed = new Set<string>();
      const state: RowState = {
        get: (c) => values.get(c) ?? null,
        set: (c, v) => {
          if (values.get(c) === v) return;
          values.set(c, v);
          changed.add(c);
        },
      };
      let rng: ReturnType<typeof createRng> | null = null;
      const ctx = (draw: boolean): FixContext => ({
        rng: (rng ??= createRng(rowSeed(seed, first + k))),
        draw,
        pairsOutput,
        nearOutput,
        computed: formulaTargets,
        step: (c) => steps.get(c) ?? 1,
        formulaOf: (c) => formulas.get(c),
        movable,
      });
      for (let pass = 0; pass <= MAX_PASSES; pass++) {
        let fixed = false;
        for (const r of kept)
          if (ruleHolds(r, state.get) === false) {
            fixRule(r, state, ctx(pass < MAX_PASSES));
            fixed = true;
          }
        if (!fixed) break;
      }
      for (const c of cols) if (changed.has(c.name)) row[c.at] = c.write(values.get(c.name) ?? null);
    });
  };
}
