/**
 * The representative subset (the seed's first step): frequency table of segment columns,
 * the most frequent segments up to a coverage target, an optional random or stratified
 * sample of N rows (seeded), a seeded train/validation/test split, and how far each
 * column's distribution in the subset is from the full data (total variation distance).
 * This module works on the rows held in memory; `file-subset.ts` draws from the whole file
 * when the import kept only a sample of it.
 */
import type { ColumnDistance, SegmentTable, SubsetInfo, SubsetSpec } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import { splitError } from '../../shared/domain/limits.js';
import { createRng, permutation } from '../base/random.js';
import type { Dataset } from './dataset.js';
import { isMissing } from './infer.js';
import { own } from './kept-row.js';
import { columnDistance } from './representativeness.js';
import { cellLevel } from './typed.js';

export interface Subset {
  /** The rows the indices below refer to (a dataset extended with rows drawn from the file, or the dataset itself). */
  dataset: Dataset;
  info: SubsetInfo;
  train: Int32Array;
  valid: Int32Array;
  test: Int32Array;
  /** Rows of the data that are not in the subset, kept to check later how well a model covers them. */
  outside: Int32Array;
}

/** Columns whose distance exceeds this are flagged as poorly represented. */
export const FLAG_DISTANCE = 0.1;
export const KEY_SEPARATOR = '\u0000';

/** Distinct values a segment column may have (keys are packed into one number, 16 bits per column). */
export const MAX_SEGMENT_LEVELS = 1 << 16;

/**
 * Segment keys of rows, fast: each segment column's cell text is mapped once to its level
 * ('' when missing; booleans normalised), numbered, and a row's key is one number packing its
 * columns' level numbers. `key(id)` gives the key as text (levels joined by KEY_SEPARATOR).
 */
export class SegmentKeyer {
  /** Per column: cell text as read → level number. */
  private readonly byText: Map<string, number>[];
  /** Per column: level text by number. */
  private readonly levels: string[][];
  private readonly levelNumber: Map<string, number>[];

  constructor(
    private readonly ds: Dataset,
    readonly columns: number[],
  ) {
    this.byText = columns.map(() => new Map());
    this.levels = columns.map(() => []);
    this.levelNumber = columns.map(() => new Map());
  }

  /** The key number of a row whose column c reads `cell(c)`. */
  id(cell: (c: number) => string): number {
    let id = 0;
    for (let i = 0; i < this.columns.length; i++) {
      const text = cell(this.columns[i]);
      let level = this.byText[i].get(text);
      if (level === undefined) level = this.learn(i, text);
      id = id * MAX_SEGMENT_LEVELS + level;
    }
    return id;
  }

  key(id: number): string {
    const parts = new Array<string>(this.columns.length);
    for (let i = this.columns.length - 1; i >= 0; i--) {
      parts[i] = this.levels[i][id % MAX_SEGMENT_LEVELS];
      id = Math.floor(id / MAX_SEGMENT_LEVELS);
    }
    return parts.join(KEY_SEPARATOR);
  }

  private learn(i: number, text: string): number {
    const c = this.columns[i];
    const column = this.ds.info.columns[c];
    const level = isMissing(text, this.ds.missing) ? '' : cellLevel(text, column.type, column.format);
    let n = this.levelNumber[i].get(level);
    if (n === undefined) {
      n = this.levels[i].length;
      if (n >= MAX_SEGMENT_LEVELS)
        throw new AppError('data.tooManySegments', { column: column.name, max: MAX_SEGMENT_LEVELS });
      // Copies, so that they do not keep the file chunk the cell was read from alive.
      this.levels[i].push(own(level));
      this.levelNumber[i].set(this.levels[i][n], n);
    }
    this.byText[i].set(own(text), n);
    return n;
  }
}

export function checkSegmentColumns(ds: Dataset, columns: number[]): void {
  for (const c of columns) if (!ds.info.columns[c]) throw new AppError('data.unknownColumn', { index: c });
}

/** The frequency table of segment keys, most frequent first. */
export function tableFromCounts(
  keyer: SegmentKeyer,
  counts: Map<number, number>,
  total: number,
  wholeFile: boolean,
): SegmentTable {
  const segments = [...counts.entries()]
    .map(([id, count]) => [keyer.key(id), count] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, count]) => ({ key: k.split(KEY_SEPARATOR), count, share: total > 0 ? count / total : 0 }));
  return { columns: [...keyer.columns], total, segments, wholeFile };
}

export function segmentTable(ds: Dataset, columns: number[]): SegmentTable {
  checkSegmentColumns(ds, columns);
  const keyer = new SegmentKeyer(ds, columns);
  const counts = new Map<number, number>();
  for (let r = 0; r < ds.info.rows; r++) {
    const id = keyer.id((c) => ds.cells[c][r]);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return tableFromCounts(keyer, counts, ds.info.rows, false);
}

/** The most frequent segments whose shares add up to at least `coverage` (0..1). */
export function coverageKeep(table: SegmentTable, coverage: number): string[][] {
  const keep: string[][] = [];
  let acc = 0;
  for (const s of table.segments) {
    if (acc >= coverage - 1e-12 && keep.length > 0) break;
    keep.push(s.key);
    acc += s.share;
  }
  return keep;
}

/** Proportional allocation of n draws to strata of the given sizes (largest remainder, never more than a stratum holds). */
export function allocate(sizes: number[], n: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0) return sizes.map(() => 0);
  const exact = sizes.map((s) => (s / total) * Math.min(n, total));
  const take = exact.map((e, i) => Math.min(sizes[i], Math.floor(e)));
  let left = Math.min(n, total) - take.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  while (left > 0) {
    let moved = false;
    for (const [, i] of order) {
      if (left <= 0) break;
      if (take[i] < sizes[i]) {
        take[i]++;
        left--;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return take;
}

function stratifiedSample(rows: number[], keys: string[], n: number, seed: number): number[] {
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const g = groups.get(keys[i]) ?? [];
    g.push(r);
    groups.set(keys[i], g);
  });
  const entries = [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const take = allocate(
    entries.map(([, g]) => g.length),
    n,
  );
  const rng = createRng(seed);
  return entries.flatMap(([, g], i) => Array.from(permutation(g.length, rng).subarray(0, take[i]), (p) => g[p]));
}

/** A subset that leaves fewer training rows than this is refused: no model can be learnt from one row. */
export const MIN_TRAIN_ROWS = 2;

/**
 * The subset made of `rows` of `ds`: its seeded split, and how representative it is of
 * `population` (rows standing for the full data). `outside` are the rows left out.
 */
export function finishSubset(
  ds: Dataset,
  spec: SubsetSpec,
  rows: number[],
  population: ArrayLike<number>,
  outside: Int32Array,
  fromFile: SubsetInfo['fromFile'],
): Subset {
  rows.sort((a, b) => a - b);
  // Shares that do not add up to 100 % are refused, never rescaled behind the user's back.
  const badSplit = splitError(spec.split);
  if (badSplit) throw badSplit;
  const total = spec.split.train + spec.split.valid + spec.split.test;
  const order = permutation(rows.length, createRng(spec.seed + 1));
  const nValid = Math.round((rows.length * spec.split.valid) / total);
  const nTest = Math.round((rows.length * spec.split.test) / total);
  const nTrain = rows.length - nValid - nTest;
  if (nTrain < MIN_TRAIN_ROWS) throw new AppError('data.tooFewTrainingRows', { rows: nTrain, min: MIN_TRAIN_ROWS });
  const pick = (from: number, to: number) => Int32Array.from(order.subarray(from, to), (i) => rows[i]).sort();
  const train = pick(0, nTrain);
  const valid = pick(nTrain, nTrain + nValid);
  const test = pick(nTrain + nValid, rows.length);
  const representativeness: ColumnDistance[] = ds.info.columns
    .filter((c) => c.include)
    .map((c) => {
      const distance = columnDistance(ds, c.index, rows, population);
      return { index: c.index, name: c.name, distance, flagged: distance > FLAG_DISTANCE };
    })
    .sort((a, b) => b.distance - a.distance);
  return {
    dataset: ds,
    info: {
      spec,
      rows: rows.length,
      outside: outside.length,
      train: train.length,
      valid: valid.length,
      test: test.length,
      representativeness,
      fromFile,
    },
    train,
    valid,
    test,
    outside,
  };
}

/** The subset drawn from the rows held in memory. */
export function applySubset(ds: Dataset, spec: SubsetSpec): Subset {
  const n = ds.info.rows;
  let rows: number[] = [];
  let keys: string[] = [];
  const segCols = spec.segments?.columns ?? [];
  checkSegmentColumns(ds, segCols);
  if (spec.segments) {
    const keep = new Set(spec.segments.keep.map((k) => k.join(KEY_SEPARATOR)));
    const keyer = new SegmentKeyer(ds, segCols);
    const kept = new Map<number, string | null>();
    for (let r = 0; r < n; r++) {
      const id = keyer.id((c) => ds.cells[c][r]);
      let k = kept.get(id);
      if (k === undefined) {
        const key = keyer.key(id);
        k = keep.has(key) ? key : null;
        kept.set(id, k);
      }
      if (k !== null) {
        rows.push(r);
        keys.push(k);
      }
    }
  } else {
    rows = Array.from({ length: n }, (_, r) => r);
    keys = rows.map(() => '');
  }
  if (rows.length === 0) throw new AppError('data.emptySubset');
  if (spec.sample && spec.sample.rows < rows.length) {
    if (spec.sample.stratified && spec.segments) rows = stratifiedSample(rows, keys, spec.sample.rows, spec.seed);
    else {
      const p = permutation(rows.length, createRng(spec.seed));
      rows = Array.from(p.subarray(0, spec.sample.rows), (i) => rows[i]);
    }
  }
  const inSubset = new Uint8Array(n);
  for (const r of rows) inSubset[r] = 1;
  const outside = new Int32Array(n - rows.length);
  let o = 0;
  for (let r = 0; r < n; r++) if (!inSubset[r]) outside[o++] = r;
  const all = Int32Array.from({ length: n }, (_, r) => r);
  return finishSubset(ds, spec, rows, all, outside, null);
}
