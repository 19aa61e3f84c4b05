/**
 * Quality evidence of generated rows (the Samples step, the CLI's `evaluate`, the report):
 * Column Shapes and Column Pair Trends computed as SDMetrics' QualityReport computes them,
 * each next to its ceiling (held-out real rows scored the same way) and its floor (rows drawn
 * column by column from the training marginals), a propensity check (pMSE), "train on
 * synthetic, test on real", and the data of the charts. A plain serialisable object: every
 * missing figure is null, never NaN.
 */
import { z } from 'zod';

const Score = z.number().nullable();

/**
 * Where a score sits between its floor and its ceiling: at the ceiling (position ≥ 0.9, or the
 * references within 0.02 and the score with them), good (≥ 0.5), partial (> 0.1), at the floor.
 * Its words are `quality.verdict.<level>` in `shared/i18n/ui/quality.ts` (English and Japanese).
 */
export const QualityLevel = z.enum(['ceiling', 'good', 'partial', 'floor', 'unknown']);
export type QualityLevel = z.infer<typeof QualityLevel>;

/** A score of the generated rows next to its two references, all in [0, 1]. */
export const ReferencedScore = z.object({
  /** The generated rows against the training rows. */
  model: Score,
  /** Held-out real rows of the same size against the training rows. */
  ceiling: Score,
  /** Rows drawn column by column from the training marginals, same size. */
  floor: Score,
  /** (model − floor) / (ceiling − floor), not clamped; null when the references are too close to tell. */
  position: Score,
  level: QualityLevel,
});
export type ReferencedScore = z.infer<typeof ReferencedScore>;

/** Overlaid distributions of one column: shares of the non-missing values (each side sums to 1). */
export const ColumnChart = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('histogram'),
    /** Shared bin edges (bins + 1 values; epoch milliseconds for dates). */
    edges: z.array(z.number()),
    date: z.boolean(),
    real: z.array(z.number()),
    synthetic: z.array(z.number()),
  }),
  z.object({
    kind: z.literal('frequencies'),
    /** The most frequent real levels, then `otherLabel` for the rest (when any). */
    labels: z.array(z.string()),
    otherLabel: z.string().nullable(),
    real: z.array(z.number()),
    synthetic: z.array(z.number()),
  }),
]);
export type ColumnChart = z.infer<typeof ColumnChart>;

export const ColumnShape = z.object({
  column: z.string(),
  metric: z.enum(['KSComplement', 'TVComplement']),
  score: ReferencedScore,
  /** Share of missing cells in the training rows and in the generated rows. */
  missing: z.object({ real: z.number(), synthetic: z.number() }),
  chart: ColumnChart,
});
export type ColumnShape = z.infer<typeof ColumnShape>;

export const PairTrend = z.object({
  a: z.string(),
  b: z.string(),
  metric: z.enum(['CorrelationSimilarity', 'ContingencySimilarity']),
  score: ReferencedScore,
  /**
   * Whether the pair counts in Column Pair Trends as SDMetrics counts it: the real rows'
   * |Pearson r| above `thresholds.correlation`, or their Cramér's V above `thresholds.association`.
   */
  counted: z.boolean(),
});
export type PairTrend = z.infer<typeof PairTrend>;

/** Association of every pair, for heatmaps: Pearson r of numeric pairs, Cramér's V otherwise (numbers binned). */
export const AssociationMatrices = z.object({
  columns: z.array(z.string()),
  /** kind[i][j]: 'pearson' or 'cramer'; null on the diagonal. */
  kind: z.array(z.array(z.enum(['pearson', 'cramer']).nullable())),
  real: z.array(z.array(Score)),
  synthetic: z.array(z.array(Score)),
  /** synthetic − real. */
  difference: z.array(z.array(Score)),
});
export type AssociationMatrices = z.infer<typeof AssociationMatrices>;

/** pMSE of a logistic model telling rows from the training rows, its null expectation and their ratio (1 is ideal). */
export const Propensity = z.object({
  pmse: Score,
  expected: Score,
  ratio: Score,
});
export type Propensity = z.infer<typeof Propensity>;

export const PropensityCheck = z.object({
  model: Propensity,
  ceiling: Propensity.nullable(),
  floor: Propensity,
  /** Rows of each side, and the logistic model's parameters (k, the intercept included). */
  rows: z.number().int().min(0),
  parameters: z.number().int().min(0),
});
export type PropensityCheck = z.infer<typeof PropensityCheck>;

/** One fitted model scored on held-out real rows: accuracy and macro-F1, or R². */
export const TstrScore = z.object({ score: Score, macroF1: Score });
export type TstrScore = z.infer<typeof TstrScore>;

export const TstrCheck = z.object({
  target: z.string(),
  task: z.enum(['classification', 'regression']),
  metric: z.enum(['accuracy', 'r2']),
  /** Fitted on generated rows. */
  synthetic: TstrScore,
  /** Fitted on real training rows (as many). */
  real: TstrScore,
  /** Fitted on rows drawn from the marginals. */
  floor: TstrScore,
  /** Predicting the most frequent class, or the mean. */
  baseline: TstrScore,
  fitRows: z.number().int().min(0),
  testRows: z.number().int().min(0),
});
export type TstrCheck = z.infer<typeof TstrCheck>;

export const QualityEvidence = z.object({
  overall: ReferencedScore,
  shapes: ReferencedScore,
  pairs: ReferencedScore,
  columns: z.array(ColumnShape),
  pairTrends: z.array(PairTrend),
  associations: AssociationMatrices,
  propensity: PropensityCheck,
  /** Null when no held-out rows or no column can be a target. */
  tstr: TstrCheck.nullable(),
  rows: z.object({
    train: z.number().int().min(0),
    /** Held-out real rows available. */
    holdout: z.number().int().min(0),
    /** Rows compared on each side (generated, held-out, marginal draws). */
    compared: z.number().int().min(0),
    /** Training rows used for pair trends and associations (a seeded sample on big tables). */
    pairs: z.number().int().min(0),
  }),
  /** Which real rows were held out: the test rows, else the validation rows. */
  holdoutKind: z.enum(['test', 'validation']).nullable(),
  seed: z.number().int(),
  thresholds: z.object({ correlation: z.number(), association: z.number() }),
  /** Columns judged (types numbers, dates, categories, yes/no) and those left out with why. */
  skipped: z.array(z.object({ column: z.string(), reason: z.enum(['identifier', 'text', 'notGenerated']) })),
  seconds: z.number().min(0),
});
export type QualityEvidence = z.infer<typeof QualityEvidence>;

/** What `evidence.quality` takes: the seed of the rows (as in Samples), an optional target column. */
export const QualityRequest = z.object({
  seed: z.number().int(),
  target: z.string().nullable().optional(),
});
export type QualityRequest = z.infer<typeof QualityRequest>;
