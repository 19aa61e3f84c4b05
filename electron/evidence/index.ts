/**
 * The evidence layer's public API: quality of generated rows against real ones (Column Shapes
 * and Column Pair Trends as SDMetrics' QualityReport computes them, each next to a held-out
 * ceiling and a marginal floor; propensity; "train on synthetic, test on real"; chart data).
 * Pure functions over decoded rows; the privacy metrics join here too.
 */
export { qualityEvidence, MAX_COMPARED, MAX_TRAIN, PAIR_ROWS, type QualityInput } from './evaluate.js';
export type { EvidenceColumn } from './table.js';
export { qualityReport, type Comparison } from './quality.js';
export { readTable, schemaOf } from './table.js';
