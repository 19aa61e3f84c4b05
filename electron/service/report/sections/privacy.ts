/**
 * Privacy of the generated rows: the verdict in words, the figures (exact copies, closer to a
 * training row than to a held-out one, median distance and nearest-neighbour ratio) against
 * held-out real rows, the distance-to-closest-record chart, each check with the thresholds
 * used, and what the encoding replaced. The words are the Samples step's privacy panel's.
 */
import type { PrivacyCheck, PrivacyEvidence } from '../../../../shared/domain/privacy.js';
import { privacyUi } from '../../../../shared/i18n/ui/privacy.js';
import { esc, para, table, type Cell } from '../html.js';
import type { ReportContext, Section } from '../input.js';
import type { ReportLocale } from '../labels.js';
import { fill } from '../labels.js';
import { barChart, type Bar } from '../svg.js';
import { absentNote } from './evidence-absent.js';

type Words = (typeof privacyUi)['en'];

const nf = (locale: ReportLocale, o: Intl.NumberFormatOptions) => (x: number) =>
  new Intl.NumberFormat(locale, o).format(x);

function formats(locale: ReportLocale) {
  return {
    pct: nf(locale, { style: 'percent', maximumFractionDigits: 1 }),
    dist: nf(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
    plain: nf(locale, { maximumFractionDigits: 2 }),
  };
}

/** The placeholders of a check's sentence, formatted as the panel formats them. */
function checkParams(c: PrivacyCheck, locale: ReportLocale): Record<string, string> {
  const { pct, dist, plain } = formats(locale);
  const ref = c.reference ?? 0;
  switch (c.id) {
    case 'exactCopies':
      return { value: pct(c.value), reference: pct(ref), good: pct(c.good), caution: pct(c.caution ?? 0) };
    case 'closerShare':
      return { value: pct(c.value), good: pct(c.good), caution: pct(c.caution ?? 0) };
    case 'dcr':
      return { value: dist(c.value), reference: dist(ref), good: plain(c.good) };
    case 'nndr':
      return { value: plain(c.value), reference: plain(ref), good: plain(c.good) };
    case 'identifiers':
      return { value: plain(c.value) };
  }
}

function figures(p: PrivacyEvidence, W: Words, locale: ReportLocale): string {
  const { pct, dist, plain } = formats(locale);
  const rate = (r: { count: number; rows: number; rate: number } | null) =>
    r ? fill(W.countRate, { count: r.count, total: r.rows, rate: pct(r.rate) }) : '—';
  const rows: Cell[][] = [
    [W.exactCopies, rate(p.exactCopies.synthetic), rate(p.exactCopies.holdout)],
    [W.closerShare, p.closerToTraining ? pct(p.closerToTraining.share) : '—', fill(W.ideal, { value: pct(0.5) })],
    [W.dcrMedian, dist(p.dcr.synthetic.p50), p.dcr.holdout ? dist(p.dcr.holdout.p50) : '—'],
    [W.nndrMedian, plain(p.nndr.synthetic.p50), p.nndr.holdout ? plain(p.nndr.holdout.p50) : '—'],
  ];
  return `<h3>${esc(W.figures)}</h3>${table(rows, [W.figureCol, W.generatedCol, W.holdoutCol])}`;
}

function dcrChart(p: PrivacyEvidence, W: Words, ctx: ReportContext): string {
  const { dist } = formats(ctx.locale);
  const { edges, synthetic, holdout } = p.dcr.chart;
  const label = (i: number) => `${dist(edges[i] ?? 0)}–${dist(edges[i + 1] ?? 0)}`;
  const bars: Bar[] = synthetic.flatMap((v, i) => {
    const out: Bar[] = [{ label: label(i), value: v * 100, group: W.generatedCol }];
    if (holdout) out.push({ label: label(i), value: (holdout[i] ?? 0) * 100, group: W.holdoutCol });
    return out;
  });
  const t = { title: W.chartCaption, xLabel: W.binCol, yLabel: '%', dataLabel: ctx.L.chartData };
  return `<h3>${esc(W.chart)}</h3>${barChart(t, bars, { fromZero: true })}${para(W.distanceNote, 'note')}`;
}

function checks(p: PrivacyEvidence, W: Words, ctx: ReportContext): string {
  const rows = p.verdict.checks.map((c) => [W.level[c.level], fill(W.checkText[c.id], checkParams(c, ctx.locale))]);
  return `<h3>${esc(W.checks)}</h3>${table(rows, [ctx.L.level, ctx.L.threshold])}`;
}

function replaced(p: PrivacyEvidence, W: Words): string {
  const ids = p.replaced.identifiers.map((i) =>
    fill(W.identifiers, { name: i.name, real: i.realValues, equal: i.equalToReal, generated: i.generatedValues }),
  );
  const rare = p.replaced.rareValues.map((r) =>
    fill(W.rareValues, { name: r.name, values: r.values, min: p.replaced.rareMin ?? 0, rows: r.rows }),
  );
  const lines = [...ids, ...rare];
  return `<h3>${esc(W.replaced)}</h3>${lines.length ? lines.map((l) => para(l)).join('') : para(W.noneReplaced)}`;
}

function render(ctx: ReportContext): string {
  const p = ctx.input.privacy;
  if (!p) return absentNote(ctx);
  const W = privacyUi[ctx.locale];
  const verdict = `${W.level[p.verdict.level]}: ${W.verdict[p.verdict.level]}`;
  const about = fill(W.about, {
    rows: p.sample.synthetic.of,
    seed: ctx.input.privacySeed ?? '—',
    training: p.sample.training.of,
    holdout: p.sample.holdout.of,
  });
  const noHoldout = p.closerToTraining === null ? para(W.noHoldout, 'note') : '';
  return (
    para(W.intro, 'note') +
    para(verdict, 'verdict') +
    para(about, 'note') +
    noHoldout +
    figures(p, W, ctx.locale) +
    dcrChart(p, W, ctx) +
    checks(p, W, ctx) +
    replaced(p, W)
  );
}

export const privacySection: Section = { id: 'privacy', heading: 'privacySection', render };
