/** Per-layer bounds: each layer's BLM bound on training and validation rows, as a chart and a table. */
import { formatEstimate } from '../../../../shared/i18n/estimate.js';
import { para, table } from '../html.js';
import type { ReportContext, Section } from '../input.js';
import { barChart, type Bar } from '../svg.js';

function render({ input, L, locale }: ReportContext): string | null {
  const layers = input.summary.layers;
  if (layers.length === 0) return null;
  const rows = layers.map((l) => [
    l.layer + 1,
    l.units,
    l.method,
    l.epochs,
    l.seconds.toFixed(1),
    formatEstimate(l.blmTrain, locale),
    formatEstimate(l.blmValid, locale),
  ]);
  const head = [L.layer, L.units, L.method, L.epochs, L.seconds, L.blmTrain, L.blmValid];
  const bars: Bar[] = layers.flatMap((l) => {
    const label = `${L.layer} ${l.layer + 1}`;
    const out: Bar[] = [{ label, value: l.blmTrain.value, group: L.train }];
    if (l.blmValid) out.push({ label, value: l.blmValid.value, group: L.valid });
    return out;
  });
  const chart = barChart({ title: L.boundChart, xLabel: L.layer, yLabel: L.value, dataLabel: L.chartData }, bars, {
    fromZero: false,
    note: L.axisNote,
  });
  return `${chart}${table(rows, head)}${para(L.blmNote, 'note')}`;
}

export const boundsSection: Section = { id: 'bounds', heading: 'bounds', render };
