/** Data summary: the file, its rows, each column with its type and use, histograms of the used columns, rare values. */
import type { DatasetInfo, DataProvenance } from '../../../../shared/domain/data.js';
import type { RareValueSummary } from '../../../data/index.js';
import { facts, para, table } from '../html.js';
import type { ReportContext, Section } from '../input.js';
import { fill, type Labels } from '../labels.js';
import { histogram } from '../svg.js';

function rareText(rare: RareValueSummary, L: Labels): string {
  if (rare.rareMin === null) return L.rareOld;
  if (rare.rareMin <= 1) return L.rareOff;
  const k = rare.rareMin;
  if (rare.columns.length === 0) return fill(L.rareNone, { k });
  const list = rare.columns.map((c) => fill(L.rareColumn, { name: c.name, values: c.values, rows: c.rows })).join('; ');
  return fill(L.rareSome, { k, list });
}

function rowsText(dataset: DatasetInfo | null, L: Labels, provenance?: DataProvenance | null): string {
  if (!dataset) return provenance ? String(provenance.fileRows) : '—';
  return dataset.sampledOnImport ? `${dataset.fileRows} (${dataset.rows} ${L.sampled})` : String(dataset.rows);
}

function columnsTable(dataset: DatasetInfo, L: Labels): string {
  const rows = dataset.columns.map((c) => [
    c.name,
    c.type,
    c.include ? L.yes : c.excludedReason ? fill(L.excluded, { reason: c.excludedReason }) : L.no,
    `${(c.missingRate * 100).toFixed(1)}%`,
    c.distinct,
  ]);
  return table(rows, [L.columnName, L.columnType, L.columnUse, L.columnMissing, L.columnDistinct]);
}

function provenanceTable(provenance: DataProvenance, L: Labels): string {
  const rows = provenance.columns.map((c) => [c.name, c.type, c.include ? L.yes : L.no]);
  return table(rows, [L.columnName, L.columnType, L.columnUse]);
}

function charts(dataset: DatasetInfo, L: Labels): string {
  return dataset.columns
    .filter((c) => c.include && c.chart.bins.length > 0)
    .map((c) =>
      histogram(
        { title: c.name, xLabel: c.name, yLabel: L.rows, dataLabel: L.chartData },
        c.chart.bins.map((b) => ({ label: b.label, count: b.count })),
      ),
    )
    .join('\n');
}

function render({ input, L }: ReportContext): string {
  const { dataset, provenance } = input;
  const used = (dataset?.columns ?? provenance?.columns ?? []).filter((c) => c.include).map((c) => c.name);
  const summary = facts([
    [L.file, input.dataName],
    [L.rows, rowsText(dataset, L, provenance)],
    [L.columns, used.join(', ') || '—'],
    [L.rare, rareText(input.rare, L)],
  ]);
  if (dataset) return `${summary}${columnsTable(dataset, L)}${charts(dataset, L)}`;
  const recorded = provenance ? provenanceTable(provenance, L) : '';
  return `${para(L.noData, 'note')}${summary}${recorded}`;
}

export const dataSection: Section = { id: 'data', heading: 'data', render };
