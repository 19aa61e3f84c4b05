/**
 * The data layer's public API: import a CSV (streaming, detected dialect and types), adjust
 * columns, browse rows, choose a representative subset, and encode rows for the engine and
 * decode generated ones back into rows like the user's own.
 */
import type { CsvOptionsOverride } from '../../shared/domain/data.js';
import { buildDataset, type Dataset } from './dataset.js';
import { readCsv } from './reader.js';

export interface ImportOptions {
  overrides?: CsvOptionsOverride;
  /** Display name (default: the file's base name). */
  fileName?: string;
  signal?: AbortSignal;
  onProgress?: (p: { bytesRead: number; totalBytes: number; rows: number }) => void;
  /** Bytes of cell text kept in memory; beyond it rows are reservoir-sampled during the pass. */
  memoryBudgetBytes?: number;
}

export async function importCsv(path: string, opts: ImportOptions = {}): Promise<Dataset> {
  const raw = await readCsv(path, opts);
  if (opts.fileName) raw.fileName = opts.fileName;
  return buildDataset(raw);
}

export type { Dataset } from './dataset.js';
export { applyColumnOverrides, datasetRows } from './dataset.js';
export { applySubset, coverageKeep, segmentTable, type Subset } from './subset.js';
export type { PassHooks } from './file-stream.js';
export {
  chooseSubset,
  countSegmentsInFile,
  drawSubsetFromFile,
  fileSegmentTable,
  type FileSegmentCounts,
} from './file-subset.js';
export {
  buildEncoding,
  DEFAULT_RARE_MIN,
  decodeRows,
  encodeRows,
  encodeTable,
  encodingBits,
  encodingGroups,
  ENCODING_VERSION,
  isModelled,
  OTHER_TOKEN,
  parseEncodingSpec,
  rareValueSummary,
  rowDecoder,
  type EncodingOptions,
  type RareValueSummary,
  EncodingSpec,
  conditionColumns,
  conditionSlots,
  type FixedSlot,
  CALIBRATION_ROWS,
  calibratedColumns,
  calibrationOf,
  RankCalibration,
  withCalibrationOf,
} from './codec/index.js';
export { toCsv } from './csv-write.js';
export { knownRows } from './coverage.js';
export { csvBytes, firstNotCp932, UTF8_BOM, type CsvPart } from './csv-encode.js';
export { cellLevel, cellNumber, isNumberType } from './typed.js';
export { isMissing } from './infer.js';
export {
  cellReader,
  cellWriter,
  columnStep,
  detectRules,
  formulaValue,
  monthLevel,
  monthOf,
  nearHolds,
  roundTo,
  rowReader,
  ruleColumns,
  ruleHolds,
  rulePolicy,
  ruleViolations,
  thresholdSide,
  weekdayOf,
  type DetectOptions,
  type RowValues,
  type RuleValue,
} from './rules/index.js';
