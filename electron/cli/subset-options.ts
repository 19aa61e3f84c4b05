/**
 * The representative subset from the command line, as in the Subset step: segment columns by
 * name, the segments kept (by hand or by a coverage target), an optional sample of N rows
 * (stratified by segment unless --random), seeded. With a file larger than the memory budget
 * the segments are counted and the subset drawn over the whole file.
 */
import type { SegmentTable, SubsetSpec } from '../../shared/domain/data.js';
import { AppError } from '../../shared/domain/errors.js';
import {
  chooseSubset,
  countSegmentsInFile,
  coverageKeep,
  fileSegmentTable,
  segmentTable,
  type Dataset,
  type FileSegmentCounts,
  type Subset,
} from '../data/index.js';
import { intOption, numberOption, type Options } from './command.js';

export const subsetOptionSpec = {
  segments: { type: 'string' },
  keep: { type: 'string', multiple: true },
  coverage: { type: 'string' },
  sample: { type: 'string' },
  random: { type: 'boolean' },
} satisfies Options;

export const subsetOptionUsage = `Subset options (the Subset step; default: every row):
  --segments A[,B,C]   segment columns, by name (up to three)
  --keep V[|W...]      keep this segment (one value per segment column, joined by |); repeatable
  --coverage P         or keep the most frequent segments covering P % of rows (default 80)
  --sample N           then draw at most N rows, stratified by segment
  --random             draw the N rows at random instead of stratified`;

interface SubsetValues {
  segments?: string;
  keep?: string[];
  coverage?: string;
  sample?: string;
  random?: boolean;
}

function columnIndex(ds: Dataset, name: string): number {
  const col = ds.info.columns.find((c) => c.name === name) ?? ds.info.columns.find((c) => c.originalName === name);
  if (!col)
    throw new AppError('cli.badArguments', {
      message: `--segments: no column named "${name}" (columns: ${ds.info.columns.map((c) => c.name).join(', ')})`,
    });
  return col.index;
}

/** The subset the options ask for, and one line saying what it is. */
export async function subsetFromOptions(
  ds: Dataset,
  values: SubsetValues,
  base: Pick<SubsetSpec, 'seed' | 'split'>,
  signal?: AbortSignal,
): Promise<{ subset: Subset; description: string }> {
  const sampleRows = values.sample === undefined ? null : intOption(values.sample, 'sample', 1);
  if (sampleRows !== null && sampleRows < 1)
    throw new AppError('cli.badArguments', { message: '--sample: give a number of rows of at least 1' });
  const sample = sampleRows === null ? null : { rows: sampleRows, stratified: values.random !== true };
  if (values.segments === undefined) {
    if (values.keep !== undefined || values.coverage !== undefined)
      throw new AppError('cli.badArguments', { message: '--keep and --coverage need --segments' });
    const subset = await chooseSubset(ds, {
      ...base,
      segments: null,
      sample: sample && { ...sample, stratified: false },
    });
    return { subset, description: `Subset: ${subset.info.rows} rows${sample ? ' drawn at random' : ''}` };
  }
  const columns = values.segments.split(',').map((s) => columnIndex(ds, s.trim()));
  if (columns.length > 3) throw new AppError('cli.badArguments', { message: '--segments: at most three columns' });
  let counts: FileSegmentCounts | undefined;
  let table: SegmentTable;
  if (ds.info.sampledOnImport) {
    counts = await countSegmentsInFile(ds, columns, { signal });
    table = fileSegmentTable(counts);
  } else table = segmentTable(ds, columns);
  let keep: string[][];
  if (values.keep !== undefined) {
    if (values.coverage !== undefined)
      throw new AppError('cli.badArguments', { message: 'give --keep or --coverage, not both' });
    keep = values.keep.map((k) => k.split('|'));
    for (const k of keep) {
      if (k.length !== columns.length)
        throw new AppError('cli.badArguments', {
          message: `--keep "${k.join('|')}": give ${columns.length} value(s) joined by |, one per segment column`,
        });
      if (!table.segments.some((s) => s.key.join('|') === k.join('|'))) {
        throw new AppError('cli.badArguments', {
          message: `--keep "${k.join('|')}": no such segment (most frequent: ${table.segments
            .slice(0, 5)
            .map((s) => s.key.join('|'))
            .join(', ')})`,
        });
      }
    }
  } else {
    const coverage = numberOption(values.coverage, 'coverage', 80);
    if (!(coverage > 0 && coverage <= 100))
      throw new AppError('cli.badArguments', { message: '--coverage: give a percentage between 0 and 100' });
    keep = coverageKeep(table, coverage / 100);
  }
  const subset = await chooseSubset(ds, { ...base, segments: { columns, keep }, sample }, { signal, counts });
  const share = keep.reduce((s, k) => s + (table.segments.find((x) => x.key.join('|') === k.join('|'))?.share ?? 0), 0);
  const from = subset.info.fromFile
    ? `, drawn from the whole file (${subset.info.fromFile.stratified ? 'stratified' : 'at random'})`
    : sample
      ? sample.stratified
        ? ', stratified sample'
        : ', random sample'
      : '';
  return {
    subset,
    description: `Subset: ${keep.length} segment(s) of ${values.segments} covering ${(share * 100).toFixed(1)} % of rows; ${subset.info.rows} rows${from}`,
  };
}
