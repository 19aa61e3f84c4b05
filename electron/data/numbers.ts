/**
 * Numbers as business CSVs write them: thousands separators, decimal commas, currency signs
 * (￥ ¥ $ € £, 円), percentages, full-width digits, negatives in parentheses or with a minus
 * sign, scientific notation (`1e+05`, `2.5E-3`). Detects a column's style, parses values with it, and writes values back the same way.
 */
import type { NumberFormat } from '../../shared/domain/data.js';

const CURRENCY_PREFIX = /^([￥¥$€£]|US\$|JPY|EUR|USD)\s?/;
const CURRENCY_SUFFIX = /\s?(円|€|EUR|JPY|USD)$/;

/** Full-width digits and signs to ASCII; trims. */
export function normalizeDigits(raw: string): { text: string; fullWidth: boolean } {
  let fullWidth = false;
  const text = raw
    .trim()
    .replace(/[０-９．，－＋（）％]/g, (c) => {
      fullWidth = true;
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    })
    .replace(/[−–]/g, '-')
    .replace(/\u00a0|\u202f/g, ' ');
  return { text, fullWidth };
}

interface Parts {
  negative: boolean;
  body: string;
  currency: string;
  currencyPosition: 'prefix' | 'suffix';
  percent: boolean;
  parens: boolean;
  fullWidth: boolean;
  /** Power of ten written after the digits (`1.5e+03`: 3); 0 when none. */
  exponent: number;
}

const EXPONENT = /^(.*[0-9])[eE]([+-]?[0-9]{1,3})$/;

/** Splits a cell into sign, currency, percent and the digit body; null when it is not number-like. */
export function numberParts(raw: string): Parts | null {
  const { text, fullWidth } = normalizeDigits(raw);
  if (text === '') return null;
  let t = text;
  let negative = false;
  let parens = false;
  if (/^\(.*\)$/.test(t)) {
    parens = true;
    negative = true;
    t = t.slice(1, -1).trim();
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1).trim();
  } else if (t.startsWith('+')) t = t.slice(1).trim();
  let currency = '';
  let currencyPosition: 'prefix' | 'suffix' = 'prefix';
  const pre = CURRENCY_PREFIX.exec(t);
  if (pre) {
    currency = pre[1];
    t = t.slice(pre[0].length);
  } else {
    const suf = CURRENCY_SUFFIX.exec(t);
    if (suf) {
      currency = suf[1];
      currencyPosition = 'suffix';
      t = t.slice(0, t.length - suf[0].length);
    }
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1);
  }
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  let exponent = 0;
  const e = EXPONENT.exec(t);
  if (e) {
    exponent = Number(e[2]);
    t = e[1];
  }
  if (!/^[0-9][0-9.,' ]*$/.test(t) && !/^[.,][0-9]+$/.test(t)) return null;
  return { negative, body: t, currency, currencyPosition, percent, parens, fullWidth, exponent };
}

export type DecimalMark = '.' | ',';
type Thousands = NumberFormat['thousands'];

/** Thousands separators that go with each decimal mark. */
const SEPARATORS: Record<DecimalMark, Exclude<Thousands, ''>[]> = { '.': [',', ' ', "'"], ',': ['.', ' ', "'"] };

const escape = (c: string) => (c === '.' ? '\\.' : c);
/** A body with a decimal mark and no grouping: `12`, `12,75`, `,5`, `12.` */
const PLAIN: Record<DecimalMark, RegExp> = { '.': /^(\d+(\.\d*)?|\.\d+)$/, ',': /^(\d+(,\d*)?|,\d+)$/ };
/**
 * A grouped body: the first group 1-3 digits not starting with 0 (`0,383` is never a thousands
 * group), then groups of exactly three digits with one separator throughout (`1,234,567`).
 */
const GROUPED: Record<DecimalMark, { sep: Exclude<Thousands, ''>; re: RegExp }[]> = {
  '.': SEPARATORS['.'].map((sep) => ({ sep, re: new RegExp(`^[1-9]\\d{0,2}(${escape(sep)}\\d{3})+(\\.\\d+)?$`) })),
  ',': SEPARATORS[','].map((sep) => ({ sep, re: new RegExp(`^[1-9]\\d{0,2}(${escape(sep)}\\d{3})+(,\\d+)?$`) })),
};

/**
 * How a number's digit body (see `numberParts`) reads with a decimal mark: the thousands
 * separator it uses ('' for none), or null when it cannot be read that way (`12,75` with a
 * decimal point, `1.234,5` with a decimal point, `1,23,456` with either).
 */
export function bodyReading(body: string, mark: DecimalMark): Thousands | null {
  if (PLAIN[mark].test(body)) return '';
  for (const g of GROUPED[mark]) if (g.re.test(body)) return g.sep;
  return null;
}

/** How a column's number bodies read with one decimal mark: the separator used most, and how many read. */
function readingOf(bodies: string[], mark: DecimalMark): { thousands: Thousands; valid: number } {
  const counts = new Map<Thousands, number>();
  for (const b of bodies) {
    const t = bodyReading(b, mark);
    if (t !== null) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let thousands: Thousands = '';
  let most = 0;
  for (const sep of SEPARATORS[mark]) {
    const n = counts.get(sep) ?? 0;
    if (n > most) [thousands, most] = [sep, n];
  }
  return { thousands, valid: (counts.get('') ?? 0) + most };
}

export interface Separators {
  decimalMark: DecimalMark;
  thousands: Thousands;
  /** Every value reads with either mark and some read as different numbers (`1,234`): the hint decided. */
  ambiguous: boolean;
  /** The values themselves decided the mark (one reading leaves more of them unreadable). */
  decided: boolean;
  /** An ambiguous value, as written, when `ambiguous`. */
  example: string;
}

/**
 * The decimal mark and thousands separator of a column, from all its number bodies: each mark
 * is tried with the column's most used separator, and the reading that leaves fewer values
 * unreadable wins. When both read every value and some differ (only `1,234`-like values), the
 * column is ambiguous and `hint` (what the rest of the file suggests; default a decimal point)
 * decides.
 */
export function detectSeparators(bodies: string[], hint: DecimalMark | null = null): Separators {
  const dot = readingOf(bodies, '.');
  const comma = readingOf(bodies, ',');
  if (dot.valid !== comma.valid) {
    const decimalMark = dot.valid > comma.valid ? '.' : ',';
    const thousands = (decimalMark === '.' ? dot : comma).thousands;
    return { decimalMark, thousands, ambiguous: false, decided: true, example: '' };
  }
  // A value readable both ways whose '.' or ',' is a decimal mark one way and a separator the other.
  const example =
    bodies.find((b) => /[.,]/.test(b) && bodyReading(b, '.') !== null && bodyReading(b, ',') !== null) ?? '';
  const decimalMark = hint ?? '.';
  return {
    decimalMark,
    thousands: (decimalMark === '.' ? dot : comma).thousands,
    ambiguous: example !== '',
    decided: false,
    example,
  };
}

const PLAIN_DOT = /^-?\d+(\.\d+)?$/;
const PLAIN_COMMA = /^-?\d+(,\d+)?$/;

/**
 * Parses a cell with a known decimal mark; NaN when it is not a number, or when its separators
 * do not fit the mark (`0,383` with a decimal point: a thousands group never starts with 0 and
 * has three digits). Percentages stay as written (12% -> 12).
 */
export function parseNumber(raw: string, decimalMark: DecimalMark): number {
  // Fast path for the common case: a plain number with no sign, separators or symbols.
  if (decimalMark === '.' ? PLAIN_DOT.test(raw) : PLAIN_COMMA.test(raw))
    return Number(decimalMark === '.' ? raw : raw.replace(',', '.'));
  const p = numberParts(raw);
  if (!p) return NaN;
  const thousands = bodyReading(p.body, decimalMark);
  if (thousands === null) return NaN;
  let body = thousands ? p.body.split(thousands).join('') : p.body;
  if (decimalMark === ',') body = body.replace(',', '.');
  const v = Number(p.exponent ? `${body}e${p.exponent}` : body);
  if (Number.isNaN(v)) return NaN;
  return p.negative ? -v : v;
}

/** Decimals a cell's value has, given the column's decimal mark (`2.5E-3`: 4, `1e+05`: 0). */
export function decimalsOf(raw: string, decimalMark: DecimalMark): number {
  const p = numberParts(raw);
  if (!p) return 0;
  const i = p.body.lastIndexOf(decimalMark);
  return Math.max(0, (i < 0 ? 0 : p.body.length - i - 1) - p.exponent);
}

/** A formatter for one number style; plain styles (no separators or symbols) take a fast path. */
export function numberFormatter(f: NumberFormat): (value: number) => string {
  const plain = !f.thousands && !f.percent && !f.currency && !f.parensNegative && !f.fullWidth;
  if (!plain) return (v) => formatNumber(v, f);
  const d = f.decimals;
  const comma = f.decimalMark === ',';
  return (v) => {
    let s = v.toFixed(d);
    if (s.charCodeAt(0) === 45 && Number(s) === 0) s = s.slice(1);
    return comma && d > 0 ? s.replace('.', ',') : s;
  };
}

export function formatNumber(value: number, f: NumberFormat): string {
  const negative = value < 0;
  const abs = Math.abs(value);
  const fixed = abs.toFixed(f.decimals);
  const [whole, frac] = fixed.split('.');
  let int = whole;
  if (f.thousands) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, f.thousands);
  let body = frac !== undefined ? `${int}${f.decimalMark}${frac}` : int;
  if (f.percent) body += '%';
  if (f.currency) body = f.currencyPosition === 'prefix' ? `${f.currency}${body}` : `${body}${f.currency}`;
  if (negative && Number(fixed) !== 0) body = f.parensNegative ? `(${body})` : `-${body}`;
  if (f.fullWidth) body = body.replace(/[0-9.,\-%()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return body;
}
