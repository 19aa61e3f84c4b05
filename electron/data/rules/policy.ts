/**
 * When a relation counts as a rule, and how much the search may cost (docs/ARCHITECTURE.md,
 * "Rules found in the data"). A rule must hold in every row it applies to, except that a
 * per-row relation (a formula, an order, a near-equality) found on at least 1,000 rows may miss in at most one
 * row in a thousand (share ≥ 99.9 %): a few typing errors in a large file do not hide a rule,
 * and a relation that holds in only most rows is refused. The search reads at most the first
 * 24 number columns and 32 category columns; formulas combine at most two of them with at
 * most one factor (1 ± c) out of at most 4 columns that look like rates.
 */

/** Rows a rule must apply to before it is believed. */
export const MIN_RULE_ROWS = 30;
/** Rows from which one miss in a thousand is tolerated (per-row relations only). */
export const TOLERANT_FROM_ROWS = 1000;
export const TOLERATED_SHARE = 0.001;

export const MAX_NUMBER_COLUMNS = 24;
export const MAX_LEVEL_COLUMNS = 32;
export const MAX_FACTOR_COLUMNS = 4;
/** Category columns with more levels take part in functions (A → B) only, not in pairs or thresholds. */
export const MAX_PAIR_LEVELS = 30;
export const MAX_THRESHOLD_LEVELS = 50;
/** A combination that never occurs is forbidden only if independence would put at least this many rows in it. */
export const MIN_EXPECTED_ROWS = 10;
/**
 * A near-equality's band (the largest |b − a|) may be at most this share of the smaller of the two
 * columns' interquartile ranges: a tenth of the typical spread, which two unrelated columns do not
 * stay within on every row, while measured twins (a stone's length and width) do.
 */
export const NEAR_SHARE_OF_IQR = 0.1;
/** Rows each side of a threshold must have. */
export const MIN_SIDE_ROWS = 5;

/** How many of `rows` rows a per-row relation may miss. */
export function allowedMisses(rows: number): number {
  return rows >= TOLERANT_FROM_ROWS ? Math.floor(rows * TOLERATED_SHARE) : 0;
}
