/**
 * Column type inference: for one column's cells, decide what a person would call it —
 * boolean, date, datetime, integer, numeric, identifier, free text or categorical — and how
 * it is written (number style, date pattern, yes/no tokens), so values parse now and
 * generated values are written back the same way.
 */
import type {
  ColumnFormat,
  ColumnType,
  ExclusionReason,
  IdentifierEvidence,
  NumberFormat,
} from '../../shared/domain/data.js';
import { booleanPair } from './booleans.js';
import { detectDatePattern } from './dates.js';
import { integerIdentifier, textIdentifier } from './identifiers.js';
import { decimalsOf, detectSeparators, numberParts, parseNumber, type DecimalMark } from './numbers.js';

export interface ColumnAnalysis {
  type: ColumnType;
  format: ColumnFormat;
  missing: number;
  distinct: number;
  excludedReason: ExclusionReason | null;
  ambiguousDate: boolean;
  /** For a number column, how its decimal mark was chosen (see `NumberReading`); null otherwise. */
  numberReading: NumberReading | null;
  /** Why the values make the column an identifier (see `identifiers.ts`); null otherwise. */
  identifierEvidence: IdentifierEvidence | null;
}

/** How a number column's decimal mark was chosen. */
export interface NumberReading {
  mark: DecimalMark;
  /** The values decided it (e.g. `12,75` can only be a decimal comma): evidence for the file's other columns. */
  decided: boolean;
  /** Every value reads both ways and some differ (`1,234`): the hint decided; `example` is such a value. */
  ambiguous: boolean;
  example: string;
}

/** Currencies written without decimals: a comma after them is a thousands separator. */
const NO_DECIMALS_CURRENCY = new Set(['￥', '¥', '円', 'JPY']);

const FIT = 0.95;

export function isMissing(value: string, missing: Set<string>): boolean {
  return missing.has(value.trim());
}

/**
 * The number style of a column from its cells (or null if fewer than 95 % read as numbers).
 * `hint` is the decimal mark to assume when the values read either way (`1,234`); a yen
 * currency overrides it (yen have no decimals).
 */
export function detectNumberFormat(
  cells: string[],
  hint: DecimalMark | null = null,
): { format: NumberFormat; parsed: number; integer: boolean; reading: NumberReading } | null {
  const sample = cells.length > 5000 ? cells.filter((_, i) => i % Math.ceil(cells.length / 5000) === 0) : cells;
  const parts = sample.map(numberParts);
  const ok = parts.filter((p) => p !== null);
  if (ok.length < FIT * sample.length || ok.length === 0) return null;
  const currencies = new Map<string, number>();
  for (const p of ok) if (p.currency) currencies.set(p.currency, (currencies.get(p.currency) ?? 0) + 1);
  const currency = [...currencies.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const yen = NO_DECIMALS_CURRENCY.has(currency);
  const seps = detectSeparators(
    ok.map((p) => p.body),
    yen ? '.' : hint,
  );
  const { decimalMark, thousands } = seps;
  let parsed = 0;
  let integer = true;
  let decimals = 0;
  let percent = 0;
  let parens = 0;
  let fullWidth = 0;
  let suffix = 0;
  sample.forEach((cell, i) => {
    const v = parseNumber(cell, decimalMark);
    if (Number.isNaN(v)) return;
    parsed++;
    const d = decimalsOf(cell, decimalMark);
    decimals = Math.max(decimals, d);
    if (d > 0) integer = false;
    const p = parts[i]!;
    if (p.currencyPosition === 'suffix' && p.currency) suffix++;
    if (p.percent) percent++;
    if (p.parens) parens++;
    if (p.fullWidth) fullWidth++;
  });
  if (parsed < FIT * sample.length) return null;
  return {
    format: {
      decimals: Math.min(decimals, 8),
      decimalMark,
      thousands,
      currency,
      currencyPosition: suffix > (currencies.get(currency) ?? 0) / 2 ? 'suffix' : 'prefix',
      percent: percent > parsed / 2,
      parensNegative: parens > 0,
      fullWidth: fullWidth > parsed / 2,
    },
    parsed,
    integer: integer && decimals === 0,
    reading: { mark: decimalMark, decided: seps.decided, ambiguous: seps.ambiguous && !yen, example: seps.example },
  };
}

/**
 * A column's type and format from its cells. `decimalHint` is the decimal mark to assume for
 * numbers that read either way (`1,234`), from the rest of the file (see dataset.ts).
 */
export function analyzeColumn(
  cells: string[],
  missingTokens: Set<string>,
  dayFirst: boolean | null,
  decimalHint: DecimalMark | null = null,
): ColumnAnalysis {
  const present: string[] = [];
  let missing = 0;
  for (const c of cells) {
    if (isMissing(c, missingTokens)) missing++;
    else present.push(c.trim());
  }
  const distinctSet = new Set(present);
  const distinct = distinctSet.size;
  const base = { missing, distinct, ambiguousDate: false, numberReading: null, identifierEvidence: null };
  if (present.length === 0) return { ...base, type: 'categorical', format: {}, excludedReason: 'all-missing' };
  const constant = distinct === 1 ? ('constant' as const) : null;

  const pair = booleanPair(distinctSet);
  if (pair) return { ...base, type: 'boolean', format: { boolean: pair }, excludedReason: constant };

  const unique: string[] = [];
  for (const v of distinctSet) {
    unique.push(v);
    if (unique.length >= 500) break;
  }
  const date = detectDatePattern(unique, dayFirst);
  if (date.pattern) {
    return {
      ...base,
      type: date.pattern.hasTime ? 'datetime' : 'date',
      format: { date: { pattern: date.pattern.pattern } },
      excludedReason: constant,
      ambiguousDate: date.ambiguous,
    };
  }

  const num = detectNumberFormat(present, decimalHint);
  if (num) {
    const plainInteger = num.integer && !num.format.currency && !num.format.percent;
    const evidence = plainInteger && !num.format.thousands ? integerIdentifier(present, distinct) : null;
    if (evidence) {
      return {
        ...base,
        type: 'identifier',
        format: { number: num.format },
        excludedReason: 'identifier',
        numberReading: num.reading,
        identifierEvidence: evidence,
      };
    }
    return {
      ...base,
      type: plainInteger ? 'integer' : 'numeric',
      format: { number: num.format },
      excludedReason: constant,
      numberReading: num.reading,
    };
  }

  const avgLength = present.reduce((s, v) => s + v.length, 0) / present.length;
  const withSpaces = present.filter((v) => /\s/.test(v)).length / present.length;
  const ratio = distinct / present.length;
  if (present.length >= 20 && ratio >= 0.9 && (avgLength > 30 || withSpaces > 0.5))
    return { ...base, type: 'text', format: {}, excludedReason: 'text' };
  const evidence = textIdentifier(present, distinct);
  if (evidence)
    return { ...base, type: 'identifier', format: {}, excludedReason: 'identifier', identifierEvidence: evidence };
  // Many different multi-word values (names, descriptions): labels, not categories.
  if ((avgLength > 40 && ratio > 0.5) || (distinct > 50 && ratio >= 0.5 && withSpaces > 0.5))
    return { ...base, type: 'text', format: {}, excludedReason: 'text' };
  return { ...base, type: 'categorical', format: {}, excludedReason: constant };
}

/**
 * The format a column needs when the user overrides its type (e.g. integer -> categorical
 * needs none; categorical -> numeric needs a number style detected from the cells).
 */
export function formatForType(
  type: ColumnType,
  cells: string[],
  missingTokens: Set<string>,
  dayFirst: boolean | null,
  current: ColumnFormat,
  decimalHint: DecimalMark | null = null,
): ColumnFormat {
  const present = cells.filter((c) => !isMissing(c, missingTokens)).map((c) => c.trim());
  if ((type === 'numeric' || type === 'integer') && !current.number) {
    const num = detectNumberFormat(present, decimalHint);
    return {
      number: num?.format ?? {
        decimals: type === 'integer' ? 0 : 2,
        decimalMark: decimalHint ?? '.',
        thousands: '',
        currency: '',
        currencyPosition: 'prefix',
        percent: false,
        parensNegative: false,
        fullWidth: false,
      },
    };
  }
  if ((type === 'date' || type === 'datetime') && !current.date) {
    const d = detectDatePattern([...new Set(present)], dayFirst);
    return { date: { pattern: d.pattern?.pattern ?? (type === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:mm:ss') } };
  }
  if (type === 'boolean' && !current.boolean) {
    const pair = booleanPair(new Set(present));
    return { boolean: pair ?? { trueToken: 'true', falseToken: 'false' } };
  }
  return current;
}
