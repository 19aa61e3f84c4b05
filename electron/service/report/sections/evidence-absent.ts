/** What the quality and privacy sections say when their evidence is absent: why, in the report's language. */
import type { ReportContext } from '../input.js';
import { fill } from '../labels.js';
import { para } from '../html.js';

export function absentNote({ input, L }: ReportContext): string {
  const why = input.evidenceAbsent;
  if (why?.reason === 'noRealRows') return para(L.evidenceNoRealRows, 'pending');
  if (why?.reason === 'failed') return para(fill(L.evidenceFailed, { reason: why.message }), 'pending');
  return para(L.evidenceNotComputed, 'pending');
}
