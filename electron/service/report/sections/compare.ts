/**
 * Model comparison: every model of the project with its size, method, figures and quality score,
 * a chart of their test log-likelihoods, and the verdict AERIes against stacked RBMs.
 */
import type { Estimate } from '../../../../shared/domain/model.js';
import { formatEstimate } from '../../../../shared/i18n/estimate.js';
import { verdictOf } from '../../../../shared/domain/compare-verdict.js';
import { compareUi } from '../../../../shared/i18n/ui/compare.js';
import { formatNumber } from '../../../../shared/i18n/estimate.js';
import { para, table } from '../html.js';
import type { CompareModel, ReportContext, Section } from '../input.js';
import { fill, type Labels, type ReportLocale } from '../labels.js';
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
  return `${verdictOfModels(models, locale)}${table(rows, head)}${chart}${para(L.compareNote, 'note')}`;
}

/** The verdict AERIes against stacked RBMs, as the Train step's comparison says it (nothing without both kinds). */
export function verdictOfModels(models: CompareModel[], locale: ReportLocale): string {
  const v = verdictOf(models, models.find((m) => m.current)?.id ?? null);
  if (!v) return '';
  const W = compareUi[locale].verdict;
  const names = { aeries: v.aeries, rbm: v.rbm };
  const text =
    v.kind === 'noValid'
      ? fill(W.noValid, { ...names, model: v.missing })
      : v.kind === 'differentData'
        ? fill(W.differentData, names)
        : fill(W[v.kind], { ...names, nats: formatNumber(v.nats, 3, locale) });
  return para(text, 'verdict') + (v.several ? para(W.best, 'note') : '');
}

export const compareSection: Section = { id: 'compare', heading: 'compare', render };
