/**
 * Trainable tfjs parameters of one layer — generative map, inference network — with seeded
 * initialisation, and their conversion to and from the plain `params.ts` snapshot.
 */
import * as tf from '@tensorflow/tfjs';
import { makeVariable, mm } from './ops.js';
import type { GroupSpec } from '../../../shared/domain/model.js';
import { matrix, type GenerativeLayerParams, type InferenceParams, type Matrix } from '../model/params.js';

export interface GenVars {
  /** [k, n] */
  W: tf.Variable<tf.Rank.R2>;
  /** [n] */
  b: tf.Variable<tf.Rank.R1>;
}

export interface InfVars {
  kind: 'vanilla' | 'rich';
  layers: { W: tf.Variable<tf.Rank.R2>; b: tf.Variable<tf.Rank.R1> }[];
}

export function initGen(k: number, n: number, seed: number, baseRates?: Float32Array): GenVars {
  return {
    W: makeVariable(() => tf.randomNormal([k, n], 0, 0.01, 'float32', seed)),
    b: makeVariable(() => (baseRates ? tf.tensor1d(baseRates) : tf.zeros([n]))),
  };
}

/** Vanilla: one affine map n -> k. Rich: n -> width (tanh) -> k. */
export function initInf(kind: 'vanilla' | 'rich', n: number, k: number, width: number, seed: number): InfVars {
  const dims = kind === 'vanilla' ? [n, k] : [n, width, k];
  const layers = [];
  for (let i = 0; i + 1 < dims.length; i++) {
    const scale = Math.sqrt(1 / dims[i]);
    layers.push({
      W: makeVariable(() =>
        tf.randomNormal([dims[i], dims[i + 1]], 0, scale, 'float32', seed + 17 * (i + 1)),
      ) as tf.Variable<tf.Rank.R2>,
      b: makeVariable(() => tf.zeros([dims[i + 1]])) as tf.Variable<tf.Rank.R1>,
    });
  }
  return { kind, layers };
}

/** Bernoulli logits of q(h | x) for rows x [R, n]. */
export function inferLogits(inf: InfVars, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    let a: tf.Tensor2D = x;
    inf.layers.forEach((layer, i) => {
      a = tf.add(mm(a, layer.W), layer.b);
      if (i + 1 < inf.layers.length) a = tf.tanh(a);
    });
    return a;
  });
}

/** Logits of P(x | h) for rows h [R, k]. */
export function genLogits(gen: GenVars, h: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.add(mm(h, gen.W), gen.b));
}

export const genVarList = (g: GenVars): tf.Variable[] => [g.W, g.b];
export const infVarList = (q: InfVars): tf.Variable[] => q.layers.flatMap((l) => [l.W, l.b]);

export function disposeVars(vars: tf.Variable[]): void {
  for (const v of vars) v.dispose();
}

function toMatrix(t: tf.Tensor2D): Matrix {
  return matrix(t.shape[0], t.shape[1], Float32Array.from(t.dataSync()));
}

export function snapshotGen(g: GenVars, groups: GroupSpec[]): GenerativeLayerParams {
  return { weights: toMatrix(g.W), bias: Float32Array.from(g.b.dataSync()), groups };
}

export function snapshotInf(q: InfVars): InferenceParams {
  return {
    kind: q.kind,
    layers: q.layers.map((l) => ({ weights: toMatrix(l.W), bias: Float32Array.from(l.b.dataSync()) })),
  };
}

export function genFromParams(p: GenerativeLayerParams): GenVars {
  return {
    W: makeVariable(() => tf.tensor2d(p.weights.data, [p.weights.rows, p.weights.cols])),
    b: makeVariable(() => tf.tensor1d(p.bias)),
  };
}

export function infFromParams(p: InferenceParams): InfVars {
  return {
    kind: p.kind,
    layers: p.layers.map((l) => ({
      W: makeVariable(() => tf.tensor2d(l.weights.data, [l.weights.rows, l.weights.cols])),
      b: makeVariable(() => tf.tensor1d(l.bias)),
    })),
  };
}

/** Logits that make each column's marginal equal the data's (a good generative bias start). */
export function baseRateLogits(data: Uint8Array, rows: number, bits: number, groups: GroupSpec[]): Float32Array {
  const counts = new Float64Array(bits);
  for (let r = 0; r < rows; r++) for (let j = 0; j < bits; j++) counts[j] += data[r * bits + j];
  const out = new Float32Array(bits);
  let col = 0;
  for (const g of groups) {
    const size = g.kind === 'bernoulli' ? 1 : g.size;
    for (let j = 0; j < size; j++) {
      const p = (counts[col + j] + 0.5) / (rows + (g.kind === 'bernoulli' ? 1 : size * 0.5));
      out[col + j] = g.kind === 'bernoulli' ? Math.log(p / (1 - p)) : Math.log(p);
    }
    col += size;
  }
  return out;
}
