/** Model comparison: every model of the project with its size, method, figures and quality score, and a chart of their test log-likelihoods. */
import type { Estimate } from '../../../../shared/domain/model.js';
import { formatEstimate } from '../../../../shared/i18n/estimate.js';
import { para, table } from '../html.js';
import type { CompareModel, ReportContext, Section } from '../input.js';
import type { Labels } from '../labels.js';
import { barChart } from '../svg.js';

/** The figure a model is compared on: test rows, else validation rows. */
function figureOf(m: CompareModel): Estimate | null {
  return m.summary.logLikelihood.test ?? m.summary.logLikelihood.valid;
}

function nameOf(m: CompareModel, L: Labels): string {
  return m.current ? `${m.name} ${L.selected}` : m.name;
}

function render({ input, L, locale }: ReportContext): string | null {
  const models = input.models ?? [];
  if (models.length < 2) return null;
  const rows = models.map((m) => [
    nameOf(m, L),
    m.config.layers.map((l) => l.units).join('-'),
    [...new Set(m.config.layers.map((l) => l.method))].join(', '),
    formatEstimate(m.summary.logLikelihood.valid, locale),
    formatEstimate(m.summary.logLikelihood.test, locale),
    m.quality ? `${m.quality.score.toFixed(1)}%` : '—',
  ]);
  const head = [L.modelName, L.layers, L.method, L.valid, L.test, L.quality];
  const bars = models.flatMap((m) => {
    const f = figureOf(m);
    return f ? [{ label: m.name, value: f.value }] : [];
  });
  const chart =
    bars.length > 0
      ? barChart({ title: L.compareChart, xLabel: L.modelName, yLabel: L.value, dataLabel: L.chartData }, bars, {
          fromZero: false,
          note: L.axisNote,
        })
      : '';
  return `${table(rows, head)}${chart}${para(L.compareNote, 'note')}`;
}

export const compareSection: Section = { id: 'compare', heading: 'compare', render };
