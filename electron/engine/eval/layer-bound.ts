/**
 * The per-layer BLM bound reported after training a layer (method.md §4): exact by EM when
 * the layer has at most 16 units, otherwise the auto-encoded estimate with M codes from the
 * aggregate posterior of the layer's inference model (default M = 2048), with its se.
 */
import type { Estimate } from '../../../shared/domain/model.js';
import type { EncodedData } from '../data.js';
import type { GenerativeLayerParams, InferenceParams } from '../params.js';
import { autoEncodedBound, BLM_MAX_UNITS, exactBlm } from './blm.js';

export function layerBound(
  layer: GenerativeLayerParams,
  inference: InferenceParams,
  k: number,
  data: EncodedData,
  opts: { seed: number; codes?: number; maxIterations?: number },
): Estimate {
  if (k <= BLM_MAX_UNITS) return { value: exactBlm(layer, k, data, { maxIterations: opts.maxIterations ?? 1000, tolerance: 1e-7 }).value, exact: true, se: null };
  return autoEncodedBound(layer, inference, k, data, opts);
}
