/**
 * Numbers as business CSVs write them: thousands separators, decimal commas, currency signs
 * (￥ ¥ $ € £, 円), percentages, full-width digits, negatives in parentheses or with a minus
 * sign. Detects a column's style, parses values with it, and writes values back the same way.
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
}

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
  if (!/^[0-9][0-9.,' ]*$/.test(t) && !/^[.,][0-9]+$/.test(t)) return null;
  return { negative, body: t, currency, currencyPosition, percent, parens, fullWidth };
}

/** Guesses decimal mark and thousands separator from many values of one column. */
export function detectSeparators(bodies: string[]): { decimalMark: '.' | ','; thousands: NumberFormat['thousands'] } {
  let commaThousands = 0;
  let dotThousands = 0;
  let commaDecimal = 0;
  let dotDecimal = 0;
  let spaceThousands = 0;
  let apostrophe = 0;
  for (const b of bodies) {
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(b)) commaThousands++;
    else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(b)) dotThousands++;
    else if (/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(b)) spaceThousands++;
    else if (/^\d{1,3}('\d{3})+(\.\d+)?$/.test(b)) apostrophe++;
    if (/^\d*,\d+$/.test(b) && !/^\d{1,3},\d{3}$/.test(b)) commaDecimal++;
    if (/^\d*\.\d+$/.test(b) && !/^\d{1,3}\.\d{3}$/.test(b)) dotDecimal++;
    if (/\.\d{3},\d+$/.test(b)) commaDecimal++;
    if (/,\d{3}\.\d+$/.test(b)) dotDecimal++;
  }
  if (commaDecimal > dotDecimal)
    return { decimalMark: ',', thousands: dotThousands > 0 ? '.' : spaceThousands > 0 ? ' ' : '' };
  if (dotThousands > commaThousands && commaDecimal >= dotDecimal && dotDecimal === 0)
    return { decimalMark: ',', thousands: '.' };
  return {
    decimalMark: '.',
    thousands: commaThousands > 0 ? ',' : spaceThousands > 0 ? ' ' : apostrophe > 0 ? "'" : '',
  };
}

const PLAIN_DOT = /^-?\d+(\.\d+)?$/;
const PLAIN_COMMA = /^-?\d+(,\d+)?$/;

/** Parses a cell with a known decimal mark; NaN when it is not a number. Percentages stay as written (12% -> 12). */
export function parseNumber(raw: string, decimalMark: '.' | ','): number {
  // Fast path for the common case: a plain number with no sign, separators or symbols.
  if (decimalMark === '.' ? PLAIN_DOT.test(raw) : PLAIN_COMMA.test(raw))
    return Number(decimalMark === '.' ? raw : raw.replace(',', '.'));
  const p = numberParts(raw);
  if (!p) return NaN;
  let body = p.body.replace(/[ ']/g, '');
  if (decimalMark === ',') body = body.replace(/\./g, '').replace(',', '.');
  else body = body.replace(/,/g, '');
  if (!/^\d*\.?\d+$|^\d+\.$/.test(body)) return NaN;
  const v = Number(body);
  return p.negative ? -v : v;
}

/** Decimals written in a cell's body, given the column's decimal mark. */
export function decimalsOf(raw: string, decimalMark: '.' | ','): number {
  const p = numberParts(raw);
  if (!p) return 0;
  const i = p.body.lastIndexOf(decimalMark);
  return i < 0 ? 0 : p.body.length - i - 1;
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
