/**
 * The exported report: one self-contained HTML page (no scripts, no remote content, charts as
 * inline SVG, system fonts, a print stylesheet for PDF) in the UI's language, titled with the
 * data file's real name. Each section is a module of `sections/`; the report is their list.
 */
import { CSP_REPORT } from './csp.js';
import { esc, section } from './html.js';
import type { ReportInput, Section } from './input.js';
import { CATALOGS } from './labels.js';
import { REPORT_CSS } from './style.js';
import { aboutSection } from './sections/about.js';
import { boundsSection } from './sections/bounds.js';
import { compareSection } from './sections/compare.js';
import { coverageSection } from './sections/coverage.js';
import { curvesSection } from './sections/curves.js';
import { dataSection } from './sections/data.js';
import { loglikSection } from './sections/loglik.js';
import { modelSection } from './sections/model.js';
import { privacySection } from './sections/privacy.js';
import { qualitySection } from './sections/quality.js';
import { rulesSection } from './sections/rules.js';
import { subsetSection } from './sections/subset.js';

/**
 * The sections, in order. Adding one is a module in `sections/` exporting a `Section` and a
 * line here.
 */
export const SECTIONS: readonly Section[] = [
  dataSection,
  subsetSection,
  modelSection,
  boundsSection,
  loglikSection,
  curvesSection,
  compareSection,
  coverageSection,
  qualitySection,
  rulesSection,
  privacySection,
  aboutSection,
];

export function buildReport(input: ReportInput, sections: readonly Section[] = SECTIONS): string {
  const L = CATALOGS[input.locale];
  const ctx = { input, L, locale: input.locale };
  const parts = sections.flatMap((s) => {
    const body = s.render(ctx);
    return body === null ? [] : [{ id: s.id, heading: L[s.heading], body }];
  });
  const nav = parts.map((p) => `<li><a href="#${esc(p.id)}">${esc(p.heading)}</a></li>`).join('');
  const when = input.generatedAt ?? new Date().toISOString();
  return `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP_REPORT)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(L.title)} — ${esc(input.dataName)}</title>
<style>${REPORT_CSS}</style>
</head><body>
<header><h1>${esc(L.title)}: ${esc(input.dataName)}</h1>
<p>${esc(L.created)}: ${esc(when)} · ${esc(L.version)}: ${esc(input.app.version)} · ${esc(L.backend)}: ${esc(input.summary.backend)}</p>
<nav aria-label="${esc(L.contents)}"><ol>${nav}</ol></nav></header>
<main>
${parts.map((p) => section(p.id, p.heading, p.body)).join('\n')}
</main>
</body></html>
`;
}

export { CSP_REPORT } from './csp.js';
export {
  compareModels,
  modelReport,
  type CompareModel,
  type GeneratedRuleCheck,
  type ReportInput,
  type Section,
} from './input.js';
export { CATALOGS, type ReportLocale } from './labels.js';
