/**
 * Subsets of a file larger than the memory budget, drawn during a streaming pass over the
 * whole file rather than from the sample the import kept: exact segment counts (one pass),
 * and the subset itself (a second pass) with one seeded reservoir per segment, each sized in
 * proportion to its segment's count — stratified — or one reservoir over every row of the
 * chosen segments. The drawn rows are put before the import's uniform sample, which stands
 * for the full data when the subset's representativeness is measured, and whose rows outside
 * the chosen segments are kept for later evaluation.
 */
import type { SegmentTable, SubsetSpec } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import { createRng } from '../engine/random.js';
import { own, type CsvSplitter } from './csv-parse.js';
import { withRowsBefore, type Dataset } from './dataset.js';
import { rescanRows, type PassHooks } from './reader.js';
import { allocate, applySubset, checkSegmentColumns, finishSubset, KEY_SEPARATOR, segmentKey, tableFromCounts, type Subset } from './subset.js';

/** Segment key counts over every row of the file. */
export interface FileSegmentCounts {
  columns: number[];
  counts: Map<string, number>;
  rows: number;
}

const cellReader = (rec: CsvSplitter, padded: string[] | null) => (padded ? (c: number) => padded[c] : (c: number) => rec.field(c));

/** Counts the segment keys of `columns` over every row of the dataset's file. */
export async function countSegmentsInFile(ds: Dataset, columns: number[], hooks: PassHooks = {}): Promise<FileSegmentCounts> {
  checkSegmentColumns(ds, columns);
  const counts = new Map<string, number>();
  const rows = await rescanRows(ds.source, hooks, (rec, padded) => {
    const key = segmentKey(ds, columns, cellReader(rec, padded));
    const n = counts.get(key);
    // A new key is copied so that it does not keep the file chunk it was read from alive.
    if (n === undefined) counts.set(own(key), 1);
    else counts.set(key, n + 1);
  });
  return { columns: [...columns], counts, rows };
}

export function fileSegmentTable(counts: FileSegmentCounts): SegmentTable {
  return tableFromCounts(counts.columns, counts.counts, counts.rows, true);
}

interface Reservoir {
  capacity: number;
  seen: number;
  /** Kept rows: a quote-free line to split later, or its fields; with the row's ordinal in the file. */
  items: (string | string[])[];
  ordinals: number[];
}

/**
 * The subset of `spec` drawn from every row of the dataset's file. At most as many rows as the
 * import kept (the memory budget) are drawn, or `spec.sample.rows` if fewer. `counts` are the
 * segment counts from `countSegmentsInFile` when already known; otherwise they are counted first.
 */
export async function drawSubsetFromFile(ds: Dataset, spec: SubsetSpec, hooks: PassHooks & { counts?: FileSegmentCounts } = {}): Promise<Subset> {
  const segments = spec.segments;
  if (!segments) throw new AppError('data.emptySubset');
  const columns = segments.columns;
  checkSegmentColumns(ds, columns);
  const known = hooks.counts && hooks.counts.columns.join(',') === columns.join(',') ? hooks.counts : null;
  const counts = known ?? (await countSegmentsInFile(ds, columns, hooks));
  const keep = [...new Set(segments.keep.map((k) => k.join(KEY_SEPARATOR)))].filter((k) => counts.counts.has(k)).sort();
  const sizes = keep.map((k) => counts.counts.get(k) ?? 0);
  const matching = sizes.reduce((a, b) => a + b, 0);
  if (matching === 0) throw new AppError('data.emptySubset');
  const want = Math.min(spec.sample?.rows ?? Infinity, ds.info.rows, matching);
  // Stratified unless a plain random sample was asked for; with every matching row kept it makes no difference.
  const stratified = spec.sample ? spec.sample.stratified : true;
  const reservoirs = new Map<string, Reservoir>();
  const quotas = stratified ? allocate(sizes, want) : [want];
  (stratified ? keep : ['']).forEach((k, i) => reservoirs.set(k, { capacity: quotas[i], seen: 0, items: [], ordinals: [] }));
  const keepSet = new Set(keep);
  const rng = createRng(spec.seed);
  const { delimiter } = ds.source.options;
  let ordinal = -1;
  await rescanRows(ds.source, hooks, (rec, padded) => {
    ordinal++;
    const key = segmentKey(ds, columns, cellReader(rec, padded));
    if (!keepSet.has(key)) return;
    const res = reservoirs.get(stratified ? key : '');
    if (!res || res.capacity === 0) return;
    res.seen++;
    let slot = res.items.length;
    if (slot >= res.capacity) {
      slot = Math.floor(rng.next() * res.seen);
      if (slot >= res.capacity) return;
    }
    res.items[slot] = padded ?? rec.lineCopy() ?? rec.fields();
    res.ordinals[slot] = ordinal;
  });
  // File order, so the drawn rows read like the file.
  const drawn: { ordinal: number; item: string | string[] }[] = [];
  for (const res of reservoirs.values()) res.items.forEach((item, i) => drawn.push({ ordinal: res.ordinals[i], item }));
  drawn.sort((a, b) => a.ordinal - b.ordinal);
  const rows = drawn.map(({ item }) => (typeof item === 'string' ? item.split(delimiter) : item));
  const combined = withRowsBefore(ds, rows);
  const n = rows.length;
  const population = Int32Array.from({ length: ds.info.rows }, (_, r) => n + r);
  const outside: number[] = [];
  for (const r of population) if (!keepSet.has(segmentKey(combined, columns, (c) => combined.cells[c][r]))) outside.push(r);
  const subsetRows = Array.from({ length: n }, (_, r) => r);
  return finishSubset(combined, spec, subsetRows, population, Int32Array.from(outside), { fileRows: counts.rows, matchingRows: matching, stratified });
}

/**
 * The subset of `spec`, wherever it must come from: drawn from the whole file when the import
 * kept only a sample and segments are chosen, else from the rows in memory (the import's
 * sample is already uniform over the file, so a plain sample of it is one of the file).
 */
export async function chooseSubset(ds: Dataset, spec: SubsetSpec, hooks: PassHooks & { counts?: FileSegmentCounts } = {}): Promise<Subset> {
  return ds.info.sampledOnImport && spec.segments ? drawSubsetFromFile(ds, spec, hooks) : applySubset(ds, spec);
}
