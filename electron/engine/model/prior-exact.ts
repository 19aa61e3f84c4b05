/**
 * Exact sampling of a top RBM prior (METHOD.md §4.4) when one of its sides can be enumerated:
 * its visible side h_L (k ≤ 20 units) by the cumulative distribution of P(h) over the 2^k
 * states, else its hidden side g (≤ 20 units) by the distribution of P(g), then h ~ P(h | g),
 * which factorises. Either way each row is an independent, exact draw: no chain, no burn-in.
 * The tables are built once per prior object and kept while it lives (parameters are data and
 * are never changed in place).
 */
import { cumulative, maxOf, SAMPLE_ENUM_MAX, searchState, sideLogWeights } from '../float64/free-energy.js';
import { sigmoid } from '../float64/layer-math.js';
import type { TopPriorParams } from './params.js';
import type { Rng } from '../../base/random.js';

export type RbmPrior = Extract<TopPriorParams, { kind: 'rbm' }>;
export type ExactSide = 'visible' | 'hidden';

interface Plan {
  /** cumulative mass over the states of the enumerated side */
  cdf: Float64Array;
  /** for the hidden side: how to draw h given g */
  given: Conditional | null;
}

/** P(h | g) of a hidden state g: the weights transposed and the probabilities of the states met. */
interface Conditional {
  /** [hidden, visible] */
  wT: Float64Array;
  /** P(h_i = 1 | g) at g·k + i, filled as states are drawn; null when 2^m·k is too large */
  probs: Float64Array | null;
  known: Uint8Array | null;
}

/** The conditional probabilities of every hidden state are kept when they fit in 32 MB. */
const CONDITIONAL_MAX_CELLS = 1 << 22;

const plans = new WeakMap<RbmPrior, Partial<Record<ExactSide, Plan>>>();

/** Which side is enumerated: the visible side when it is small enough, else the hidden side. */
export function exactSide(top: RbmPrior): ExactSide | null {
  if (top.weights.rows <= SAMPLE_ENUM_MAX) return 'visible';
  if (top.weights.cols <= SAMPLE_ENUM_MAX) return 'hidden';
  return null;
}

function buildPlan(top: RbmPrior, side: ExactSide): Plan {
  const { rows: k, cols: m, data } = top.weights;
  if (side === 'visible') {
    const logW = sideLogWeights(data, k, m, top.visibleBias, top.hiddenBias);
    return { cdf: cumulative(logW, maxOf(logW)), given: null };
  }
  const wT = new Float64Array(m * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < m; j++) wT[j * k + i] = data[i * m + j];
  const logW = sideLogWeights(wT, m, k, top.hiddenBias, top.visibleBias);
  const keep = 2 ** m * k <= CONDITIONAL_MAX_CELLS;
  const given: Conditional = {
    wT,
    probs: keep ? new Float64Array(2 ** m * k) : null,
    known: keep ? new Uint8Array(2 ** m) : null,
  };
  return { cdf: cumulative(logW, maxOf(logW)), given };
}

function planFor(top: RbmPrior, side: ExactSide): Plan {
  let byside = plans.get(top);
  if (!byside) plans.set(top, (byside = {}));
  return (byside[side] ??= buildPlan(top, side));
}

/** Rows of h_L (k bits each, row-major) drawn exactly; the side defaults to `exactSide`. */
export function sampleRbmExact(
  top: RbmPrior,
  rows: number,
  rng: Rng,
  side: ExactSide | null = exactSide(top),
): Uint8Array {
  if (side === null) throw new Error('sampleRbmExact: neither side of the prior can be enumerated');
  const k = top.weights.rows;
  const { cdf, given } = planFor(top, side);
  const out = new Uint8Array(rows * k);
  if (given) return drawThroughHidden(top, cdf, given, rows, rng, out);
  for (let r = 0; r < rows; r++) {
    const s = searchState(cdf, rng.next());
    for (let i = 0; i < k; i++) out[r * k + i] = (s >> i) & 1;
  }
  return out;
}

/** P(h_i = 1 | g) = σ(b_i + Σ_j g_j W_ij) for every visible unit, into out[at..at + k). */
function conditionalProbs(top: RbmPrior, wT: Float64Array, g: number, out: Float64Array, at: number): void {
  const { rows: k, cols: m } = top.weights;
  for (let i = 0; i < k; i++) out[at + i] = top.visibleBias[i];
  for (let j = 0; j < m; j++) {
    if (!((g >> j) & 1)) continue;
    const base = j * k;
    for (let i = 0; i < k; i++) out[at + i] += wT[base + i];
  }
  for (let i = 0; i < k; i++) out[at + i] = sigmoid(out[at + i]);
}

/** g from its exact marginal, then each visible unit from P(h_i = 1 | g). */
function drawThroughHidden(
  top: RbmPrior,
  cdf: Float64Array,
  given: Conditional,
  rows: number,
  rng: Rng,
  out: Uint8Array,
): Uint8Array {
  const k = top.weights.rows;
  const scratch = new Float64Array(k);
  const { probs, known } = given;
  for (let r = 0; r < rows; r++) {
    const g = searchState(cdf, rng.next());
    let p: Float64Array = scratch;
    let from = 0;
    if (probs && known) {
      p = probs;
      from = g * k;
      if (!known[g]) conditionalProbs(top, given.wT, g, probs, from);
      known[g] = 1;
    } else conditionalProbs(top, given.wT, g, scratch, 0);
    const at = r * k;
    for (let i = 0; i < k; i++) out[at + i] = rng.next() < p[from + i] ? 1 : 0;
  }
  return out;
}
