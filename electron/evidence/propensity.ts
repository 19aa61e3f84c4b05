/**
 * The propensity check: a logistic regression (main effects: standardised numbers, one-hot
 * categories; and the products of every two numbers, so relations between numbers show) fitted to tell the real rows from the other rows; pMSE = mean (p̂ᵢ − c)² with c
 * the other rows' share, next to its expectation when both come from one distribution,
 * (k − 1)(1 − c)² c / N with k the model's parameters (Snoek et al.), and their ratio (1 at best).
 */
import type { Propensity } from '../../shared/domain/quality.js';
import { encode, learnDesign } from './features.js';
import { logistic, predictProbability } from './linear.js';
import { rowCount, type Column } from './table.js';

/** Products are formed among the first this many numeric columns only (the model's width stays small). */
const MAX_PRODUCT_COLUMNS = 10;

export interface PropensityFit extends Propensity {
  parameters: number;
}

export function propensity(real: Column[], other: Column[]): PropensityFit {
  const use = real.map((_, j) => j);
  const design = learnDesign(real, use, [real, other]);
  const numbers = design.parts.flatMap((p) => (p.kind === 'number' ? [p.at + 1] : [])).slice(0, MAX_PRODUCT_COLUMNS);
  const nr = rowCount(real);
  const no = rowCount(other);
  const n = nr + no;
  const main = design.width + 1;
  const w = main + (numbers.length * (numbers.length - 1)) / 2;
  if (nr === 0 || no === 0) return { pmse: null, expected: null, ratio: null, parameters: w };
  const x = withProducts([encode(design, real, use), encode(design, other, use)], main, w, numbers);
  const y = new Float64Array(n);
  y.fill(1, nr);
  const p = predictProbability(x, w, logistic(x, w, y));
  const c = no / n;
  let pmse = 0;
  for (const v of p) pmse += (v - c) * (v - c);
  pmse /= n;
  const expected = ((w - 1) * (1 - c) * (1 - c) * c) / n;
  return { pmse, expected, ratio: expected > 0 ? pmse / expected : null, parameters: w };
}

/** The rows of the main-effect matrices with the products of every two numeric columns appended. */
function withProducts(parts: Float64Array[], main: number, w: number, numbers: number[]): Float64Array {
  const n = parts.reduce((a, p) => a + p.length / main, 0);
  const x = new Float64Array(n * w);
  let r = 0;
  for (const p of parts)
    for (let i = 0; i < p.length / main; i++, r++) {
      const row = p.subarray(i * main, (i + 1) * main);
      x.set(row, r * w);
      let at = r * w + main;
      for (let a = 0; a < numbers.length; a++)
        for (let b = a + 1; b < numbers.length; b++) x[at++] = row[numbers[a]] * row[numbers[b]];
    }
  return x;
}
