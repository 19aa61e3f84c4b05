/**
 * The training criteria of one layer in float64 by exact enumeration of its 2^k codes, for
 * testing the tfjs implementations and the invariants of METHOD.md §6: criterion 2 (the
 * auto-encoder BLM criterion, log outside the sum), criterion 3 (the usual reconstruction
 * criterion, log inside), the exact auto-encoded bound E_x log sum_h q_D(h) P(x|h) with
 * q_D = E_x q(h|x), and the entropy H(D) of the rows (re-exported).
 */
import type { EncodedData } from '../../base/encoded-rows.js';
import type { GenerativeLayerParams, InferenceParams } from '../model/params.js';
import { distinctRows } from '../float64/rows.js';
import {
  inferenceLogits,
  layerTable,
  logBernoulliAllStates,
  logPxAllStates,
  logsumexp,
  onesOf,
} from '../float64/states.js';

export { empiricalEntropy } from '../float64/rows.js';

/** An encoder: log q(h | x) over all 2^k states for one row x. */
export type StateEncoder = (x: Uint8Array) => Float64Array;

/** The factorised Bernoulli encoder of an inference model. */
export function inferenceEncoder(inference: InferenceParams): StateEncoder {
  return (x) => logBernoulliAllStates(inferenceLogits(inference, x));
}

interface PerRow {
  weight: number;
  logPx: Float64Array;
  logQ: Float64Array;
}

function perRow(layer: GenerativeLayerParams, data: EncodedData, enc: StateEncoder, fn: (r: PerRow) => void): void {
  const t = layerTable(layer);
  const rows = distinctRows(data);
  for (let r = 0; r < rows.counts.length; r++) {
    const x = rows.data.subarray(r * rows.bits, (r + 1) * rows.bits);
    fn({ weight: rows.counts[r] / rows.total, logPx: logPxAllStates(t, onesOf(x, 0, rows.bits)), logQ: enc(x) });
  }
}

/** Criterion 2: E_x log sum_h q(h|x) P(x|h). */
export function criterion2(layer: GenerativeLayerParams, data: EncodedData, enc: StateEncoder): number {
  let v = 0;
  perRow(layer, data, enc, ({ weight, logPx, logQ }) => {
    for (let s = 0; s < logPx.length; s++) logPx[s] += logQ[s];
    v += weight * logsumexp(logPx);
  });
  return v;
}

/** Criterion 3: E_x sum_h q(h|x) log P(x|h). */
export function criterion3(layer: GenerativeLayerParams, data: EncodedData, enc: StateEncoder): number {
  let v = 0;
  perRow(layer, data, enc, ({ weight, logPx, logQ }) => {
    let e = 0;
    for (let s = 0; s < logPx.length; s++) if (logQ[s] > -Infinity) e += Math.exp(logQ[s]) * logPx[s];
    v += weight * e;
  });
  return v;
}

/** q_D(h) = E_x q(h|x), probabilities over states. */
export function aggregatePosterior(data: EncodedData, enc: StateEncoder, states: number): Float64Array {
  const rows = distinctRows(data);
  const q = new Float64Array(states);
  for (let r = 0; r < rows.counts.length; r++) {
    const lq = enc(rows.data.subarray(r * rows.bits, (r + 1) * rows.bits));
    const w = rows.counts[r] / rows.total;
    for (let s = 0; s < states; s++) q[s] += w * Math.exp(lq[s]);
  }
  return q;
}

/** The auto-encoded bound, exactly: E_x log sum_h q_D(h) P(x|h). */
export function autoEncodedExact(layer: GenerativeLayerParams, data: EncodedData, enc: StateEncoder): number {
  const states = 2 ** layer.weights.rows;
  const qD = aggregatePosterior(data, enc, states);
  const logQD = qD.map((p) => Math.log(p));
  let v = 0;
  perRow(
    layer,
    data,
    () => logQD,
    ({ weight, logPx, logQ }) => {
      for (let s = 0; s < logPx.length; s++) logPx[s] += logQ[s];
      v += weight * logsumexp(logPx);
    },
  );
  return v;
}
