/**
 * The share of generated rows closer to a training row than to a held-out one, with the
 * distance SDMetrics-style scorers use (the shared fidelity script's, for a side by side with
 * the app's own in `electron/evidence/`): Euclidean over the numbers standardised by the
 * training rows' mean and standard deviation (a missing number at the training median, dates in
 * days) and the categories one-hot over their 50 most frequent training levels (a level outside
 * them is all zeros). For each generated row, its nearest held-out row against its nearest row
 * of a seeded sample of as many training rows, over 5 samples; ties count one half. Brute
 * force, on a seeded sample of at most `MAX_GENERATED` generated and `MAX_HOLDOUT` held-out rows.
 * The columns are typed as the app reads them; the shared script lets SDV detect types, so its
 * figure can differ (cars: SDV makes Cylinders and Name categories, the app a number and an
 * identifier left out; 43.6 % there against 52.1 % here on the same 20,000 rows; penguins 56.9 %
 * in both).
 */
import { createRng, permutation } from '../../electron/base/random.js';
import { cellLevel, cellNumber, isNumberType, type Dataset } from '../../electron/data/index.js';

const DRAWS = 5;
const TOP_LEVELS = 50;
const MAX_GENERATED = 4000;
const MAX_HOLDOUT = 1000;

/** Rows as points: standardised numbers, and category codes (−1: not among the top levels). */
interface Points {
  rows: number;
  numbers: Float64Array[];
  codes: Int32Array[];
}

interface Encoder {
  encode(ds: Dataset, rows: Int32Array): Points;
}

const firstRows = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

function sampleRows(n: number, max: number, seed: number): Int32Array {
  return n <= max ? firstRows(n) : permutation(n, createRng(seed)).subarray(0, max).sort();
}

/** The encoding learnt on the training rows, for the columns the three tables share. */
function encoderOf(train: Dataset, names: readonly string[]): Encoder {
  const columns = names.map((name) => train.info.columns.find((c) => c.name === name)!);
  const numeric = columns.filter((c) => isNumberType(c.type));
  const categorical = columns.filter((c) => !isNumberType(c.type));
  const valuesOf = (ds: Dataset, name: string) => ds.cells[ds.info.columns.findIndex((c) => c.name === name)] ?? [];
  const stats = numeric.map((c) => {
    const v = valuesOf(train, c.name)
      .map((cell) => cellNumber(cell, c.type, c.format))
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const mean = v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
    const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, v.length - 1)) || 1;
    return { median: v[Math.floor(v.length / 2)] ?? 0, mean, sd };
  });
  const levels = categorical.map((c) => {
    const counts = new Map<string, number>();
    for (const cell of valuesOf(train, c.name)) {
      const level = cellLevel(cell, c.type, c.format);
      counts.set(level, (counts.get(level) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, TOP_LEVELS);
    return new Map(top.map(([level], i) => [level, i]));
  });
  return {
    encode(ds, rows) {
      const numbers = numeric.map((c, j) => {
        const cells = valuesOf(ds, c.name);
        const { median, mean, sd } = stats[j];
        return Float64Array.from(rows, (r) => {
          const v = cellNumber(cells[r] ?? '', c.type, c.format);
          return ((Number.isFinite(v) ? v : median) - mean) / sd;
        });
      });
      const codes = categorical.map((c, j) => {
        const cells = valuesOf(ds, c.name);
        return Int32Array.from(rows, (r) => levels[j].get(cellLevel(cells[r] ?? '', c.type, c.format)) ?? -1);
      });
      return { rows: rows.length, numbers, codes };
    },
  };
}

/** Each row of `from`'s squared distance to its nearest row among `to`'s rows `among`. */
function nearest(from: Points, to: Points, among: Int32Array): Float64Array {
  const out = new Float64Array(from.rows).fill(Infinity);
  for (let i = 0; i < from.rows; i++) {
    let best = Infinity;
    for (const k of among) {
      let d = 0;
      for (let j = 0; j < from.codes.length && d < best; j++) {
        const a = from.codes[j][i];
        const b = to.codes[j][k];
        // One-hot vectors: equal levels 0 apart, two top levels √2, a top level and another 1.
        if (a !== b) d += (a >= 0 ? 1 : 0) + (b >= 0 ? 1 : 0);
      }
      for (let j = 0; j < from.numbers.length && d < best; j++) d += (from.numbers[j][i] - to.numbers[j][k]) ** 2;
      if (d < best) best = d;
    }
    out[i] = best;
  }
  return out;
}

/**
 * The share, with the columns `names` (numbers and dates by value, the rest as categories);
 * null without held-out rows or with fewer training rows than held-out ones.
 */
export function euclideanCloserShare(
  r: { train: Dataset; holdout: Dataset; generated: Dataset; names: readonly string[] },
  seed: number,
): number | null {
  const h = r.holdout.info.rows;
  if (h === 0 || r.train.info.rows < h || r.names.length === 0) return null;
  const encoder = encoderOf(r.train, r.names);
  const generated = encoder.encode(r.generated, sampleRows(r.generated.info.rows, MAX_GENERATED, seed + 1));
  const holdout = encoder.encode(r.holdout, sampleRows(h, MAX_HOLDOUT, seed + 2));
  const train = encoder.encode(r.train, firstRows(r.train.info.rows));
  const toHoldout = nearest(generated, holdout, firstRows(holdout.rows));
  const rng = createRng(seed + 3);
  let sum = 0;
  for (let draw = 0; draw < DRAWS; draw++) {
    const sample = permutation(train.rows, rng).subarray(0, holdout.rows);
    const toTrain = nearest(generated, train, sample);
    let closer = 0;
    for (let i = 0; i < generated.rows; i++) {
      const [t, o] = [Math.sqrt(toTrain[i]), Math.sqrt(toHoldout[i])];
      closer += Math.abs(t - o) <= 1e-9 ? 0.5 : t < o ? 1 : 0;
    }
    sum += closer / generated.rows;
  }
  return sum / DRAWS;
}
