/**
 * The per-layer BLM bound reported after training a layer (METHOD.md §4): exact by EM when
 * the layer has at most 16 units and the table of rows x 2^k codes is affordable, otherwise the auto-encoded estimate with M codes from the
 * aggregate posterior of the layer's inference model (default M = 2048), with its se.
 */
import type { Estimate } from '../../../shared/domain/model.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import type { GenerativeLayerParams, InferenceParams } from '../model/params.js';
import { autoEncodedBound, BLM_MAX_UNITS, exactBlm } from './blm.js';

/** Largest table (rows x 2^k) on which the bound is computed exactly; larger ones are estimated. */
export const EXACT_BOUND_CELLS = 1 << 22;
/** EM work budget (cells x iterations): keeps the bound to seconds, not minutes. */
export const EXACT_BOUND_WORK = 4e9;

/** Whether the exact bound of a k-unit layer on `rows` rows fits the budget. */
export function exactBoundFeasible(k: number, rows: number): boolean {
  return k <= BLM_MAX_UNITS && rows * 2 ** k <= EXACT_BOUND_CELLS;
}

export function layerBound(
  layer: GenerativeLayerParams,
  inference: InferenceParams,
  k: number,
  data: EncodedData,
  opts: { seed: number; codes?: number; maxIterations?: number },
): Estimate {
  const cells = data.rows * 2 ** k;
  if (exactBoundFeasible(k, data.rows)) {
    const maxIterations = opts.maxIterations ?? Math.max(100, Math.min(1000, Math.floor(EXACT_BOUND_WORK / cells)));
    return { value: exactBlm(layer, k, data, { maxIterations, tolerance: 1e-7 }).value, exact: true, se: null };
  }
  return autoEncodedBound(layer, inference, k, data, opts);
}
