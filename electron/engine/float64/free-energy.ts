/**
 * Float64 tables over the 2^n states of one side of an all-Bernoulli RBM, for exact sampling
 * (METHOD.md §4.4): the unnormalised log-marginal of every state, -F(s) = a·s + Σ_j softplus(c_j
 * + s·W_j), and the cumulative distribution it defines, searched with one uniform per draw.
 * State s has bit i = (s >> i) & 1.
 */
import { softplus } from './layer-math.js';

/** The largest side enumerated for sampling: 2^20 states, 8 MB of float64. */
export const SAMPLE_ENUM_MAX = 20;

/**
 * Pre-activations of the other side for every state of `bits` consecutive units starting at
 * unit `from`: out[t·m + j] = base_j + Σ_{i < bits, (t >> i) & 1} w[(from + i)·m + j], built
 * from the state without its highest bit so each entry sums its terms in ascending order.
 */
function partialActivations(
  w: ArrayLike<number>,
  m: number,
  from: number,
  bits: number,
  base: ArrayLike<number> | null,
): Float64Array {
  const states = 2 ** bits;
  const out = new Float64Array(states * m);
  if (base) for (let j = 0; j < m; j++) out[j] = base[j];
  for (let t = 1; t < states; t++) {
    const high = 31 - Math.clz32(t);
    const prev = (t ^ (1 << high)) * m;
    const row = (from + high) * m;
    for (let j = 0; j < m; j++) out[t * m + j] = out[prev + j] + w[row + j];
  }
  return out;
}

/** Σ_{i, (t >> i) & 1} bias[from + i] for every state t of `bits` units. */
function partialBias(bias: ArrayLike<number>, from: number, bits: number): Float64Array {
  const out = new Float64Array(2 ** bits);
  for (let t = 1; t < out.length; t++) {
    const high = 31 - Math.clz32(t);
    out[t] = out[t ^ (1 << high)] + bias[from + high];
  }
  return out;
}

/**
 * -F(s) for every state s of a side of n Bernoulli units, the m units of the other side summed
 * out: w is [n, m] row-major, `bias` the side's biases (n), `otherBias` the other side's (m).
 * The pre-activations of a state are the sum of a low-half and a high-half table, so the work
 * is 2^n·m softplus terms with 2·2^(n/2)·m memory, and no rounding accumulates along states.
 */
export function sideLogWeights(
  w: ArrayLike<number>,
  n: number,
  m: number,
  bias: ArrayLike<number>,
  otherBias: ArrayLike<number>,
): Float64Array {
  if (n > SAMPLE_ENUM_MAX) throw new Error(`sideLogWeights: ${n} units cannot be enumerated`);
  const lowBits = Math.ceil(n / 2);
  const highBits = n - lowBits;
  const lowAct = partialActivations(w, m, 0, lowBits, otherBias);
  const highAct = partialActivations(w, m, lowBits, highBits, null);
  const lowBias = partialBias(bias, 0, lowBits);
  const highBias = partialBias(bias, lowBits, highBits);
  const out = new Float64Array(2 ** n);
  const lowStates = 2 ** lowBits;
  for (let hi = 0; hi < highBias.length; hi++) {
    const hBase = hi * m;
    for (let lo = 0; lo < lowStates; lo++) {
      const lBase = lo * m;
      let e = lowBias[lo] + highBias[hi];
      for (let j = 0; j < m; j++) e += softplus(lowAct[lBase + j] + highAct[hBase + j]);
      out[hi * lowStates + lo] = e;
    }
  }
  return out;
}

/**
 * The cumulative sums of exp(logWeights[s] − shift), in state order: cdf[s] is the mass of
 * states 0..s, the last entry the total. `shift` keeps the exponentials finite (the largest
 * log weight for an unnormalised table; 0 for normalised log-probabilities).
 */
export function cumulative(logWeights: ArrayLike<number>, shift: number): Float64Array {
  const cdf = new Float64Array(logWeights.length);
  let acc = 0;
  for (let s = 0; s < cdf.length; s++) cdf[s] = acc += Math.exp(logWeights[s] - shift);
  return cdf;
}

export function maxOf(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

/**
 * The first state whose cumulative mass exceeds u · total, u uniform in [0, 1): state s is
 * drawn with probability exactly its share of the total, and a state of zero mass never.
 */
export function searchState(cdf: Float64Array, u: number): number {
  const target = u * cdf[cdf.length - 1];
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
