/**
 * The business rules found in the training rows: each in plain words (the Data step's rules
 * panel's words, `shared/i18n/rules-text.ts`), accepted or turned off by the user, the share of
 * training rows it holds in and its tolerance, and how often it is broken in rows the model
 * generated for the report (0% for every accepted rule: generation keeps them).
 */
import type { FoundRule, RuleViolation } from '../../../../shared/domain/rules.js';
import { catalogTranslator, ruleText } from '../../../../shared/i18n/rules-text.js';
import { para, table, type Cell } from '../html.js';
import type { ReportContext, Section } from '../input.js';
import { fill, type ReportLocale } from '../labels.js';

const percent = (locale: ReportLocale) => (x: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(x);

function trainingCell(r: FoundRule, locale: ReportLocale): string {
  const words = catalogTranslator(locale);
  const count = (x: number) => new Intl.NumberFormat(locale).format(x);
  const share = words('rules.share', { share: percent(locale)(r.rows > 0 ? r.held / r.rows : 1), rows: count(r.rows) });
  return r.tolerance > 0 ? `${share} · ${words('rules.tolerance', { tolerance: r.tolerance })}` : share;
}

function generatedCell(v: RuleViolation | undefined, ctx: ReportContext): string {
  if (!v) return '—';
  const count = (x: number) => new Intl.NumberFormat(ctx.locale).format(x);
  return fill(ctx.L.ruleBroken, {
    rate: percent(ctx.locale)(v.rate),
    violated: count(v.violated),
    rows: count(v.rows),
  });
}

function render(ctx: ReportContext): string {
  const { input, L, locale } = ctx;
  const set = input.rules;
  if (!set || set.rules.length === 0) return para(L.rulesNone, 'note');
  const words = catalogTranslator(locale);
  const off = set.rules.filter((r) => set.off.includes(r.rule.key)).length;
  const intro = para(fill(L.rulesIntro, { total: set.rules.length, kept: set.rules.length - off, off }));
  const checked = input.ruleRows ?? null;
  const byKey = new Map(checked?.violations.map((v) => [v.key, v]) ?? []);
  const rows: Cell[][] = set.rules.map((r) => [
    ruleText(r.rule, words, locale, set.columns),
    set.off.includes(r.rule.key) ? L.ruleOff : L.ruleAccepted,
    trainingCell(r, locale),
    checked ? generatedCell(byKey.get(r.rule.key), ctx) : '—',
  ]);
  const note = checked ? fill(L.rulesGenerated, { rows: checked.rows, seed: checked.seed }) : L.rulesNotMeasured;
  return `${intro}${table(rows, [L.ruleCol, L.ruleStatusCol, L.ruleTrainingCol, L.ruleGeneratedCol])}${para(note, 'note')}`;
}

export const rulesSection: Section = { id: 'rules', heading: 'rulesSection', render };
