/**
 * A rule in plain words, in the user's language ("revenue is always quantity × unit_price ×
 * (1 − discount)", "store_type is Online exactly when delivery_days > 0"), from the templates of
 * `ui/rules.ts`: the renderer passes vue-i18n's `t`, the CLI `catalogTranslator`. Column names
 * and values are the data's own, never translated; months and weekdays are named by `Intl`.
 */
import type { Rule, RuleColumn } from '../domain/rules.js';
import { rulesUi } from './ui/rules.js';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

const DAY_MS = 86_400_000;

function valueText(v: number, col: RuleColumn | undefined): string {
  if (col?.type === 'date') return new Date(v).toISOString().slice(0, 10);
  if (col?.type === 'datetime') return new Date(v).toISOString().slice(0, 19).replace('T', ' ');
  const pct = col?.format.number?.percent ? '%' : '';
  return `${Number(v.toFixed(10))}${pct}`;
}

function expression(rule: Extract<Rule, { kind: 'formula' }>, days: string): string {
  const sym = { product: '×', sum: '+', difference: '−', ratio: '÷' }[rule.op];
  const base = rule.b === null ? rule.a : `${rule.a} ${sym} ${rule.b}`;
  if (rule.days) return `${base} (${days})`;
  if (!rule.factor) return base;
  const f = rule.factor;
  const c = f.scale === 1 ? f.column : `${f.column}%`;
  const inner = rule.op === 'sum' || rule.op === 'difference' ? `(${base})` : base;
  return `${inner} × (1 ${f.sign < 0 ? '−' : '+'} ${c})`;
}

function names(values: number[], locale: string, kind: 'month' | 'weekday'): string {
  const fmt = new Intl.DateTimeFormat(
    locale,
    kind === 'month' ? { month: 'long', timeZone: 'UTC' } : { weekday: 'long', timeZone: 'UTC' },
  );
  // 2023-01-01 was a Sunday: weekday d is that day plus d days.
  return values
    .map((v) => fmt.format(kind === 'month' ? Date.UTC(2023, v - 1, 15) : Date.UTC(2023, 0, 1) + v * DAY_MS))
    .join(', ');
}

/** The rule in words; `columns` give the types of the values it names (dates, percentages). */
export function ruleText(rule: Rule, t: Translate, locale: string, columns: readonly RuleColumn[] = []): string {
  const col = (name: string) => columns.find((c) => c.name === name);
  switch (rule.kind) {
    case 'formula':
      return t('rules.formula', { target: rule.target, expr: expression(rule, t('rules.days')) });
    case 'order':
      return t('rules.order', { a: rule.a, b: rule.b, op: rule.strict ? '<' : '≤' });
    case 'threshold':
      return t('rules.threshold', {
        column: rule.column,
        level: rule.level,
        number: rule.number,
        op: rule.above ? '>' : '<',
        threshold: valueText(rule.threshold, col(rule.number)),
      });
    case 'function':
      return t('rules.function', { from: rule.from, to: rule.to, count: rule.map.length });
    case 'pairs':
      return t('rules.pairs', { a: rule.a, b: rule.b, list: rule.forbidden.map(([a, b]) => `${a} & ${b}`).join(', ') });
    case 'range':
      return t('rules.range', {
        column: rule.column,
        min: valueText(rule.min, col(rule.column)),
        max: valueText(rule.max, col(rule.column)),
      });
    case 'calendar': {
      const parts: string[] = [];
      if (rule.months)
        parts.push(
          t('rules.months', {
            column: rule.column,
            months: names(
              rule.months.map(([m]) => m),
              locale,
              'month',
            ),
          }),
        );
      if (rule.weekdays)
        parts.push(
          t('rules.weekdays', {
            column: rule.column,
            days: names(
              rule.weekdays.map(([d]) => d),
              locale,
              'weekday',
            ),
          }),
        );
      return parts.join(t('rules.and'));
    }
  }
}

/** A `Translate` over this catalog alone, for the CLI and tests (`{name}` placeholders). */
export function catalogTranslator(lang: 'en' | 'ja'): Translate {
  const catalog = rulesUi[lang] as Record<string, unknown>;
  return (key, params = {}) => {
    const path = key.replace(/^rules\./, '').split('.');
    let v: unknown = catalog;
    for (const p of path) v = (v as Record<string, unknown> | undefined)?.[p];
    const text = typeof v === 'string' ? v : key;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}
