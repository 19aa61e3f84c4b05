/**
 * The mixed-type distance between rows that the privacy evidence uses (docs/METHOD.md,
 * "Privacy evidence"): rows read once into typed arrays — numbers and dates scaled by the
 * training rows' range, categories as codes of one shared dictionary — and the distance
 * between two rows, the mean over columns of a number's absolute difference in range units
 * (capped at 1), 0/1 for a category, 0 when both cells are missing and 1 when one is.
 */
import type { RowTable } from '../../shared/domain/data.js';

/** How a column enters the distance: a number (dates as epoch ms), or a category. */
export interface DistanceColumn {
  name: string;
  kind: 'number' | 'category';
  /** The cell's value (NaN when missing or unreadable), for a number column. */
  parse?: (cell: string) => number;
  /** The cell's level (null when missing), for a category column. */
  level?: (cell: string) => string | null;
}

/**
 * A missing number, stored so that the capped difference needs no test: 1 against any value
 * (read in range units, far below this), 0 against another missing one.
 */
export const MISSING_NUMBER = 1e12;

/** Rows ready for distances: `nums` row-major (rows × numeric columns, MISSING_NUMBER = missing), `cats` likewise (-1 = missing). */
export interface TypedRows {
  rows: number;
  numCols: number;
  catCols: number;
  nums: Float64Array;
  cats: Int32Array;
}

/** What turns cells into typed rows the same way for every table: the columns and their scales. */
export interface RowSpace {
  columns: DistanceColumn[];
  /** Per numeric column: training minimum and range (a zero range counts as 1). */
  min: Float64Array;
  range: Float64Array;
  dictionary: Map<string, number>;
}

const numeric = (columns: DistanceColumn[]) => columns.filter((c) => c.kind === 'number');
const categorical = (columns: DistanceColumn[]) => columns.filter((c) => c.kind === 'category');

function indexOf(table: RowTable, name: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new Error(`column ${name} is not in the table`);
  return i;
}

/** The space of `columns`, scaled by the values of the training rows. */
export function rowSpace(columns: DistanceColumn[], training: RowTable): RowSpace {
  const nums = numeric(columns);
  const min = new Float64Array(nums.length);
  const range = new Float64Array(nums.length);
  nums.forEach((c, k) => {
    const at = indexOf(training, c.name);
    let lo = Infinity;
    let hi = -Infinity;
    for (const row of training.rows) {
      const v = c.parse!(row[at]);
      if (Number.isNaN(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[k] = Number.isFinite(lo) ? lo : 0;
    range[k] = hi > lo ? hi - lo : 1;
  });
  return { columns: [...nums, ...categorical(columns)], min, range, dictionary: new Map() };
}

/** The rows of `table` in the space (its columns found by name). */
export function typedRows(space: RowSpace, table: RowTable): TypedRows {
  const nums = numeric(space.columns);
  const cats = categorical(space.columns);
  const n = table.rows.length;
  const out: TypedRows = {
    rows: n,
    numCols: nums.length,
    catCols: cats.length,
    nums: new Float64Array(n * nums.length),
    cats: new Int32Array(n * cats.length),
  };
  nums.forEach((c, k) => {
    const at = indexOf(table, c.name);
    for (let r = 0; r < n; r++) {
      const v = c.parse!(table.rows[r][at]);
      out.nums[r * nums.length + k] = Number.isFinite(v) ? (v - space.min[k]) / space.range[k] : MISSING_NUMBER;
    }
  });
  cats.forEach((c, k) => {
    const at = indexOf(table, c.name);
    for (let r = 0; r < n; r++) {
      const level = c.level!(table.rows[r][at]);
      let code = -1;
      if (level !== null) {
        code = space.dictionary.get(level) ?? space.dictionary.size;
        if (code === space.dictionary.size) space.dictionary.set(level, code);
      }
      out.cats[r * cats.length + k] = code;
    }
  });
  return out;
}

/**
 * One number column's part of the distance (range units): |x − y| capped at 1, so 0 when both
 * are missing (MISSING_NUMBER) and 1 when one is.
 */
export function numberPart(x: number, y: number): number {
  const d = x > y ? x - y : y - x;
  return d < 1 ? d : 1;
}

/**
 * The sum of the column parts between row `i` of `a` and row `j` of `b`, stopping early
 * (returning a value > `bound`) once it exceeds `bound`.
 */
export function partialSum(a: TypedRows, i: number, b: TypedRows, j: number, bound = Infinity): number {
  let sum = 0;
  const cc = a.catCols;
  for (let k = 0, ai = i * cc, bj = j * cc; k < cc; k++) if (a.cats[ai + k] !== b.cats[bj + k]) sum += 1;
  if (sum > bound) return sum;
  const nc = a.numCols;
  const an = a.nums;
  const bn = b.nums;
  for (let k = 0, ai = i * nc, bj = j * nc; k < nc; k++) {
    const d = an[ai + k] - bn[bj + k];
    sum += d >= 1 || d <= -1 ? 1 : d < 0 ? -d : d;
    if (sum > bound) return sum;
  }
  return sum;
}

/** Columns counted by the distance (at least 1, so an empty space gives 0, not NaN). */
export const columnCount = (r: TypedRows): number => Math.max(1, r.numCols + r.catCols);

/** The distance between row `i` of `a` and row `j` of `b`: the mean of the column parts, in [0, 1]. */
export function rowDistance(a: TypedRows, i: number, b: TypedRows, j: number): number {
  return partialSum(a, i, b, j) / columnCount(a);
}

/** The rows at `picked` (indices into `r`), as their own typed rows. */
export function pickRows(r: TypedRows, picked: ArrayLike<number>): TypedRows {
  const out: TypedRows = {
    rows: picked.length,
    numCols: r.numCols,
    catCols: r.catCols,
    nums: new Float64Array(picked.length * r.numCols),
    cats: new Int32Array(picked.length * r.catCols),
  };
  for (let k = 0; k < picked.length; k++) {
    const i = picked[k];
    out.nums.set(r.nums.subarray(i * r.numCols, (i + 1) * r.numCols), k * r.numCols);
    out.cats.set(r.cats.subarray(i * r.catCols, (i + 1) * r.catCols), k * r.catCols);
  }
  return out;
}
