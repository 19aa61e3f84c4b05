/**
 * Ancestral sampling (METHOD.md §4): codes from the top prior, then down through every
 * generative layer to visible rows of groups. Plain float64 JavaScript on the parameter
 * snapshot with a seeded generator, so a model file and a seed give the same rows anywhere.
 */
import type { EncodedData } from '../../base/encoded-rows.js';
import { layerLogits, sampleRow } from '../float64/layer-math.js';
import { groupBits } from '../../base/encoded-rows.js';
import type { DeepModelParams } from './params.js';
import { samplePrior } from './top-prior.js';
import { createRng } from '../../base/random.js';

export function sampleVisible(model: DeepModelParams, rows: number, seed: number): EncodedData {
  const rng = createRng(seed);
  const L = model.sizes.length;
  let k = model.sizes[L - 1];
  let codes = samplePrior(model.top, k, rows, rng);
  for (let l = L - 1; l >= 0; l--) {
    const gen = model.generative[l];
    const n = gen.weights.cols;
    const out = new Uint8Array(rows * n);
    const logits = new Float64Array(n);
    for (let r = 0; r < rows; r++) {
      layerLogits(gen, codes.subarray(r * k, (r + 1) * k), logits);
      sampleRow(gen.groups, logits, rng, out, r * n);
    }
    codes = out;
    k = n;
  }
  return { groups: model.visible, rows, bits: groupBits(model.visible), data: codes };
}
