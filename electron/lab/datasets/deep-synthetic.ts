/**
 * The `deep-synthetic` dataset (METHOD.md §7): rows drawn by ancestral sampling from a known,
 * seeded random deep sigmoid network, returned together with that true model so that its
 * exact log-likelihood of held-out rows (the ceiling no trained model beats in expectation)
 * can be computed.
 *
 * Generator (*choice*): visible 32 bits, hidden layers 10 and 4 (`sizes`), an exact table
 * prior over the top layer with logits ~ N(0, 2^2); weights ~ N(0, 3^2) ("sharp"); each
 * layer's bias is -1/2 of the column sum of its weights plus N(0, 0.5^2), so every unit is
 * on about half the time. The true model carries zero-weight vanilla inference maps
 * (uniform proposals): they are placeholders, the ceiling is computed exactly.
 */
import type { EncodedData } from '../../base/encoded-rows.js';
import {
  matrix,
  bernoulliGroups,
  sampleModel,
  type DeepModelParams,
  type GenerativeLayerParams,
  type InferenceParams,
} from '../../engine/index.js';
import { createRng } from '../../base/random.js';

export interface DeepSyntheticOptions {
  seed: number;
  rows: number;
  /** [visible, k1, ..., kL]; default [32, 10, 4] */
  sizes?: number[];
  weightScale?: number;
}

export const DEEP_SYNTHETIC_SIZES = [32, 10, 4];

export function deepSyntheticModel(
  seed: number,
  sizes: number[] = DEEP_SYNTHETIC_SIZES,
  weightScale = 3,
): DeepModelParams {
  const rng = createRng(seed ^ 0xdee9);
  const [visible, ...hidden] = sizes;
  const generative: GenerativeLayerParams[] = [];
  const inference: InferenceParams[] = [];
  let below = visible;
  for (const k of hidden) {
    const w = new Float32Array(k * below);
    for (let i = 0; i < w.length; i++) w[i] = rng.normal() * weightScale;
    const b = new Float32Array(below);
    for (let j = 0; j < below; j++) {
      let col = 0;
      for (let i = 0; i < k; i++) col += w[i * below + j];
      b[j] = -0.5 * col + rng.normal() * 0.5;
    }
    generative.push({ weights: matrix(k, below, w), bias: b, groups: bernoulliGroups(below) });
    inference.push({ kind: 'vanilla', layers: [{ weights: matrix(below, k), bias: new Float32Array(k) }] });
    below = k;
  }
  const kL = hidden[hidden.length - 1];
  const raw = new Float64Array(2 ** kL).map(() => rng.normal() * 2);
  let m = -Infinity;
  for (const v of raw) m = Math.max(m, v);
  let s = 0;
  for (const v of raw) s += Math.exp(v - m);
  const logProbs = raw.map((v) => v - m - Math.log(s));
  return {
    visible: bernoulliGroups(visible),
    sizes: hidden,
    methods: hidden.map(() => 'blm-exact'),
    generative,
    inference,
    top: { kind: 'table', logProbs },
  };
}

/** Rows from the true deep network, and the network itself. */
export function deepSynthetic(opts: DeepSyntheticOptions): { data: EncodedData; model: DeepModelParams } {
  const model = deepSyntheticModel(opts.seed, opts.sizes, opts.weightScale);
  return { data: sampleModel(model, opts.rows, opts.seed), model };
}
