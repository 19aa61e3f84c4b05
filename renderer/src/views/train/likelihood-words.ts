/**
 * The log-likelihood in words: how much less likely the model finds rows it never saw than the
 * rows it trained on, and the rows outside the subset than its own held-out rows, as a ratio of
 * probabilities per row (e^Δ for a difference Δ in nats per row). Pure, so a test can pin it.
 */
import type { Estimate, TrainSummary } from '../../../../shared/domain/model.js';

/** Below this ratio (a difference of about 0.18 nats per row) two figures are "about as likely". */
export const SAME_RATIO = 1.2;

export interface Comparison {
  /** 'same': within SAME_RATIO either way; 'less': the second set is `ratio` times less likely. */
  kind: 'same' | 'less';
  ratio: number;
  /** Whether either figure is an estimate (its ± matters for a small ratio). */
  estimated: boolean;
}

export interface LikelihoodWords {
  /** Held-out rows (test, else validation) against training rows. */
  unseen: (Comparison & { rows: 'test' | 'valid' }) | null;
  /** Rows outside the subset against the held-out rows (or training rows without any). */
  outside: Comparison | null;
}

function compare(reference: Estimate, other: Estimate): Comparison {
  const ratio = Math.exp(reference.value - other.value);
  const estimated = !reference.exact || !other.exact;
  return { kind: ratio < SAME_RATIO ? 'same' : 'less', ratio, estimated };
}

export function likelihoodWords(summary: TrainSummary): LikelihoodWords {
  const ll = summary.logLikelihood;
  const heldOut = ll.test
    ? { rows: 'test' as const, value: ll.test }
    : ll.valid
      ? { rows: 'valid' as const, value: ll.valid }
      : null;
  const unseen = heldOut ? { ...compare(ll.train, heldOut.value), rows: heldOut.rows } : null;
  const outsideLl = summary.outside?.logLikelihood ?? null;
  const outside = outsideLl ? compare(heldOut?.value ?? ll.train, outsideLl) : null;
  return { unseen, outside };
}

/** A ratio as people say it: "1.6", "12", "3,400" (two significant figures, at least one decimal below 10). */
export function ratioText(ratio: number, locale: string): string {
  if (!Number.isFinite(ratio)) return '∞';
  const digits = ratio < 10 ? 1 : 0;
  const rounded = ratio < 100 ? ratio : Number(ratio.toPrecision(2));
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    rounded,
  );
}
