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
import { createRng } from '../base/random.js';
import { Reservoir } from '../base/reservoir.js';
import type { CsvSplitter } from './csv-parse.js';
import { keptFields, type KeptRow } from './kept-row.js';
import { withRowsBefore, type Dataset } from './dataset.js';
import type { PassHooks } from './file-stream.js';
import { rescanRows } from './reader.js';
import {
  allocate,
  applySubset,
  checkSegmentColumns,
  finishSubset,
  KEY_SEPARATOR,
  SegmentKeyer,
  tableFromCounts,
  type Subset,
} from './subset.js';

/** Segment key counts over every row of the file (by key number of `keyer`). */
export interface FileSegmentCounts {
  columns: number[];
  keyer: SegmentKeyer;
  counts: Map<number, number>;
  rows: number;
}

/** Reads cells of the record being scanned; `at` points it at the next one (one reader per pass, no allocation per row). */
function recordCells(): { at(rec: CsvSplitter, padded: string[] | null): void; cell: (c: number) => string } {
  let rec: CsvSplitter | null = null;
  let padded: string[] | null = null;
  return {
    at(r, p) {
      rec = r;
      padded = p;
    },
    cell: (c) => (padded ? padded[c] : rec!.field(c)),
  };
}

/** Counts the segment keys of `columns` over every row of the dataset's file. */
export async function countSegmentsInFile(
  ds: Dataset,
  columns: number[],
  hooks: PassHooks = {},
): Promise<FileSegmentCounts> {
  checkSegmentColumns(ds, columns);
  const keyer = new SegmentKeyer(ds, columns);
  const counts = new Map<number, number>();
  const reader = recordCells();
  const rows = await rescanRows(ds.source, hooks, (rec, padded) => {
    reader.at(rec, padded);
    const id = keyer.id(reader.cell);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  return { columns: [...columns], keyer, counts, rows };
}

export function fileSegmentTable(counts: FileSegmentCounts): SegmentTable {
  return tableFromCounts(counts.keyer, counts.counts, counts.rows, true);
}

/** One segment's reservoir (or the one over all chosen segments): kept rows, split at the end, and their ordinals in the file. */
interface Stratum {
  rows: Reservoir<KeptRow>;
  ordinals: number[];
}

/**
 * The subset of `spec` drawn from every row of the dataset's file. At most as many rows as the
 * import kept (the memory budget) are drawn, or `spec.sample.rows` if fewer. `counts` are the
 * segment counts from `countSegmentsInFile` when already known; otherwise they are counted first.
 */
export async function drawSubsetFromFile(
  ds: Dataset,
  spec: SubsetSpec,
  hooks: PassHooks & { counts?: FileSegmentCounts } = {},
): Promise<Subset> {
  const segments = spec.segments;
  if (!segments) throw new AppError('data.emptySubset');
  const columns = segments.columns;
  checkSegmentColumns(ds, columns);
  const known = hooks.counts && hooks.counts.columns.join(',') === columns.join(',') ? hooks.counts : null;
  const counts = known ?? (await countSegmentsInFile(ds, columns, hooks));
  const { keyer } = counts;
  const byKey = new Map<string, number>();
  for (const [id, n] of counts.counts) byKey.set(keyer.key(id), n);
  const keep = [...new Set(segments.keep.map((k) => k.join(KEY_SEPARATOR)))].filter((k) => byKey.has(k)).sort();
  const sizes = keep.map((k) => byKey.get(k) ?? 0);
  const matching = sizes.reduce((a, b) => a + b, 0);
  if (matching === 0) throw new AppError('data.emptySubset');
  const want = Math.min(spec.sample?.rows ?? Infinity, ds.info.rows, matching);
  // Stratified unless a plain random sample was asked for; with every matching row kept it makes no difference.
  const stratified = spec.sample ? spec.sample.stratified : true;
  const quotas = stratified ? allocate(sizes, want) : [want];
  // One generator for every reservoir: the draws follow the rows in file order.
  const rng = createRng(spec.seed);
  const strata = quotas.map((capacity): Stratum => ({ rows: new Reservoir<KeptRow>(capacity, rng), ordinals: [] }));
  /** Key number → its reservoir, or null for a segment left out. */
  const target = new Map<number, Stratum | null>();
  for (const id of counts.counts.keys()) {
    const i = keep.indexOf(keyer.key(id));
    target.set(id, i < 0 ? null : strata[stratified ? i : 0]);
  }
  const { delimiter, quote } = ds.source.options;
  let ordinal = -1;
  const reader = recordCells();
  await rescanRows(ds.source, hooks, (rec, padded) => {
    ordinal++;
    reader.at(rec, padded);
    const stratum = target.get(keyer.id(reader.cell));
    if (!stratum) return;
    const slot = stratum.rows.offer();
    if (slot < 0) return;
    stratum.rows.put(slot, padded ?? rec.keep());
    stratum.ordinals[slot] = ordinal;
  });
  // File order, so the drawn rows read like the file.
  const drawn: { ordinal: number; item: KeptRow }[] = [];
  for (const { rows, ordinals } of strata) rows.items.forEach((item, i) => drawn.push({ ordinal: ordinals[i], item }));
  drawn.sort((a, b) => a.ordinal - b.ordinal);
  const rows = drawn.map(({ item }) => keptFields(item, delimiter, quote));
  const combined = withRowsBefore(ds, rows);
  const n = rows.length;
  const population = Int32Array.from({ length: ds.info.rows }, (_, r) => n + r);
  const outside: number[] = [];
  for (const r of population) if (!target.get(keyer.id((c) => combined.cells[c][r]))) outside.push(r);
  const subsetRows = Array.from({ length: n }, (_, r) => r);
  return finishSubset(combined, spec, subsetRows, population, Int32Array.from(outside), {
    fileRows: counts.rows,
    matchingRows: matching,
    stratified,
  });
}

/**
 * The subset of `spec`, wherever it must come from: drawn from the whole file when the import
 * kept only a sample and segments are chosen, else from the rows in memory (the import's
 * sample is already uniform over the file, so a plain sample of it is one of the file).
 */
export async function chooseSubset(
  ds: Dataset,
  spec: SubsetSpec,
  hooks: PassHooks & { counts?: FileSegmentCounts } = {},
): Promise<Subset> {
  return ds.info.sampledOnImport && spec.segments ? drawSubsetFromFile(ds, spec, hooks) : applySubset(ds, spec);
}
