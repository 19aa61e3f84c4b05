/**
 * Generated rows as the Samples and Export steps ask for them: the CSV's character set,
 * delimiter and formula guard, the conditions of conditional generation ("only rows where
 * column = value") and what the model said about them (METHOD.md §4.5).
 */
import { z } from 'zod';

/** UTF-8 (no byte-order mark: the CLI's default), UTF-8 with a BOM (Excel), or CP932 (Shift-JIS, Japanese Excel). */
export const CsvEncoding = z.enum(['utf8', 'utf8-bom', 'cp932']);
export type CsvEncoding = z.infer<typeof CsvEncoding>;

/** The delimiters an export may use. */
export const CsvDelimiter = z.enum([',', ';', '\t']);
export type CsvDelimiter = z.infer<typeof CsvDelimiter>;

/** How generated rows are written as CSV. */
export const CsvFormat = z.object({
  encoding: CsvEncoding.default('utf8-bom'),
  delimiter: CsvDelimiter.default(','),
  /** Neutralise cells a spreadsheet would run as formulas (a leading '). */
  formulaGuard: z.boolean().default(true),
});
export type CsvFormat = z.infer<typeof CsvFormat>;

/** A column fixed to a value: only rows with `column` = `value` are generated. */
export const Condition = z.object({ column: z.string().min(1), value: z.string() });
export type Condition = z.infer<typeof Condition>;

/** At most this many columns may be fixed at once. */
export const MAX_CONDITIONS = 8;
export const Conditions = z.array(Condition).max(MAX_CONDITIONS).default([]);

/**
 * What the model said about the conditions (the first chunk of the stream): its estimate of the
 * probability of the combination, and the effective sample size of the weighted candidates the
 * rows were resampled from (the smallest over the chunks drawn).
 */
export const ConditionReport = z.object({
  probability: z.number().min(0).max(1),
  ess: z.number().min(0),
  candidates: z.number().int().min(0),
});
export type ConditionReport = z.infer<typeof ConditionReport>;

/** Below this effective sample size the rows would be near-copies of a few draws: refused as too rare. */
export const CONDITION_MIN_ESS = 50;

/** A column that can be fixed, with the values the model can generate for it. */
export const ConditionColumn = z.object({ column: z.string(), values: z.array(z.string()) });
export type ConditionColumn = z.infer<typeof ConditionColumn>;
