/**
 * Per-layer bounds: each layer's BLM bound, as a chart and a table. The chart shows the bound
 * of the model so far on the visible rows (comparable with the model's log-likelihood,
 * METHOD.md §4.1) when the file records it, else each layer's own bound (above the first layer,
 * on the codes of the layer below), and says which.
 */
import type { LayerResult } from '../../../../shared/domain/model.js';
import { formatEstimate } from '../../../../shared/i18n/estimate.js';
import { para, table, type Cell } from '../html.js';
import type { ReportContext, Section } from '../input.js';
import type { Labels } from '../labels.js';
import { barChart, type Bar } from '../svg.js';

function bars(layers: LayerResult[], L: Labels, modelBound: boolean): Bar[] {
  return layers.flatMap((l) => {
    const label = `${L.layer} ${l.layer + 1}`;
    const train = modelBound ? l.modelBound!.train : l.blmTrain;
    const valid = modelBound ? l.modelBound!.valid : l.blmValid;
    const out: Bar[] = [{ label, value: train.value, group: L.train }];
    if (valid) out.push({ label, value: valid.value, group: L.valid });
    return out;
  });
}

function render({ input, L, locale }: ReportContext): string | null {
  const layers = input.summary.layers;
  if (layers.length === 0) return null;
  const modelBound = layers.every((l) => l.modelBound);
  const rows: Cell[][] = layers.map((l) => [
    l.layer + 1,
    l.units,
    l.method,
    l.epochs,
    l.seconds.toFixed(1),
    formatEstimate(l.blmTrain, locale),
    formatEstimate(l.blmValid, locale),
    ...(modelBound ? [formatEstimate(l.modelBound!.train, locale), formatEstimate(l.modelBound!.valid, locale)] : []),
  ]);
  const head = [L.layer, L.units, L.method, L.epochs, L.seconds, L.blmTrain, L.blmValid];
  if (modelBound) head.push(L.modelBoundTrain, L.modelBoundValid);
  const title = modelBound ? L.modelBoundChart : L.boundChart;
  const chart = barChart(
    { title, xLabel: L.layer, yLabel: L.value, dataLabel: L.chartData },
    bars(layers, L, modelBound),
    {
      fromZero: false,
      note: L.axisNote,
    },
  );
  const note = modelBound ? L.modelBoundNote : L.ownBoundNote;
  return `${chart}${table(rows, head)}${para(L.blmNote, 'note')}${para(note, 'note')}`;
}

export const boundsSection: Section = { id: 'bounds', heading: 'bounds', render };
