/**
 * Identifiers by their values, not only their names: a column is a key when its values are
 * (nearly) all different, when they are written like keys — short codes mixing letters and
 * digits in one shape (`N44A1`, `INV-00012`) — or zero-padded numbers (`00123`), with at least
 * half the values distinct. The evidence is shown in the Data step beside the column's role.
 */
import type { IdentifierEvidence } from '../../shared/domain/data.js';

/** At least this many present values before values alone make a column an identifier. */
export const MIN_ID_ROWS = 20;
/** Distinct share above which string values are an identifier whatever their shape. */
export const UNIQUE_SHARE = 0.9;
/** Distinct share above which key-like values (or zero-padded numbers) are an identifier. */
export const KEY_SHARE = 0.5;
/** Share of values that must follow the column's most common key shape. */
const SHAPE_FIT = 0.95;

/** A value's shape: runs of letters → `A`, digits → `9`, other characters kept (`N44A1` → `A9A9`). */
export function keyShape(v: string): string {
  return v.replace(/\p{L}+/gu, 'A').replace(/[0-9]+/g, '9');
}

/** A value that looks like a key: no spaces, at most 24 characters, both letters and digits. */
function keyLike(v: string): boolean {
  return v.length <= 24 && !/\s/.test(v) && /\p{L}/u.test(v) && /[0-9]/.test(v);
}

/** Values of one shape, mixing letters and digits, in at least 95% of the cells; the shape's first example. */
function commonKeyShape(present: readonly string[]): string | null {
  const counts = new Map<string, { n: number; example: string }>();
  for (const v of present) {
    if (!keyLike(v)) continue;
    const s = keyShape(v);
    const c = counts.get(s);
    if (c) c.n++;
    else counts.set(s, { n: 1, example: v });
  }
  let best: { n: number; example: string } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best && best.n >= SHAPE_FIT * present.length ? best.example : null;
}

/**
 * Why a column of text values is an identifier, or null: nearly all values distinct and not
 * free text (`unique`), or key-shaped values with at least half of them distinct (`keyPattern`).
 */
export function textIdentifier(present: readonly string[], distinct: number): IdentifierEvidence | null {
  if (present.length < MIN_ID_ROWS) return null;
  const share = distinct / present.length;
  if (share >= UNIQUE_SHARE) return { kind: 'unique', example: present[0] };
  if (share < KEY_SHARE) return null;
  const example = commonKeyShape(present);
  return example === null ? null : { kind: 'keyPattern', example };
}

/** Whether every value is digits only, all as many as the first value's. */
function digitsOfOneWidth(present: readonly string[]): boolean {
  const width = present[0].length;
  return present.every((v) => v.length === width && /^[0-9]+$/.test(v));
}

/** Near-unique whole numbers are numbered keys only when they span at most this many times their count… */
export const DENSE_SPAN = 20;

/**
 * …or are all written with one number of digits: order numbers 1001, 1002, … (with gaps) and
 * fixed-width customer numbers are keys; populations or amounts in yen, nearly all different
 * too but spread over many orders of magnitude, are measures (vega-datasets' gapminder `pop`,
 * 82,656 to 1.3 billion, was taken for an identifier before this rule).
 */
function numberedKeys(present: readonly string[]): boolean {
  if (digitsOfOneWidth(present)) return true;
  let [min, max] = [Infinity, -Infinity];
  for (const v of present) {
    const x = Number(v);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return max - min <= DENSE_SPAN * present.length;
}

/**
 * Why a column of whole numbers is an identifier, or null: nearly unique (98%, from 50 values)
 * and numbered like keys (above), or written with leading zeros at one width (`00123`) with at
 * least half of them distinct.
 */
export function integerIdentifier(present: readonly string[], distinct: number): IdentifierEvidence | null {
  if (present.length >= 50 && distinct >= 0.98 * present.length && numberedKeys(present))
    return { kind: 'unique', example: present[0] };
  if (present.length < MIN_ID_ROWS || distinct < KEY_SHARE * present.length) return null;
  const width = present[0].length;
  const padded = present.filter((v) => v.length === width && /^0[0-9]+$/.test(v)).length;
  return digitsOfOneWidth(present) && padded > 0
    ? { kind: 'zeroPadded', example: present.find((v) => v.startsWith('0'))! }
    : null;
}
