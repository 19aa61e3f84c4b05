/**
 * The bound of the model so far (METHOD.md §4.1): with layers 1..l fixed, the best
 * log-likelihood of the visible rows any layers put on top could reach,
 *   U^(l) = max_Q E_x log Σ_{h_l} P_{1..l}(x | h_l) Q(h_l),
 * P_{1..l}(x | h_l) = Σ_{h_1..h_{l−1}} Π_j P_j(h_{j−1} | h_j): the BLM bound of the layers
 * composed into one. U^(1) is layer 1's own bound; U^(l) ≤ U^(l−1) (a prior on h_l induces a
 * prior on h_{l−1}); a complete model's log-likelihood is at most U^(L). Exact (the composed
 * table, then EM as for one layer) when the states can be enumerated; otherwise the
 * auto-encoded estimate generalised to a stack (`stack-bound-sampled.ts`).
 */
import type { Estimate } from '../../../shared/domain/model.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { distinctRows, type DistinctRows } from '../float64/rows.js';
import { layerTable, logPxAllStates, onesOf } from '../float64/states.js';
import type { GenerativeLayerParams, InferenceParams } from '../model/params.js';
import { BLM_MAX_UNITS, emOnTable, type EmTable } from './blm.js';
import { EXACT_BOUND_CELLS, EXACT_BOUND_WORK, layerBound } from './layer-bound.js';
import { sampledStackBound } from './stack-bound-sampled.js';

export interface BoundLayer {
  gen: GenerativeLayerParams;
  inf: InferenceParams;
}

/** Largest work (distinct rows × states below × states above, summed over layers) of the exact composed table. */
export const STACK_TABLE_WORK = 2 ** 28;

const unitsOf = (l: BoundLayer) => l.gen.weights.rows;

export function stackBoundExactFeasible(layers: readonly BoundLayer[], rows: number): boolean {
  const k = layers.map(unitsOf);
  if (k[k.length - 1] > BLM_MAX_UNITS || k.some((u) => rows * 2 ** u > EXACT_BOUND_CELLS)) return false;
  let work = 0;
  for (let l = 1; l < k.length; l++) work += rows * 2 ** (k[l] + k[l - 1]);
  return work <= STACK_TABLE_WORK;
}

/** log P_{1..l}(x | h_l) over every distinct row and state of h_l, stored. */
class ComposedTable implements EmTable {
  readonly table: { states: number };
  readonly rows: DistinctRows;
  private readonly values: Float64Array;
  constructor(layers: readonly BoundLayer[], data: EncodedData) {
    this.rows = distinctRows(data);
    const first = layerTable(layers[0].gen);
    let states = first.states;
    let values: Float64Array = new Float64Array(this.distinct * states);
    for (let r = 0; r < this.distinct; r++)
      logPxAllStates(first, onesOf(this.rows.data, r * this.rows.bits, this.rows.bits), values.subarray(r * states));
    for (let l = 1; l < layers.length; l++) {
      const next = composeUp(values, this.distinct, states, layers[l].gen);
      values = next.values;
      states = next.states;
    }
    this.table = { states };
    this.values = values;
  }
  get distinct(): number {
    return this.rows.counts.length;
  }
  row(r: number): Float64Array {
    const S = this.table.states;
    return this.values.subarray(r * S, (r + 1) * S);
  }
  scaled(): { p: Float64Array; max: Float64Array } {
    const S = this.table.states;
    const p = new Float64Array(this.values.length);
    const max = new Float64Array(this.distinct);
    for (let r = 0; r < this.distinct; r++) {
      let m = -Infinity;
      for (let s = 0; s < S; s++) m = Math.max(m, this.values[r * S + s]);
      max[r] = m;
      for (let s = 0; s < S; s++) p[r * S + s] = Math.exp(this.values[r * S + s] - m);
    }
    return { p, max };
  }
}

/** T'[r, s] = log Σ_u exp(T[r, u]) P(u | s) for the generative layer `gen` (u below, s above). */
function composeUp(
  below: Float64Array,
  rows: number,
  statesBelow: number,
  gen: GenerativeLayerParams,
): { values: Float64Array; states: number } {
  const t = layerTable(gen);
  const kBelow = t.n;
  // P(u | s) for every pair, [s, u].
  const trans = new Float64Array(t.states * statesBelow);
  const ones = Array.from({ length: statesBelow }, (_, u) => {
    const o: number[] = [];
    for (let j = 0; j < kBelow; j++) if ((u >> j) & 1) o.push(j);
    return Int32Array.from(o);
  });
  for (let s = 0; s < t.states; s++)
    for (let u = 0; u < statesBelow; u++) {
      let v = -t.norm[s];
      for (const j of ones[u]) v += t.logits[s * kBelow + j];
      trans[s * statesBelow + u] = Math.exp(v);
    }
  const out = new Float64Array(rows * t.states);
  const e = new Float64Array(statesBelow);
  for (let r = 0; r < rows; r++) {
    const row = below.subarray(r * statesBelow, (r + 1) * statesBelow);
    let m = -Infinity;
    for (let u = 0; u < statesBelow; u++) m = Math.max(m, row[u]);
    for (let u = 0; u < statesBelow; u++) e[u] = Math.exp(row[u] - m);
    for (let s = 0; s < t.states; s++) {
      let z = 0;
      const base = s * statesBelow;
      for (let u = 0; u < statesBelow; u++) z += e[u] * trans[base + u];
      out[r * t.states + s] = m + Math.log(z);
    }
  }
  return { values: out, states: t.states };
}

/** log P_{1..l}(x | h_l) of every distinct row and state (exact; tests and small stacks). */
export function composedLogLik(layers: readonly BoundLayer[], data: EncodedData): EmTable {
  return new ComposedTable(layers, data);
}

/** U^(l) of the layers given (bottom first) on rows `data`: exact by EM when affordable, else estimated. */
export function stackBound(
  layers: readonly BoundLayer[],
  data: EncodedData,
  opts: { seed: number; maxIterations?: number },
): Estimate {
  if (layers.length === 1) return layerBound(layers[0].gen, layers[0].inf, unitsOf(layers[0]), data, opts);
  const distinct = distinctRows(data).counts.length;
  if (!stackBoundExactFeasible(layers, distinct)) return sampledStackBound(layers, data, { seed: opts.seed });
  const table = new ComposedTable(layers, data);
  const cells = distinct * table.table.states;
  const maxIterations = opts.maxIterations ?? Math.max(100, Math.min(1000, Math.floor(EXACT_BOUND_WORK / cells)));
  return { value: emOnTable(table, { maxIterations, tolerance: 1e-7 }).value, exact: true, se: null };
}
