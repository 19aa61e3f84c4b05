/**
 * Small random models for tests and for the deep-synthetic generator: generative layers
 * over groups, rich/vanilla inference models, top priors, and data drawn from a model by
 * ancestral sampling. Seeded; float32 storage as in DeepModelParams.
 */
import type { GroupSpec } from '../../../shared/domain/model.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { groupBits } from '../../base/encoded-rows.js';
import {
  matrix,
  type DeepModelParams,
  type GenerativeLayerParams,
  type InferenceParams,
  type TopPriorParams,
} from '../model/params.js';
import { createRng, type Rng } from '../../base/random.js';
import { layerLogits, sampleRow, sigmoid } from '../float64/states.js';

export function bernoulliGroups(n: number): GroupSpec[] {
  return Array.from({ length: n }, () => ({ kind: 'bernoulli' as const }));
}

function normals(n: number, scale: number, rng: Rng): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal() * scale;
  return out;
}

export function randomLayer(
  k: number,
  groups: GroupSpec[],
  rng: Rng,
  scale = 1,
  biasScale = 0.5,
): GenerativeLayerParams {
  const n = groupBits(groups);
  return { weights: matrix(k, n, normals(k * n, scale, rng)), bias: normals(n, biasScale, rng), groups };
}

export function randomInference(n: number, k: number, rng: Rng, width: number | null, scale = 0.7): InferenceParams {
  if (width === null)
    return {
      kind: 'vanilla',
      layers: [{ weights: matrix(n, k, normals(n * k, scale, rng)), bias: normals(k, scale, rng) }],
    };
  return {
    kind: 'rich',
    layers: [
      { weights: matrix(n, width, normals(n * width, scale, rng)), bias: normals(width, scale, rng) },
      { weights: matrix(width, k, normals(width * k, scale, rng)), bias: normals(k, scale, rng) },
    ],
  };
}

export function randomTop(kind: TopPriorParams['kind'], k: number, rng: Rng, hidden = 3): TopPriorParams {
  if (kind === 'bernoulli') return { kind, logits: normals(k, 1, rng) };
  if (kind === 'rbm')
    return {
      kind,
      weights: matrix(k, hidden, normals(k * hidden, 1, rng)),
      visibleBias: normals(k, 0.5, rng),
      hiddenBias: normals(hidden, 0.5, rng),
    };
  const raw = Float64Array.from(normals(2 ** k, 1.5, rng));
  let m = -Infinity;
  for (const v of raw) m = Math.max(m, v);
  let s = 0;
  for (const v of raw) s += Math.exp(v - m);
  return { kind, logProbs: raw.map((v) => v - m - Math.log(s)) };
}

export function randomDeepModel(
  visible: GroupSpec[],
  sizes: number[],
  top: TopPriorParams['kind'],
  rng: Rng,
  scale = 1.5,
): DeepModelParams {
  const generative: GenerativeLayerParams[] = [];
  const inference: InferenceParams[] = [];
  let below = visible;
  for (const k of sizes) {
    generative.push(randomLayer(k, below, rng, scale));
    inference.push(randomInference(groupBits(below), k, rng, 8));
    below = bernoulliGroups(k);
  }
  return {
    visible,
    sizes,
    methods: sizes.map(() => 'aeries'),
    generative,
    inference,
    top: randomTop(top, sizes[sizes.length - 1], rng),
  };
}

/** Draws a top code (table and bernoulli priors exactly; an RBM prior by a long Gibbs chain). */
function sampleTop(top: TopPriorParams, k: number, rng: Rng): Uint8Array {
  const h = new Uint8Array(k);
  if (top.kind === 'bernoulli') {
    for (let j = 0; j < k; j++) h[j] = rng.next() < sigmoid(top.logits[j]) ? 1 : 0;
  } else if (top.kind === 'table') {
    let u = rng.next();
    let s = 0;
    for (; s < top.logProbs.length - 1; s++) {
      u -= Math.exp(top.logProbs[s]);
      if (u <= 0) break;
    }
    for (let j = 0; j < k; j++) h[j] = (s >> j) & 1;
  } else {
    const nh = top.weights.cols;
    const hid = new Uint8Array(nh);
    for (let step = 0; step < 200; step++) {
      for (let j = 0; j < nh; j++) {
        let a = top.hiddenBias[j];
        for (let i = 0; i < k; i++) if (h[i]) a += top.weights.data[i * nh + j];
        hid[j] = rng.next() < sigmoid(a) ? 1 : 0;
      }
      for (let i = 0; i < k; i++) {
        let a = top.visibleBias[i];
        for (let j = 0; j < nh; j++) if (hid[j]) a += top.weights.data[i * nh + j];
        h[i] = rng.next() < sigmoid(a) ? 1 : 0;
      }
    }
  }
  return h;
}

/** Rows drawn from a deep model by ancestral sampling. */
export function sampleModel(model: DeepModelParams, rows: number, seed: number): EncodedData {
  const rng = createRng(seed);
  const bits = groupBits(model.visible);
  const data = new Uint8Array(rows * bits);
  const L = model.sizes.length;
  for (let r = 0; r < rows; r++) {
    let h: Uint8Array = sampleTop(model.top, model.sizes[L - 1], rng);
    for (let l = L - 1; l >= 0; l--) {
      const layer = model.generative[l];
      const out = new Uint8Array(layer.weights.cols);
      sampleRow(layer.groups, layerLogits(layer, h), rng, out);
      h = out;
    }
    data.set(h, r * bits);
  }
  return { groups: model.visible, rows, bits, data };
}
