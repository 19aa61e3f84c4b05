/**
 * Domain types of the data layer that both processes see: how a CSV is read, what each
 * column is, what went wrong on import, how a subset is chosen. Zod schemas are the source
 * of truth; the TypeScript types are inferred from them.
 */
import { z } from 'zod';
import { IdentifierEvidence } from './identifiers.js';

export { IdentifierEvidence };

export const TextEncoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'euc-jp', 'windows-1252']);
export type TextEncoding = z.infer<typeof TextEncoding>;

export const Delimiter = z.enum([',', ';', '\t', '|']);
export type Delimiter = z.infer<typeof Delimiter>;

export const RaggedPolicy = z.enum(['skip', 'pad']);
export type RaggedPolicy = z.infer<typeof RaggedPolicy>;

export const DEFAULT_MISSING_TOKENS = ['', 'NA', 'N/A', 'n/a', 'null', 'NULL', '-', '?', '#N/A', 'NaN'] as const;

/** How the file is read. Detected on import; every field can be overridden by the user. */
export const CsvOptions = z.object({
  encoding: TextEncoding,
  delimiter: Delimiter,
  quote: z.string().length(1),
  header: z.boolean(),
  raggedRows: RaggedPolicy,
  missingTokens: z.array(z.string()),
  /** For ambiguous dates such as 05/01/2024: true = day first. null = not asked yet / not ambiguous. */
  dayFirst: z.boolean().nullable(),
  /**
   * For numbers that read either way, such as 1,234: the decimal mark. Absent or null = decided
   * from the file (its other columns, its delimiter). Numbers that read one way only (12,75) are
   * read that way whatever this says.
   */
  decimalMark: z.enum(['.', ',']).nullable().optional(),
});
export type CsvOptions = z.infer<typeof CsvOptions>;
export const CsvOptionsOverride = CsvOptions.partial();
export type CsvOptionsOverride = z.infer<typeof CsvOptionsOverride>;

export const ColumnType = z.enum([
  'numeric',
  'integer',
  'categorical',
  'boolean',
  'date',
  'datetime',
  'identifier',
  'text',
]);
export type ColumnType = z.infer<typeof ColumnType>;

/** How numbers are written in a column, so generated values are written the same way. */
export const NumberFormat = z.object({
  decimals: z.number().int().min(0),
  decimalMark: z.enum(['.', ',']),
  thousands: z.enum(['', ',', '.', ' ', "'"]),
  currency: z.string(),
  currencyPosition: z.enum(['prefix', 'suffix']),
  percent: z.boolean(),
  parensNegative: z.boolean(),
  fullWidth: z.boolean(),
});
export type NumberFormat = z.infer<typeof NumberFormat>;

/** A date pattern with tokens YYYY, MM, M, DD, D, HH, mm, ss and literal text, e.g. 'YYYY/MM/DD', 'YYYY年M月D日'. */
export const DateFormat = z.object({ pattern: z.string().min(1) });
export type DateFormat = z.infer<typeof DateFormat>;

export const BooleanFormat = z.object({ trueToken: z.string(), falseToken: z.string() });
export type BooleanFormat = z.infer<typeof BooleanFormat>;

export const ColumnFormat = z.object({
  number: NumberFormat.optional(),
  date: DateFormat.optional(),
  boolean: BooleanFormat.optional(),
});
export type ColumnFormat = z.infer<typeof ColumnFormat>;

export const ExclusionReason = z.enum(['identifier', 'text', 'constant', 'all-missing', 'user']);
export type ExclusionReason = z.infer<typeof ExclusionReason>;

export const ChartBin = z.object({ label: z.string(), count: z.number().int().min(0) });
export type ChartBin = z.infer<typeof ChartBin>;

/** A small chart of one column: a histogram for numbers and dates, top categories otherwise. */
export const ColumnChart = z.object({
  kind: z.enum(['histogram', 'categories']),
  bins: z.array(ChartBin),
  /** Rows in categories not shown (categories chart only). */
  other: z.number().int().min(0),
});
export type ColumnChart = z.infer<typeof ColumnChart>;

export const ColumnProfile = z.object({
  index: z.number().int().min(0),
  /** Name shown and written back (made unique if the file's header had empty or duplicate names). */
  name: z.string(),
  /** The header cell as it was in the file. */
  originalName: z.string(),
  type: ColumnType,
  inferredType: ColumnType,
  include: z.boolean(),
  excludedReason: ExclusionReason.nullable(),
  /** Why inference took the column for an identifier from its values; absent otherwise. */
  identifierEvidence: IdentifierEvidence.optional(),
  missing: z.number().int().min(0),
  missingRate: z.number().min(0).max(1),
  distinct: z.number().int().min(0),
  format: ColumnFormat,
  chart: ColumnChart,
  /** Summary statistics for numeric and date columns (dates as epoch milliseconds). */
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type ColumnProfile = z.infer<typeof ColumnProfile>;

export const ProblemExample = z.object({ line: z.number().int().min(1), text: z.string() });
export const ImportProblem = z.object({
  /** Translation key under `problems.` in the catalogs. */
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  examples: z.array(ProblemExample),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** What the Data step shows after an import. */
export const DatasetInfo = z.object({
  datasetId: z.string(),
  fileName: z.string(),
  bytes: z.number().int().min(0),
  detected: CsvOptions,
  options: CsvOptions,
  /** Rows held in memory: every data row of the file, or a sample of them (see `sampledOnImport`). */
  rows: z.number().int().min(0),
  /** Data rows in the file (after the ragged-row policy). */
  fileRows: z.number().int().min(0),
  columns: z.array(ColumnProfile),
  preview: z.object({ header: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  problems: z.array(ImportProblem),
  /** True when the rows were drawn during the streaming pass because the file exceeds the memory budget. */
  sampledOnImport: z.boolean(),
});
export type DatasetInfo = z.infer<typeof DatasetInfo>;

export const ColumnOverride = z.object({
  index: z.number().int().min(0),
  type: ColumnType.optional(),
  include: z.boolean().optional(),
});
export type ColumnOverride = z.infer<typeof ColumnOverride>;

export const SegmentCount = z.object({
  /** One value per segment column, in the order the columns were given. */
  key: z.array(z.string()),
  count: z.number().int().min(0),
  share: z.number().min(0).max(1),
});
export type SegmentCount = z.infer<typeof SegmentCount>;

export const SegmentTable = z.object({
  columns: z.array(z.number().int().min(0)),
  total: z.number().int().min(0),
  segments: z.array(SegmentCount),
  /** Counted over every row of the file (the import kept only a sample), not just the rows in memory. */
  wholeFile: z.boolean(),
});
export type SegmentTable = z.infer<typeof SegmentTable>;

export const SplitFractions = z.object({
  train: z.number().min(0).max(1),
  valid: z.number().min(0).max(1),
  test: z.number().min(0).max(1),
});

export const SubsetSpec = z.object({
  /** Keep rows whose segment key is among `keep`; null keeps every row. */
  segments: z
    .object({
      columns: z.array(z.number().int().min(0)).min(1),
      keep: z.array(z.array(z.string())),
    })
    .nullable(),
  /** Then draw N rows (random, or stratified by the segment columns); null keeps all. */
  sample: z.object({ rows: z.number().int().min(1), stratified: z.boolean() }).nullable(),
  seed: z.number().int(),
  split: SplitFractions,
});
export type SubsetSpec = z.infer<typeof SubsetSpec>;

export const ColumnDistance = z.object({
  index: z.number().int().min(0),
  name: z.string(),
  /** Total variation distance between the subset's and the full data's binned distributions, 0..1. */
  distance: z.number().min(0).max(1),
  flagged: z.boolean(),
});
export type ColumnDistance = z.infer<typeof ColumnDistance>;

export const SubsetInfo = z.object({
  spec: SubsetSpec,
  rows: z.number().int().min(0),
  outside: z.number().int().min(0),
  train: z.number().int().min(0),
  valid: z.number().int().min(0),
  test: z.number().int().min(0),
  representativeness: z.array(ColumnDistance),
  /**
   * Set when the subset was drawn from the whole file during a streaming pass (the import kept
   * only a sample): the file's rows, those in the chosen segments, and whether the draw was
   * stratified by segment. The subset is then compared with the import's uniform sample.
   */
  fromFile: z
    .object({ fileRows: z.number().int().min(0), matchingRows: z.number().int().min(0), stratified: z.boolean() })
    .nullable(),
});
export type SubsetInfo = z.infer<typeof SubsetInfo>;

/**
 * Whether a subset is every row of its file: none outside, not drawn from the whole file, and
 * the rows in memory are the file's own (not a sample kept at import). Its distance to all rows
 * is then 0 for every column: the Subset step and the report say so in words, not in a chart.
 */
export function isEveryRowOfFile(subset: SubsetInfo, sampledOnImport: boolean): boolean {
  return subset.outside === 0 && !subset.fromFile && !sampledOnImport;
}

/**
 * Where a model's training rows came from, saved in the model file beside the encoding: the
 * file as it was read, each column's type, format and use, and the subset specification.
 */
export const DataProvenance = z.object({
  fileName: z.string(),
  fileRows: z.number().int().min(0),
  options: CsvOptions,
  columns: z.array(
    z.object({
      name: z.string(),
      originalName: z.string(),
      type: ColumnType,
      include: z.boolean(),
      format: ColumnFormat,
    }),
  ),
  subset: SubsetSpec,
  /** Rows in the subset and outside it, and how the subset was split. */
  rows: z.object({
    subset: z.number().int().min(0),
    outside: z.number().int().min(0),
    train: z.number().int().min(0),
    valid: z.number().int().min(0),
    test: z.number().int().min(0),
  }),
  /** Set when the subset was drawn from the whole file (see SubsetInfo.fromFile). */
  fromFile: SubsetInfo.shape.fromFile,
});
export type DataProvenance = z.infer<typeof DataProvenance>;

/** A table of rows as strings, formatted like the user's file. */
export const RowTable = z.object({ header: z.array(z.string()), rows: z.array(z.array(z.string())) });
export type RowTable = z.infer<typeof RowTable>;
