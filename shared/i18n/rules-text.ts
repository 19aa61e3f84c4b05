/**
 * A rule in plain words, in the user's language ("revenue is always quantity × unit_price ×
 * (1 − discount)", "tax is always 10 % of amount, rounded to a whole number", "store_type is
 * Online exactly when delivery_days > 0", "y is always within 0.06 of x"), from the templates of
 * `ui/rules.ts`: the renderer passes vue-i18n's `t`, the CLI `catalogTranslator`. Column names
 * and values are the data's own, never translated; dates are written in their column's own
 * pattern (`2024/4/1`); months and weekdays are named by `Intl`.
 */
import type { Rule, RuleColumn } from '../domain/rules.js';
import { rulesUi } from './ui/rules.js';

export type Translate = (key: string, params?: Record<string, unknown>) => string;
type Formula = Extract<Rule, { kind: 'formula' }>;

const DAY_MS = 86_400_000;

const DATE_TOKEN = /YYYY|MM|M|DD|D|HH|H|mm|ss/g;

/** A date (epoch milliseconds, UTC) written with the column's own pattern (`2024/4/1`, `2024年4月1日`). */
function dateText(v: number, pattern: string): string {
  const d = new Date(v);
  const two = (n: number) => String(n).padStart(2, '0');
  const parts: Record<string, string> = {
    YYYY: String(d.getUTCFullYear()).padStart(4, '0'),
    MM: two(d.getUTCMonth() + 1),
    M: String(d.getUTCMonth() + 1),
    DD: two(d.getUTCDate()),
    D: String(d.getUTCDate()),
    HH: two(d.getUTCHours()),
    H: String(d.getUTCHours()),
    mm: two(d.getUTCMinutes()),
    ss: two(d.getUTCSeconds()),
  };
  return pattern.replace(DATE_TOKEN, (tok) => parts[tok]);
}

function valueText(v: number, col: RuleColumn | undefined): string {
  const pattern = col?.format.date?.pattern;
  if (col?.type === 'date') return pattern ? dateText(v, pattern) : new Date(v).toISOString().slice(0, 10);
  if (col?.type === 'datetime')
    return pattern ? dateText(v, pattern) : new Date(v).toISOString().slice(0, 19).replace('T', ' ');
  const pct = col?.format.number?.percent ? '%' : '';
  return `${Number(v.toFixed(10))}${pct}`;
}

const clean = (v: number) => Number(v.toPrecision(12));

/**
 * `a × k` (`10 % of a` for a factor below 1 that is a whole percentage), `a + k` (in days between
 * dates), `a × k + c`, and `c − a` for a factor of −1 with an offset (`remaining = 100 − used`).
 */
function constantExpression(rule: Formula, t: Translate, date: boolean): string {
  const k = rule.times ?? 1;
  if (k === -1 && rule.plus !== undefined && !date) return `${clean(rule.plus)} − ${rule.a}`;
  const pct = clean(k * 100);
  let text = rule.a;
  if (k > 0 && k < 1 && Number.isInteger(pct)) text = t('rules.percentOf', { pct, a: rule.a });
  else if (k !== 1) text = `${rule.a} × ${k < 0 ? '−' : ''}${clean(Math.abs(k))}`;
  if (rule.plus === undefined) return text;
  const c = date ? t('rules.dayCount', { n: clean(Math.abs(rule.plus) / DAY_MS) }) : clean(Math.abs(rule.plus));
  return `${text} ${rule.plus < 0 ? '−' : '+'} ${c}`;
}

function expression(rule: Formula, t: Translate, date: boolean): string {
  if (rule.times !== undefined || rule.plus !== undefined) return constantExpression(rule, t, date);
  const sym = { product: '×', sum: '+', difference: '−', ratio: '÷' }[rule.op];
  const base = rule.b === null ? rule.a : `${rule.a} ${sym} ${rule.b}`;
  if (rule.days) return `${base} (${t('rules.days')})`;
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
    case 'formula': {
      const target = col(rule.target);
      const date = target?.type === 'date' || target?.type === 'datetime';
      const text = t('rules.formula', { target: rule.target, expr: expression(rule, t, date) });
      // A constant factor's rounding is part of the rule (`tax is always 10 % of amount, rounded to a whole number`).
      if (rule.times === undefined || date) return text;
      return (
        text + (rule.decimals === 0 ? t('rules.roundedWhole') : t('rules.rounded', { step: 10 ** -rule.decimals }))
      );
    }
    case 'near':
      return t('rules.near', { a: rule.a, b: rule.b, within: valueText(rule.within, col(rule.b)) });
    case 'order':
      return t('rules.order', { a: rule.a, b: rule.b, op: rule.strict ? '<' : '≤' });
    case 'threshold':
      return t('rules.threshold', {
        column: rule.column,
        level: rule.level,
        number: rule.number,
        op: rule.inclusive ? (rule.above ? '≥' : '≤') : rule.above ? '>' : '<',
        threshold: valueText(rule.threshold, col(rule.number)),
      });
    case 'function':
      return t('rules.function', { from: rule.from, to: rule.to, count: rule.map.length });
    case 'months': {
      // Each level with its months, in the order the months come (`H1 (April, …); H2 (October, …)`).
      const levels = [...new Set(rule.map.map(([, level]) => level))];
      const list = levels.map((level) => {
        const months = rule.map.filter(([, l]) => l === level).map(([m]) => m);
        return `${level} (${names(months, locale, 'month')})`;
      });
      return t('rules.byMonth', { column: rule.column, date: rule.date, list: list.join('; ') });
    }
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
