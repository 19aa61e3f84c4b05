/**
 * The evidence layer's public API, pure functions over decoded rows: quality of generated rows
 * against real ones (Column Shapes and Column Pair Trends as SDMetrics' QualityReport computes
 * them, each next to a held-out ceiling and a marginal floor; propensity; "train on synthetic,
 * test on real"; chart data) and privacy (exact copies, distance to the closest training
 * record against held-out rows, nearest-neighbour ratio, what the encoding replaced, dropping
 * rows too close to a real one). The service, the CLI and the benches import only this entry.
 */
export { qualityEvidence, MAX_COMPARED, MAX_TRAIN, PAIR_ROWS, type QualityInput } from './evaluate.js';
export type { EvidenceColumn } from './table.js';
export { qualityReport, type Comparison } from './quality.js';
export { readTable, schemaOf } from './table.js';
export { privacyEvidence, PRIVACY_LIMITS, type PrivacyInput, type PrivacyHooks } from './privacy.js';
export { tooCloseFilter, type TooCloseFilter } from './privacy-filter.js';
export { tstrChecks, TSTR_MAX_ROWS, type TstrInput } from './tstr-targets.js';
