/**
 * Privacy evidence of generated rows (plain, serialisable; the Samples step, the CLI's
 * `evaluate` and the report read it): exact copies of training rows, distances to the closest
 * training record against the same for held-out real rows, the share of generated rows closer
 * to a training row than to a held-out one, the nearest-neighbour distance ratio, what the
 * encoding replaced (identifiers, rare values), the threshold for dropping rows too close to a
 * real one, and the verdict with the thresholds used. Distances are in [0, 1] (METHOD.md).
 */
import { z } from 'zod';

export const Quantiles = z.object({
  p5: z.number(),
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  p95: z.number(),
});
export type Quantiles = z.infer<typeof Quantiles>;

const Rate = z.object({ count: z.number().int().min(0), rows: z.number().int().min(0), rate: z.number() });
/** How many rows a figure used, of how many there were (a seeded sample beyond the limits). */
const Used = z.object({ used: z.number().int().min(0), of: z.number().int().min(0) });

export const PrivacyLevel = z.enum(['good', 'caution', 'concern']);
export type PrivacyLevel = z.infer<typeof PrivacyLevel>;

export const PrivacyCheckId = z.enum(['exactCopies', 'closerShare', 'dcr', 'nndr', 'identifiers']);
export type PrivacyCheckId = z.infer<typeof PrivacyCheckId>;

/**
 * One check of the verdict: the figure (`value`), what it is compared with (`reference`:
 * the held-out rows' figure, or null) and the limits of `good` and `caution` it was judged by
 * (see PRIVACY_THRESHOLDS for how each check reads them).
 */
export const PrivacyCheck = z.object({
  id: PrivacyCheckId,
  level: PrivacyLevel,
  value: z.number(),
  reference: z.number().nullable(),
  good: z.number(),
  caution: z.number().nullable(),
});
export type PrivacyCheck = z.infer<typeof PrivacyCheck>;

export const PrivacyEvidence = z.object({
  /** The columns compared (identifiers and constants are not: they are generated, not learnt). */
  columns: z.array(z.string()),
  sample: z.object({ synthetic: Used, training: Used, holdout: Used }),
  exactCopies: z.object({ synthetic: Rate, holdout: Rate.nullable() }),
  dcr: z.object({
    synthetic: Quantiles,
    holdout: Quantiles.nullable(),
    /** Shares of rows per distance bin (`edges`: bins + 1 values), for the chart and its table. */
    chart: z.object({
      edges: z.array(z.number()),
      synthetic: z.array(z.number()),
      holdout: z.array(z.number()).nullable(),
    }),
  }),
  /**
   * Generated rows closer to a training row than to a held-out row, against as many training rows
   * as held-out ones (ties count half); the mean over `draws` disjoint draws of those training rows
   * (absent: one).
   */
  closerToTraining: z
    .object({
      share: z.number(),
      rows: z.number().int().min(0),
      referenceRows: z.number().int().min(0),
      draws: z.number().int().min(1).optional(),
    })
    .nullable(),
  nndr: z.object({ synthetic: Quantiles, holdout: Quantiles.nullable() }),
  replaced: z.object({
    identifiers: z.array(
      z.object({
        name: z.string(),
        realValues: z.number().int().min(0),
        generatedValues: z.number().int().min(0),
        equalToReal: z.number().int().min(0),
      }),
    ),
    rareMin: z.number().int().nullable(),
    rareValues: z.array(z.object({ name: z.string(), values: z.number().int(), rows: z.number().int() })),
  }),
  /** Dropping rows too close: those at distance ≤ `threshold` from a training row. */
  filter: z.object({ threshold: z.number().min(0).max(1), basis: z.enum(['holdoutP5', 'exactOnly']) }),
  verdict: z.object({ level: PrivacyLevel, checks: z.array(PrivacyCheck) }),
});
export type PrivacyEvidence = z.infer<typeof PrivacyEvidence>;

/**
 * The thresholds of the verdict. exactCopies: the generated rate at most the held-out rate
 * plus `good` (caution up to plus `caution`); closerShare: at most `good` (caution up to
 * `caution`), 0.5 is ideal; dcr and nndr: the generated 5th percentile at least `good` times
 * the held-out one (else caution); identifiers: none equal to a real one (else concern).
 */
export const PRIVACY_THRESHOLDS = {
  exactCopies: { good: 0.01, caution: 0.05 },
  closerShare: { good: 0.55, caution: 0.6 },
  dcr: { good: 0.9, caution: null },
  nndr: { good: 0.9, caution: null },
  identifiers: { good: 0, caution: null },
} as const;

/** The evidence request: how many rows of the stream of `seed` (at most the evidence's limit). */
export const PrivacyRequest = z.object({
  rows: z.number().int().min(10).max(20_000).default(2_000),
  seed: z.number().int(),
});

/** Generated rows at distance ≤ this from a training row are dropped (null: keep every row). */
export const DropCloserThan = z.number().min(0).max(1).nullable().default(null);
