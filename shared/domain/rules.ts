/**
 * Rules found in a table's rows: the deterministic relations a business table holds (a number
 * computed from others, an order between columns, a category that is a threshold or a function
 * of other columns, combinations of categories that never occur, ranges and calendar supports).
 * Each is found with the share of rows that satisfy it and the tolerance used; the user unticks
 * any by its key; the model file keeps them and generation keeps the accepted ones.
 */
import { z } from 'zod';
import { ColumnFormat, ColumnType } from './data.js';

/** A factor (1 − c) or (1 + c) of a formula; `scale` 0.01 when c is written as a percentage. */
export const RuleFactor = z.object({
  column: z.string(),
  sign: z.union([z.literal(-1), z.literal(1)]),
  scale: z.number(),
});
export type RuleFactor = z.infer<typeof RuleFactor>;

const Key = { key: z.string() };
export const Rule = z.discriminatedUnion('kind', [
  /** target = op(a, b) × factor, rounded to the target's decimals (b null: target = a × factor). */
  z.object({
    kind: z.literal('formula'),
    ...Key,
    target: z.string(),
    op: z.enum(['product', 'sum', 'difference', 'ratio']),
    a: z.string(),
    b: z.string().nullable(),
    factor: RuleFactor.nullable(),
    decimals: z.number().int().min(0).max(12),
    /** a and b are dates and the target is their difference in days (`delivery_days = delivered − ordered`). */
    days: z.boolean().optional(),
    /** A constant factor found in the data (`tax = amount × 0.1`, `km = miles × 1.609`); absent = 1. */
    times: z.number().optional(),
    /** A constant offset found in the data (`due = invoiced + 30 days`, dates in milliseconds); absent = 0. */
    plus: z.number().optional(),
  }),
  /** a ≤ b (a < b when strict). */
  z.object({ kind: z.literal('order'), ...Key, a: z.string(), b: z.string(), strict: z.boolean() }),
  /** column = level exactly when number > threshold (`above`) or number < threshold. */
  z.object({
    kind: z.literal('threshold'),
    ...Key,
    column: z.string(),
    level: z.string(),
    number: z.string(),
    above: z.boolean(),
    threshold: z.number(),
    /** ≥ (≤) instead of > (<): a date column, whose threshold is the level's first (last) date. */
    inclusive: z.boolean().optional(),
    /** The other levels of the column and their counts (drawn from when a row must leave `level`). */
    others: z.array(z.tuple([z.string(), z.number().int().min(0)])),
  }),
  /** Each value of `from` comes with one value of `to` (a functional dependency). */
  z.object({
    kind: z.literal('function'),
    ...Key,
    from: z.string(),
    to: z.string(),
    map: z.array(z.tuple([z.string(), z.string()])),
  }),
  /** A category that follows the month of a date: each month seen comes with one level (`fiscal_half`: H2 in October–March). */
  z.object({
    kind: z.literal('months'),
    ...Key,
    column: z.string(),
    date: z.string(),
    map: z.array(z.tuple([z.number().int().min(1).max(12), z.string()])).min(2),
  }),
  /** The combinations of `a` and `b` that never occur though their levels are frequent; the allowed ones with counts. */
  z.object({
    kind: z.literal('pairs'),
    ...Key,
    a: z.string(),
    b: z.string(),
    forbidden: z.array(z.tuple([z.string(), z.string()])).min(1),
    allowed: z.array(z.tuple([z.string(), z.string(), z.number().int().min(1)])),
  }),
  /** |b − a| ≤ within in every row (`y` always within 0.06 of `x`); `diffs`: deciles of b − a, drawn from in repairs. */
  z.object({
    kind: z.literal('near'),
    ...Key,
    a: z.string(),
    b: z.string(),
    within: z.number().min(0),
    diffs: z.array(z.number()).length(11),
  }),
  z.object({ kind: z.literal('range'), ...Key, column: z.string(), min: z.number(), max: z.number() }),
  /** Months (1–12) and weekdays (0 = Sunday) that occur, with their counts; null = all occur. */
  z.object({
    kind: z.literal('calendar'),
    ...Key,
    column: z.string(),
    months: z.array(z.tuple([z.number().int().min(1).max(12), z.number().int().min(0)])).nullable(),
    weekdays: z.array(z.tuple([z.number().int().min(0).max(6), z.number().int().min(0)])).nullable(),
  }),
]);
export type Rule = z.infer<typeof Rule>;
export type RuleKind = Rule['kind'];

/** A rule as found: the rows it applies to (none of its columns missing), the rows that satisfy it, the tolerance. */
export const FoundRule = z.object({
  rule: Rule,
  rows: z.number().int().min(0),
  held: z.number().int().min(0),
  /** Absolute tolerance of a formula (half a unit of the target's last decimal), a near-equality's band; 0 for exact rules. */
  tolerance: z.number().min(0),
});
export type FoundRule = z.infer<typeof FoundRule>;

/** A column a rule reads, as the rows write it. */
export const RuleColumn = z.object({ name: z.string(), type: ColumnType, format: ColumnFormat });
export type RuleColumn = z.infer<typeof RuleColumn>;

/** The rules of a table: what was found, which the user turned off (keys), the columns they read. */
export const RuleSet = z.object({
  version: z.literal(1),
  rows: z.number().int().min(0),
  rules: z.array(FoundRule),
  off: z.array(z.string()),
  columns: z.array(RuleColumn),
});
export type RuleSet = z.infer<typeof RuleSet>;

/** How often a rule is broken in a set of rows (generated or real). */
export const RuleViolation = z.object({
  key: z.string(),
  kind: z.string(),
  accepted: z.boolean(),
  rows: z.number().int().min(0),
  violated: z.number().int().min(0),
  rate: z.number().min(0).max(1),
});
export type RuleViolation = z.infer<typeof RuleViolation>;

/** The accepted rules of a set: found and not turned off. */
export const acceptedRules = (set: RuleSet): FoundRule[] => set.rules.filter((r) => !set.off.includes(r.rule.key));
