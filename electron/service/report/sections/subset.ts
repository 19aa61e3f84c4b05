/** Subset and representativeness: segments kept, how rows were drawn, sizes and split, and each column's distance from all rows (in words when the subset is every row). */
import { isEveryRowOfFile, type DatasetInfo, type SubsetInfo } from '../../../../shared/domain/data.js';
import { facts, para, type Cell } from '../html.js';
import type { ReportContext, Section } from '../input.js';
import { fill, type Labels } from '../labels.js';
import { barChart } from '../svg.js';

function subsetFacts(subset: SubsetInfo, dataset: DatasetInfo | null, L: Labels): [Cell, Cell][] {
  const out: [Cell, Cell][] = [];
  const { segments, sample } = subset.spec;
  if (segments) {
    const names = segments.columns.map((c) => dataset?.columns[c]?.name ?? String(c)).join(' × ');
    out.push([L.segments, `${names}: ${segments.keep.map((k) => k.join(' · ')).join(', ')}`]);
  }
  const how = subset.fromFile
    ? `${fill(L.fromFile, { rows: subset.rows, matching: subset.fromFile.matchingRows })}, ${subset.fromFile.stratified ? L.stratified : L.random}`
    : sample
      ? `${sample.rows}, ${sample.stratified && segments ? L.stratified : L.random}`
      : null;
  if (how) out.push([L.sample, how]);
  out.push(
    [L.subsetRows, `${subset.rows} / ${subset.outside}`],
    [L.split, `${subset.train} / ${subset.valid} / ${subset.test}`],
  );
  return out;
}

function representativeness(subset: SubsetInfo, dataset: DatasetInfo | null, L: Labels): string {
  if (subset.representativeness.length === 0) return '';
  // Every row of the file: each column's distance is 0, a chart of nothing; said in words instead.
  if (isEveryRowOfFile(subset, dataset?.sampledOnImport ?? false)) return para(L.representEveryRow, 'note');
  const bars = subset.representativeness.map((d) => ({
    label: d.flagged ? `${d.name} ⚠` : d.name,
    value: d.distance,
  }));
  const chart = barChart(
    { title: L.represent, xLabel: L.columnName, yLabel: L.distance, dataLabel: L.chartData },
    bars,
    {
      fromZero: true,
    },
  );
  return `${chart}${para(L.representNote, 'note')}`;
}

function render({ input, L }: ReportContext): string | null {
  const { subset } = input;
  if (!subset) return null;
  return `${facts(subsetFacts(subset, input.dataset, L))}${representativeness(subset, input.dataset, L)}`;
}

export const subsetSection: Section = { id: 'subset', heading: 'subset', render };
