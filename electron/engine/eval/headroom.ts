/**
 * The headroom view (METHOD.md §4.1): per layer, the bound of the model so far — the best
 * log-likelihood of the rows any layers on top could still reach — and how it moved with that
 * layer (bound_l − bound_{l−1}; for layer 1, 0: its own bound is the reference), the layer's
 * own bound on its input codes, and for a complete model the log-likelihood reached against
 * the last bound: the gap is what the top prior did not reach (≥ 0; METHOD.md §3 bounds it by
 * KL(BLM ‖ P_upper)). Plain numbers from the stored results: no data, no computation.
 */
import type { Estimate, LayerResult, TrainSummary } from '../../../shared/domain/model.js';
import type { Headroom, HeadroomLayer } from '../../../shared/domain/staged.js';
import type { LayerStack } from '../model/params.js';

/** a − b as an estimate: exact when both are, se in quadrature. */
function difference(a: Estimate | null | undefined, b: Estimate | null | undefined): Estimate | null {
  if (!a || !b) return null;
  const se = a.exact && b.exact ? null : Math.sqrt((a.se ?? 0) ** 2 + (b.se ?? 0) ** 2);
  return { value: a.value - b.value, exact: a.exact && b.exact, se };
}

function layerView(r: LayerResult, below: LayerResult | null): HeadroomLayer {
  const bound = r.modelBound ?? null;
  const ref = below ? (below.modelBound ?? null) : bound;
  return {
    layer: r.layer,
    units: r.units,
    method: r.method,
    bound,
    gain: {
      train: bound && ref ? bound.train.value - ref.train.value : null,
      valid: bound?.valid && ref?.valid ? bound.valid.value - ref.valid.value : null,
    },
    ownBound: { train: r.blmTrain, valid: r.blmValid },
  };
}

function layersView(results: readonly LayerResult[]): HeadroomLayer[] {
  return results.map((r, l) => layerView(r, l > 0 ? results[l - 1] : null));
}

/** The headroom of a stack (layers so far) or of a complete model (its training summary). */
export function headroom(source: LayerStack | TrainSummary): Headroom {
  if ('settings' in source) {
    return { layers: layersView(source.layers.map((l) => l.result)), complete: false, reached: null, gap: null };
  }
  const layers = layersView(source.layers);
  const last = source.layers[source.layers.length - 1]?.modelBound ?? null;
  const reached = { train: source.logLikelihood.train, valid: source.logLikelihood.valid };
  return {
    layers,
    complete: true,
    reached,
    gap: last ? { train: difference(last.train, reached.train), valid: difference(last.valid, reached.valid) } : null,
  };
}
