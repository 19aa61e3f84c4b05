/**
 * Domain types of layer-by-layer training (METHOD.md §3, "staged"): the settings a stack of
 * layers keeps from its first layer, the top prior that finishes it, the headroom view (the
 * bound of the model so far against the log-likelihood reached) and the "Suggest a size"
 * ranking of candidate first layers. Plain data a chart or a table can show as it is.
 */
import { z } from 'zod';
import { Estimate, LayerConfig, Method, TopPrior } from './model.js';

/** What every layer of a stack shares (fixed by its first layer): the seed, the validation split, early stopping. */
export const StackSettings = z.object({
  seed: z.number().int(),
  validationFraction: z.number().min(0).max(0.9),
  patience: z.number().int().min(0),
});
export type StackSettings = z.infer<typeof StackSettings>;

/** The top prior that finishes a stack into a model. */
export const TopConfig = z.object({
  topPrior: TopPrior,
  topHidden: z.number().int().min(1),
  topEpochs: z.number().int().min(0),
});
export type TopConfig = z.infer<typeof TopConfig>;

/** A figure on training rows and on validation rows (null without validation rows). */
export const SplitEstimate = z.object({ train: Estimate, valid: Estimate.nullable() });
export type SplitEstimate = z.infer<typeof SplitEstimate>;

/** One layer of the headroom view. */
export const HeadroomLayer = z.object({
  layer: z.number().int().min(0),
  units: z.number().int().min(1),
  method: Method,
  /**
   * The bound of the model so far: the best log-likelihood of the rows that any layers put on
   * top of layers 1..l could reach (nats per row). Null in files written before it existed.
   */
  bound: SplitEstimate.nullable(),
  /** bound_l − bound_{l−1} (layer 1: 0, its own bound being the reference). At most 0 in exact arithmetic. */
  gain: z.object({ train: z.number().nullable(), valid: z.number().nullable() }),
  /** The layer's own BLM bound on the codes it was trained on (nats per code row; for layer 1, the rows). */
  ownBound: SplitEstimate,
});
export type HeadroomLayer = z.infer<typeof HeadroomLayer>;

export const Headroom = z.object({
  layers: z.array(HeadroomLayer),
  /** True once a top prior is fitted. */
  complete: z.boolean(),
  /** The log-likelihood the complete model reaches (null for a stack). */
  reached: SplitEstimate.nullable(),
  /** Last bound − reached: what the top prior did not reach (≥ 0 exactly; null for a stack or when unknown). */
  gap: z.object({ train: Estimate.nullable(), valid: Estimate.nullable() }).nullable(),
});
export type Headroom = z.infer<typeof Headroom>;

/** One candidate first layer of "Suggest a size", once trained. */
export const SizeCandidate = z.object({
  units: z.number().int().min(1),
  method: Method,
  /** The layer's BLM bound on validation rows (on training rows when there are none). */
  bound: Estimate,
  boundTrain: Estimate,
  seconds: z.number().min(0),
  /** 1 = the best bound. */
  rank: z.number().int().min(1),
});
export type SizeCandidate = z.infer<typeof SizeCandidate>;

/** Why a size is recommended: the rule and its figures (the UI words it in the user's language). */
export const SizeReason = z.object({
  rule: z.enum(['smallest-within-tolerance', 'only-candidate']),
  /** Units of the candidate with the best bound. */
  bestUnits: z.number().int().min(1),
  /** Best bound − the recommended candidate's bound (nats per row, ≥ 0). */
  shortfall: z.number().min(0),
  /** The tolerance the shortfall is within (nats per row). */
  tolerance: z.number().min(0),
});
export type SizeReason = z.infer<typeof SizeReason>;

export const SizeSuggestion = z.object({
  /** Trained candidates, best bound first. */
  ranking: z.array(SizeCandidate),
  recommended: z.object({ units: z.number().int().min(1), method: Method, reason: SizeReason }).nullable(),
  /** Candidates not trained because the time budget ran out (sizes). */
  skipped: z.array(z.number().int().min(1)),
  /** Whether the bounds were measured on validation rows (else on training rows: memorisation inflates them). */
  onValidation: z.boolean(),
  seconds: z.number().min(0),
});
export type SizeSuggestion = z.infer<typeof SizeSuggestion>;

/** What "Suggest a size" may be told: candidate layers (default: chosen from the data), a time budget. */
export const SuggestRequest = z.object({
  candidates: z.array(LayerConfig).min(1).nullable(),
  settings: StackSettings,
  /** Stop starting candidates once this many seconds have passed, and rank what is done. */
  budgetSeconds: z.number().positive(),
});
export type SuggestRequest = z.infer<typeof SuggestRequest>;
