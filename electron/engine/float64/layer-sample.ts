/**
 * One generative layer sampled for many rows at once (ancestral sampling, METHOD.md §4.4):
 * codes of the layer above in, a row of the layer below per code out, group by group, with
 * buffers allocated once per call and the groups compiled to typed arrays. The draws are those
 * of `sampleRow` (the same uniforms in the same order, the same comparisons); the logits are
 * those of `layerLogits`, summed from byte tables when there are many rows (see
 * `sampleLayerRows` for when that rounding can differ).
 */
import type { GroupSpec } from '../../../shared/domain/model.js';
import type { GenerativeLayerParams } from '../model/params.js';
import type { Rng } from '../../base/random.js';

/** Group sizes in column order, 1 for a Bernoulli bit. */
function compileGroups(groups: readonly GroupSpec[]): Int32Array {
  return Int32Array.from(groups, (g) => (g.kind === 'bernoulli' ? 1 : g.size));
}

/**
 * Draws the groups of one row from its logits into out[at..]: a bit is on when u < σ(l); a
 * softmax group picks the first slot at which u·Σ exp(l − max) minus the running sum of
 * exp(l − max) reaches 0 (inverse cumulative distribution).
 */
function drawGroups(
  sizes: Int32Array,
  logits: Float64Array,
  e: Float64Array,
  rng: Rng,
  out: Uint8Array,
  at: number,
): void {
  let col = 0;
  for (let g = 0; g < sizes.length; g++) {
    const size = sizes[g];
    if (size === 1) {
      // σ written out: an imported function costs a module getter per call in tsx and vitest.
      out[at + col] = rng.next() < 1 / (1 + Math.exp(-logits[col])) ? 1 : 0;
      col += 1;
      continue;
    }
    let max = -Infinity;
    for (let j = 0; j < size; j++) max = Math.max(max, logits[col + j]);
    let sum = 0;
    for (let j = 0; j < size; j++) sum += e[j] = Math.exp(logits[col + j] - max);
    let u = rng.next() * sum;
    let pick = size - 1;
    for (let j = 0; j < size; j++) {
      u -= e[j];
      if (u <= 0) {
        pick = j;
        break;
      }
    }
    out[at + col + pick] = 1;
    col += size;
  }
}

/** Codes are cut into bytes: the logits of a code are the sum of one table entry per byte. */
const BYTE = 8;
/** The byte tables are used when they hold at most this many values (32 MB)... */
const TABLE_MAX_CELLS = 1 << 22;
/** ...and there are enough rows to repay building them. */
const TABLE_MIN_ROWS = 256;

/**
 * Partial logits of every byte value of every byte of a code: entry (c, t) holds
 * Σ_{b: (t >> b) & 1} W[8c + b], the bias included in byte 0, each summed in ascending order
 * of units (built from the value without its highest bit). Shape [bytes, 256, n].
 */
function byteTables(w: Float32Array, bias: Float32Array, k: number, n: number): Float64Array {
  const bytes = Math.ceil(k / BYTE);
  const t = new Float64Array(bytes * 256 * n);
  for (let j = 0; j < n; j++) t[j] = bias[j];
  for (let c = 0; c < bytes; c++) {
    const base = c * 256 * n;
    const values = 1 << Math.min(BYTE, k - c * BYTE);
    for (let v = 1; v < values; v++) {
      const high = 31 - Math.clz32(v);
      const prev = base + (v ^ (1 << high)) * n;
      const row = (c * BYTE + high) * n;
      const at = base + v * n;
      for (let j = 0; j < n; j++) t[at + j] = t[prev + j] + w[row + j];
    }
  }
  return t;
}

/** logits of the code at codes[at..at + k) as one byte-table entry per byte, added byte by byte. */
function tableLogits(t: Float64Array, k: number, n: number, codes: Uint8Array, at: number, logits: Float64Array): void {
  for (let c = 0; c * BYTE < k; c++) {
    let v = 0;
    const end = Math.min(BYTE, k - c * BYTE);
    for (let b = 0; b < end; b++) v |= codes[at + c * BYTE + b] << b;
    const from = (c * 256 + v) * n;
    if (c === 0) for (let j = 0; j < n; j++) logits[j] = t[from + j];
    else for (let j = 0; j < n; j++) logits[j] += t[from + j];
  }
}

/** logits = bias + Σ_{i: code_i = 1} W_i for the code at codes[at..at + k), W row-major [k, n]. */
function rowLogits(
  w: Float32Array,
  bias: Float32Array,
  k: number,
  n: number,
  codes: Uint8Array,
  at: number,
  logits: Float64Array,
): void {
  for (let j = 0; j < n; j++) logits[j] = bias[j];
  for (let i = 0; i < k; i++) {
    if (codes[at + i] === 0) continue;
    const base = i * n;
    for (let j = 0; j < n; j++) logits[j] += w[base + j];
  }
}

/** Codes of at most this many units index a cache of P(bit on | code) when the layer below is all bits. */
const STATE_CACHE_MAX_BITS = 16;

/**
 * Bits of the layer below with P(on | code) kept per code value: a code costs its logits and n
 * sigmoids the first time it is drawn (the values computed row by row), then n uniforms per row.
 */
function drawBitsByState(
  k: number,
  n: number,
  codes: Uint8Array,
  rows: number,
  rng: Rng,
  out: Uint8Array,
  logitsOf: (at: number, logits: Float64Array) => void,
): void {
  const probs = new Float64Array(2 ** k * n);
  const known = new Uint8Array(2 ** k);
  const logits = new Float64Array(n);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let i = 0; i < k; i++) s |= codes[r * k + i] << i;
    const from = s * n;
    if (!known[s]) {
      logitsOf(r * k, logits);
      for (let j = 0; j < n; j++) probs[from + j] = 1 / (1 + Math.exp(-logits[j]));
      known[s] = 1;
    }
    const at = r * n;
    for (let j = 0; j < n; j++) out[at + j] = rng.next() < probs[from + j] ? 1 : 0;
  }
}

/**
 * For each of `rows` codes (k bits each, row-major), a row of the layer below drawn from
 * P(· | h). With many rows the logits come from byte tables: k/8 additions of n values per row
 * instead of one per unit that is on. The sum is then grouped by bytes; with k ≤ 8 it is the
 * same sum, in the same order, as `layerLogits`. With more units its rounding can differ in the
 * last bits (not at all when every partial sum of the float32 weights is exact in float64,
 * the usual case), which changes a draw only if its uniform falls within that rounding of a
 * threshold. Below a top layer of at most 16 units, a hidden layer's bit probabilities are
 * kept per code value.
 */
export function sampleLayerRows(layer: GenerativeLayerParams, codes: Uint8Array, rows: number, rng: Rng): Uint8Array {
  const { rows: k, cols: n, data: w } = layer.weights;
  const sizes = compileGroups(layer.groups);
  const out = new Uint8Array(rows * n);
  const many = rows >= TABLE_MIN_ROWS;
  const t = many && Math.ceil(k / BYTE) * 256 * n <= TABLE_MAX_CELLS ? byteTables(w, layer.bias, k, n) : null;
  const logitsOf = (at: number, logits: Float64Array): void =>
    t ? tableLogits(t, k, n, codes, at, logits) : rowLogits(w, layer.bias, k, n, codes, at, logits);
  if (many && k <= STATE_CACHE_MAX_BITS && 2 ** k * n <= TABLE_MAX_CELLS && sizes.every((s) => s === 1)) {
    drawBitsByState(k, n, codes, rows, rng, out, logitsOf);
    return out;
  }
  const logits = new Float64Array(n);
  const e = new Float64Array(Math.max(1, ...sizes));
  for (let r = 0; r < rows; r++) {
    if (t) tableLogits(t, k, n, codes, r * k, logits);
    else rowLogits(w, layer.bias, k, n, codes, r * k, logits);
    drawGroups(sizes, logits, e, rng, out, r * n);
  }
  return out;
}
