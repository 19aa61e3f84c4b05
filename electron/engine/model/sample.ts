/**
 * Ancestral sampling (METHOD.md §4.4): codes from the top prior, then down through every
 * generative layer to visible rows of groups, each layer for all rows at once with typed
 * arrays (`float64/layer-sample.ts`). Plain float64 JavaScript on the parameter snapshot with
 * one seeded generator, so a model file and a seed give the same rows anywhere.
 */
import type { EncodedData } from '../../base/encoded-rows.js';
import { groupBits } from '../../base/encoded-rows.js';
import { sampleLayerRows } from '../float64/layer-sample.js';
import type { DeepModelParams } from './params.js';
import { samplePrior } from './top-prior.js';
import { createRng } from '../../base/random.js';

export function sampleVisible(model: DeepModelParams, rows: number, seed: number): EncodedData {
  const rng = createRng(seed);
  const L = model.sizes.length;
  let codes = samplePrior(model.top, model.sizes[L - 1], rows, rng);
  for (let l = L - 1; l >= 0; l--) codes = sampleLayerRows(model.generative[l], codes, rows, rng);
  return { groups: model.visible, rows, bits: groupBits(model.visible), data: codes };
}
