/**
 * Rules found in the data (docs/ARCHITECTURE.md, "Rules found in the data"): the search over
 * training rows (`detect.ts`), what it means for a row to satisfy a rule (`check.ts`), a rule's
 * columns read from and written to cells (`cells.ts`) and violation counts (`violations.ts`).
 */
export { detectRules, type DetectOptions } from './detect.js';
export {
  formulaValue,
  monthLevel,
  monthOf,
  nearHolds,
  roundTo,
  ruleColumns,
  ruleHolds,
  thresholdSide,
  weekdayOf,
  type RowValues,
  type RuleValue,
} from './check.js';
export { cellReader, cellWriter, columnStep } from './cells.js';
export { rowReader, ruleViolations } from './violations.js';
export * as rulePolicy from './policy.js';
