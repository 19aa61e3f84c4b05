/** Log-likelihood: train, validation and test rows (exact or estimate), fine-tuning, and the gap said in plain words. */
import type { Estimate } from '../../../../shared/domain/model.js';
import { formatEstimate } from '../../../../shared/i18n/estimate.js';
import { para, table, type Cell } from '../html.js';
import type { ReportContext, Section } from '../input.js';
import { fill, type Labels } from '../labels.js';

/** How many times less (or more) likely the unseen test rows are than the training rows, in words. */
export function gapSentence(train: Estimate, test: Estimate | null, L: Labels): string | null {
  if (!test) return null;
  const gap = train.value - test.value;
  if (Math.abs(gap) < 0.01) return L.gapSame;
  const times = Math.exp(Math.abs(gap));
  const shown = times < 100 ? times.toFixed(1) : times < 1e6 ? String(Math.round(times)) : times.toExponential(1);
  return gap > 0 ? fill(L.gapLess, { times: shown, nats: gap.toFixed(2) }) : fill(L.gapMore, { times: shown });
}

function render({ input, L, locale }: ReportContext): string {
  const { summary } = input;
  const ll = summary.logLikelihood;
  const rows: Cell[][] = [
    [L.train, formatEstimate(ll.train, locale)],
    [L.valid, formatEstimate(ll.valid, locale)],
    [L.test, formatEstimate(ll.test, locale)],
  ];
  if (summary.fineTune)
    rows.push([
      L.fineTune,
      `${formatEstimate(summary.fineTune.before, locale)} → ${formatEstimate(summary.fineTune.after, locale)}`,
    ]);
  const sentence = gapSentence(ll.train, ll.test, L);
  return `${table(rows, [L.which, L.figure])}${sentence ? para(sentence, 'verdict') : ''}${para(L.unitsNote, 'note')}`;
}

export const loglikSection: Section = { id: 'loglik', heading: 'loglik', render };
