/**
 * Dates and times as written in business files: ISO (2024-01-05, 2024-01-05T10:30:00),
 * 2024/01/05, 2024/1/5, 05.01.2024, 05/01/2024 (day or month first, asked when ambiguous),
 * 2024年1月5日, with an optional time. A pattern is a string of tokens (YYYY MM M DD D HH H
 * mm ss) and literals; values are epoch milliseconds in UTC (no time zone shifts).
 */

export interface DatePattern {
  pattern: string;
  hasTime: boolean;
}

const TOKEN = /YYYY|MM|M|DD|D|HH|H|mm|ss/g;

function patternRegex(pattern: string): { re: RegExp; order: string[] } {
  const order: string[] = [];
  let src = '';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    src += escape(pattern.slice(last, m.index));
    order.push(m[0]);
    src += m[0] === 'YYYY' ? '(\\d{4})' : m[0].length === 2 ? '(\\d{2})' : '(\\d{1,2})';
    last = (m.index ?? 0) + m[0].length;
  }
  src += escape(pattern.slice(last));
  return { re: new RegExp(`^${src}$`), order };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const cache = new Map<string, { re: RegExp; order: string[] }>();

/** Parses a value with a pattern; NaN when it does not match or is not a real date. */
export function parseDate(value: string, pattern: string): number {
  let compiled = cache.get(pattern);
  if (!compiled) {
    compiled = patternRegex(pattern);
    cache.set(pattern, compiled);
  }
  const m = compiled.re.exec(value.trim());
  if (!m) return NaN;
  let y = 1970;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  compiled.order.forEach((tok, i) => {
    const v = Number(m[i + 1]);
    if (tok === 'YYYY') y = v;
    else if (tok === 'MM' || tok === 'M') mo = v;
    else if (tok === 'DD' || tok === 'D') d = v;
    else if (tok === 'HH' || tok === 'H') h = v;
    else if (tok === 'mm') mi = v;
    else s = v;
  });
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return NaN;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(t);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return NaN;
  return t;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

const formatters = new Map<string, (ms: number) => string>();

/** A formatter for one pattern, compiled once: literal pieces and token writers joined per value. */
export function dateFormatter(pattern: string): (ms: number) => string {
  const known = formatters.get(pattern);
  if (known) return known;
  const pieces: ((t: Date) => string)[] = [];
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    const literal = pattern.slice(last, m.index);
    if (literal) pieces.push(() => literal);
    const tok = m[0];
    pieces.push(
      tok === 'YYYY'
        ? (t) => pad(t.getUTCFullYear(), 4)
        : tok === 'MM'
          ? (t) => pad(t.getUTCMonth() + 1, 2)
          : tok === 'M'
            ? (t) => String(t.getUTCMonth() + 1)
            : tok === 'DD'
              ? (t) => pad(t.getUTCDate(), 2)
              : tok === 'D'
                ? (t) => String(t.getUTCDate())
                : tok === 'HH'
                  ? (t) => pad(t.getUTCHours(), 2)
                  : tok === 'H'
                    ? (t) => String(t.getUTCHours())
                    : tok === 'mm'
                      ? (t) => pad(t.getUTCMinutes(), 2)
                      : (t) => pad(t.getUTCSeconds(), 2),
    );
    last = (m.index ?? 0) + tok.length;
  }
  const tail = pattern.slice(last);
  if (tail) pieces.push(() => tail);
  const f = (ms: number) => {
    const t = new Date(ms);
    let out = '';
    for (const p of pieces) out += p(t);
    return out;
  };
  formatters.set(pattern, f);
  return f;
}

export function formatDate(ms: number, pattern: string): string {
  const t = new Date(ms);
  const parts: Record<string, string> = {
    YYYY: pad(t.getUTCFullYear(), 4),
    MM: pad(t.getUTCMonth() + 1, 2),
    M: String(t.getUTCMonth() + 1),
    DD: pad(t.getUTCDate(), 2),
    D: String(t.getUTCDate()),
    HH: pad(t.getUTCHours(), 2),
    H: String(t.getUTCHours()),
    mm: pad(t.getUTCMinutes(), 2),
    ss: pad(t.getUTCSeconds(), 2),
  };
  return pattern.replace(TOKEN, (tok) => parts[tok]);
}

const DATE_BASES = [
  'YYYY-MM-DD',
  'YYYY/MM/DD',
  'YYYY/M/D',
  'YYYY-M-D',
  'YYYY.MM.DD',
  'YYYY年M月D日',
  'YYYY年MM月DD日',
  'DD.MM.YYYY',
  'D.M.YYYY',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'D/M/YYYY',
  'M/D/YYYY',
  'DD-MM-YYYY',
  'YYYYMMDD',
];
const TIME_SUFFIXES = ['', 'THH:mm:ss', 'THH:mm', ' HH:mm:ss', ' HH:mm', ' H:mm:ss', ' H:mm', 'THH:mm:ssZ'];

export const CANDIDATE_PATTERNS: DatePattern[] = DATE_BASES.flatMap((base) =>
  TIME_SUFFIXES.map((suffix) => ({ pattern: base + suffix.replace('Z', ''), hasTime: suffix !== '' })),
).filter((p) => !(p.pattern.startsWith('YYYYMMDD') && p.hasTime));

/** Whether a pattern puts the month before the day where both are 1–2 digit numbers. */
export const isMonthFirst = (pattern: string): boolean => /^M{1,2}\/D{1,2}\//.test(pattern);
export const isDayFirst = (pattern: string): boolean => /^D{1,2}[/.-]M{1,2}[/.-]/.test(pattern);

/**
 * The patterns that read (almost) all values. When both a day-first and a month-first
 * pattern fit every value, the dates are ambiguous and the caller asks the user.
 */
export function detectDatePattern(
  values: string[],
  dayFirst: boolean | null,
): { pattern: DatePattern | null; ambiguous: boolean } {
  if (values.length === 0) return { pattern: null, ambiguous: false };
  const sample = values.slice(0, 500).map((v) => v.replace(/Z$/, ''));
  const fits = CANDIDATE_PATTERNS.filter((p) => {
    let ok = 0;
    for (const v of sample) if (!Number.isNaN(parseDate(v, p.pattern))) ok++;
    return ok >= 0.95 * sample.length;
  });
  if (fits.length === 0) return { pattern: null, ambiguous: false };
  const dayFirstFits = fits.filter((p) => isDayFirst(p.pattern) && p.pattern.includes('/'));
  const monthFirstFits = fits.filter((p) => isMonthFirst(p.pattern));
  const ambiguous = dayFirstFits.length > 0 && monthFirstFits.length > 0;
  let chosen = fits[0];
  if (ambiguous) chosen = dayFirst === false ? monthFirstFits[0] : dayFirstFits[0];
  // Prefer zero-padded tokens when every value is padded (keeps the output format exact).
  return { pattern: chosen, ambiguous: ambiguous && dayFirst === null };
}
