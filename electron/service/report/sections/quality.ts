/**
 * Quality of the generated rows: the overall score with its two parts next to the floor and the
 * ceiling and the verdict in words, per-column real against generated distributions (a compact
 * grid), the association heatmaps (real, generated, difference), the pMSE and "train on
 * synthetic, test on real" sentences. The words are the Samples step's quality panel's.
 */
import type { ColumnChart, QualityEvidence, ReferencedScore } from '../../../../shared/domain/quality.js';
import { qualityUi } from '../../../../shared/i18n/ui/quality.js';
import { esc, para, table } from '../html.js';
import type { ReportContext, Section } from '../input.js';
import { fill } from '../labels.js';
import { heatmap, overlaidBars } from '../svg-grid.js';
import { barChart, fmt } from '../svg.js';
import { absentNote } from './evidence-absent.js';

type Words = (typeof qualityUi)['en'];

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}`);

function scores(q: QualityEvidence, W: Words, ctx: ReportContext): string {
  const parts: [string, ReferencedScore][] = [
    [W.overall, q.overall],
    [W.shapes, q.shapes],
    [W.pairs, q.pairs],
  ];
  const bars = parts.flatMap(([label, s]) =>
    (
      [
        [W.model, s.model],
        [W.ceiling, s.ceiling],
        [W.floor, s.floor],
      ] as const
    ).flatMap(([group, v]) => (v === null ? [] : [{ label, group, value: v * 100 }])),
  );
  const { L } = ctx;
  const chart = barChart({ title: L.scoresChart, xLabel: L.part, yLabel: L.percent, dataLabel: L.chartData }, bars, {
    fromZero: true,
  });
  const rows = parts.map(([label, s]) => [label, pct(s.model), pct(s.ceiling), pct(s.floor)]);
  const positions = parts.map(([label, s]) =>
    s.position === null
      ? fill(W.positionNone, { part: label })
      : fill(W.position, { part: label, position: Math.round(s.position * 100) }),
  );
  return (
    para(W.verdict[q.overall.level], 'verdict') +
    chart +
    table(rows, [L.part, W.model, W.ceiling, W.floor]) +
    positions.map((p) => para(p)).join('')
  );
}

function chartLabels(c: ColumnChart): string[] {
  if (c.kind === 'frequencies') return c.otherLabel === null ? c.labels : [...c.labels, c.otherLabel];
  return c.real.map((_, i) => {
    const lo = c.edges[i] ?? 0;
    return c.date ? new Date(lo).toISOString().slice(0, 10) : fmt(lo);
  });
}

function columns(q: QualityEvidence, W: Words, ctx: ReportContext): string {
  const cells = q.columns.map((c) => {
    const metric = c.metric === 'KSComplement' ? W.ks : W.tv;
    const score = fill(W.columnScore, {
      metric,
      score: pct(c.score.model),
      ceiling: pct(c.score.ceiling),
      floor: pct(c.score.floor),
    });
    const chart = overlaidBars(
      { title: fill(W.chartLabel, { column: c.column }), xLabel: W.value, yLabel: W.share, dataLabel: ctx.L.chartData },
      chartLabels(c.chart),
      c.chart.real,
      c.chart.synthetic,
      [W.real, W.synthetic],
    );
    const missing = fill(W.missing, { real: pct(c.missing.real) + ' %', synthetic: pct(c.missing.synthetic) + ' %' });
    return `<div class="chart-cell">${chart}${para(score, 'note')}${para(missing, 'note')}</div>`;
  });
  return `<h3>${esc(W.columns)}</h3><div class="chart-grid">${cells.join('')}</div>`;
}

function associations(q: QualityEvidence, W: Words, ctx: ReportContext): string {
  const a = q.associations;
  if (a.columns.length < 2) return '';
  const map = (title: string, values: (number | null)[][]) =>
    heatmap({ title, xLabel: W.value, yLabel: W.value, dataLabel: ctx.L.chartData }, a.columns, values);
  return (
    `<h3>${esc(W.associations)}</h3>${para(W.associationsHelp, 'note')}<div class="chart-grid">` +
    `${map(W.heatReal, a.real)}${map(W.heatSynthetic, a.synthetic)}${map(W.heatDifference, a.difference)}</div>`
  );
}

function checks(q: QualityEvidence, W: Words): string {
  const p = q.propensity;
  const f = (v: number | null) => (v === null ? '—' : fmt(v));
  const propensity = fill(W.propensity, {
    pmse: f(p.model.pmse),
    expected: f(p.model.expected),
    ratio: f(p.model.ratio),
    ceiling: f(p.ceiling?.ratio ?? null),
    floor: f(p.floor.ratio),
  });
  const t = q.tstr;
  const tstr = t
    ? fill(W.tstr, {
        target: t.target,
        synthetic: f(t.synthetic.score),
        metric: t.metric === 'accuracy' ? W.accuracy : W.r2,
        real: f(t.real.score),
        floor: f(t.floor.score),
        baseline: f(t.baseline.score),
      })
    : W.tstrNone;
  return `<h3>${esc(W.propensityTitle)}</h3>${para(propensity)}<h3>${esc(W.tstrTitle)}</h3>${para(tstr)}`;
}

function footer(q: QualityEvidence, W: Words, ctx: ReportContext): string {
  const kind = q.holdoutKind === 'test' ? W.test : q.holdoutKind === 'validation' ? W.validation : W.none;
  const rows = fill(W.rows, { ...q.rows, kind, seconds: q.seconds.toFixed(1) });
  const skipped = q.skipped.length
    ? para(fill(W.skipped, { list: q.skipped.map((s) => `${s.column} (${W.reasons[s.reason]})`).join(', ') }), 'note')
    : '';
  return para(`${rows} ${fill(ctx.L.evidenceSeed, { seed: q.seed })}`, 'note') + skipped;
}

function render(ctx: ReportContext): string {
  const q = ctx.input.quality;
  if (!q) return absentNote(ctx);
  const W = qualityUi[ctx.locale];
  return (
    para(W.intro, 'note') +
    scores(q, W, ctx) +
    columns(q, W, ctx) +
    associations(q, W, ctx) +
    checks(q, W) +
    footer(q, W, ctx)
  );
}

export const qualitySection: Section = { id: 'quality', heading: 'qualitySection', render };
