/** Per-column charts for the Data step: a histogram for numbers and dates, top categories otherwise. */
import type { ColumnChart, ColumnFormat, ColumnType } from '../../shared/domain/data.js';
import { formatDate } from './dates.js';
import { formatNumber } from './numbers.js';
import type { TypedColumn } from './typed.js';

const BINS = 12;
const TOP = 8;

export function valueLabel(v: number, type: ColumnType, format: ColumnFormat): string {
  if (type === 'date' || type === 'datetime')
    return formatDate(v, type === 'date' ? (format.date?.pattern ?? 'YYYY-MM-DD') : 'YYYY-MM-DD HH:mm');
  const f = format.number;
  return f ? formatNumber(v, { ...f, decimals: Math.min(f.decimals, 2) }) : String(Math.round(v * 100) / 100);
}

export function columnRange(values: Float64Array): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : null;
}

export function columnChart(typed: TypedColumn, type: ColumnType, format: ColumnFormat): ColumnChart {
  if (typed.kind === 'level') {
    const bins = typed.levels.slice(0, TOP).map((label, i) => ({ label, count: typed.counts[i] }));
    const other = typed.counts.slice(TOP).reduce((a, b) => a + b, 0);
    return { kind: 'categories', bins, other };
  }
  const range = columnRange(typed.values);
  if (!range) return { kind: 'histogram', bins: [], other: 0 };
  const { min, max } = range;
  const width = (max - min) / BINS || 1;
  const counts = new Array<number>(max === min ? 1 : BINS).fill(0);
  for (const v of typed.values) {
    if (Number.isNaN(v)) continue;
    counts[Math.min(counts.length - 1, Math.floor((v - min) / width))]++;
  }
  return {
    kind: 'histogram',
    bins: counts.map((count, i) => ({ label: valueLabel(min + i * width, type, format), count })),
    other: 0,
  };
}
