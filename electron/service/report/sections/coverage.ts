/** Coverage of the rest of the data: the rows left out of the subset, how many the model can represent, and their log-likelihood. */
import { formatEstimate } from '../../../../shared/i18n/estimate.js';
import { facts, para } from '../html.js';
import type { ReportContext, Section } from '../input.js';

function render({ input, L, locale }: ReportContext): string | null {
  const { outside } = input.summary;
  if (!outside) return input.subset && input.subset.outside === 0 ? para(L.outsideNone, 'note') : null;
  return `${facts([
    [L.outsideRows, outside.rows],
    [L.represented, outside.represented],
    [L.outsideLl, outside.logLikelihood ? formatEstimate(outside.logLikelihood, locale) : L.outsideNotComputed],
  ])}${para(L.outsideNote, 'note')}`;
}

export const coverageSection: Section = { id: 'coverage', heading: 'coverage', render };
