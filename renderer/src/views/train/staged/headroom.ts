/**
 * The headroom view as the Train step shows it (METHOD.md §4.1): per layer, the bound of the
 * model so far (the best log-likelihood still reachable) on training and validation rows and
 * what the layer added (bound after it minus bound before it; 0 for layer 1, its own bound
 * being the reference); for a finished model, the log-likelihood reached. From a stack's
 * headroom as the engine gave it, or from any model's figures (its layers' `modelBound`).
 */
import type { Estimate, LayerResult, Method, TrainSummary } from '../../../../../shared/domain/model.js';
import type { Headroom } from '../../../../../shared/domain/staged.js';

export interface HeadroomRow {
  layer: number;
  units: number;
  method: Method;
  boundTrain: Estimate | null;
  boundValid: Estimate | null;
  gainTrain: number | null;
  gainValid: number | null;
}

export interface HeadroomView {
  rows: HeadroomRow[];
  /** The finished model's log-likelihood (null for a stack). */
  reached: { train: Estimate; valid: Estimate | null } | null;
}

export function fromHeadroom(h: Headroom): HeadroomView {
  const rows = h.layers.map((l) => ({
    layer: l.layer,
    units: l.units,
    method: l.method,
    boundTrain: l.bound?.train ?? null,
    boundValid: l.bound?.valid ?? null,
    gainTrain: l.gain.train,
    gainValid: l.gain.valid,
  }));
  return { rows, reached: h.complete ? h.reached : null };
}

const diff = (a: Estimate | null | undefined, b: Estimate | null | undefined) => (a && b ? a.value - b.value : null);

/** The same view from a model's figures: its layers' bounds so far and its log-likelihood. */
export function fromSummary(summary: TrainSummary): HeadroomView {
  const rows = summary.layers.map((r: LayerResult, i) => {
    const below = i > 0 ? summary.layers[i - 1].modelBound : r.modelBound;
    return {
      layer: r.layer,
      units: r.units,
      method: r.method,
      boundTrain: r.modelBound?.train ?? null,
      boundValid: r.modelBound?.valid ?? null,
      gainTrain: diff(r.modelBound?.train, below?.train),
      gainValid: diff(r.modelBound?.valid, below?.valid),
    };
  });
  const { train, valid } = summary.logLikelihood;
  return { rows, reached: { train, valid } };
}
