/**
 * Three kinds of rule on small seeded tables: a constant factor or offset (`tax = 10 % of
 * amount`, `km = miles × 1.609`, `due = invoiced + 30 days`), a near-equality (a stone's `y`
 * within a small band of its `x`), a threshold on a date (`after_launch ⇔ date ≥ 2024/4/1`) and
 * a category that follows a date's month (a fiscal half):
 * each found with its constant, band or date and said in plain words (English and Japanese),
 * each refused when it holds in only most rows.
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../shared/domain/rules.js';
import { catalogTranslator, ruleText } from '../../../shared/i18n/rules-text.js';
import { detectRules } from './detect.js';
import { simplest } from './constants.js';
import { DAY, find, int, iso, seededTables } from './test/tables.js';

const table = seededTables();
const en = catalogTranslator('en');
const ja = catalogTranslator('ja');

/** A diamonds-like table: round stones whose width `y` is their length `x` within 0.06 mm. */
const stones = (broken: (i: number) => boolean) =>
  table('carat,x,y,z', 400, (rng, i) => {
    const x = int(rng, 380, 900) / 100;
    const y = x + (broken(i) ? 0.5 : int(rng, -6, 6) / 100);
    return [(x ** 3 / 90).toFixed(2), x.toFixed(2), y.toFixed(2), (x * 0.6 + int(rng, -5, 5) / 100).toFixed(2)];
  });

describe('constant factors and offsets', () => {
  it('finds a tax rate, a price with tax, a unit conversion and a due date, each to its rounding', async () => {
    const t0 = Date.UTC(2024, 0, 1);
    const ds = await table('amount,tax,price,price_incl,miles,km,invoiced,due', 300, (rng) => {
      const amount = int(rng, 20, 999) * 5; // not near-unique: an identifier is left out
      const price = int(rng, 100, 99_999) / 100;
      const miles = int(rng, 10, 5000) / 10;
      const d = t0 + int(rng, 0, 300) * DAY;
      const [tax, incl, km] = [Math.round(amount * 0.1), Math.round(price * 110) / 100, Math.round(miles * 16.09) / 10];
      return [
        amount,
        tax,
        price.toFixed(2),
        incl.toFixed(2),
        miles.toFixed(1),
        km.toFixed(1),
        iso(d),
        iso(d + 30 * DAY),
      ];
    });
    const set = detectRules(ds, null);
    const rule = (key: string) => find(set.rules, key)?.rule as Extract<Rule, { kind: 'formula' }>;
    expect(rule('formula:tax')).toMatchObject({ a: 'amount', b: null, times: 0.1, decimals: 0 });
    expect(rule('formula:price_incl')).toMatchObject({ a: 'price', times: 1.1, decimals: 2 });
    expect(rule('formula:km')).toMatchObject({ a: 'miles', times: 1.609, decimals: 1 });
    expect(rule('formula:due')).toMatchObject({ a: 'invoiced', plus: 30 * DAY });
    // One direction only: amount is not also given as tax × 10.
    expect(find(set.rules, 'formula:amount')).toBeUndefined();
    expect(find(set.rules, 'formula:tax')).toMatchObject({ rows: 300, held: 300, tolerance: 0.5 });
    const say = (key: string, t = en, lang = 'en') => ruleText(rule(key), t, lang, set.columns);
    expect(say('formula:tax')).toBe('tax is always 10 % of amount, rounded to a whole number');
    expect(say('formula:tax', ja, 'ja')).toBe('tax は常に amount の 10 %（整数に丸め）');
    expect(say('formula:price_incl')).toBe('price_incl is always price × 1.1, rounded to 0.01');
    expect(say('formula:due')).toBe('due is always invoiced + 30 days');
  });

  it('refuses a constant that holds in only most rows, and chooses the simplest constant of an interval', async () => {
    const ds = await table('amount,tax', 300, (rng, i) => {
      const amount = int(rng, 20, 999) * 5; // not near-unique: an identifier is left out
      return [amount, Math.round(amount * 0.1) + (i % 25 === 0 ? 7 : 0)];
    });
    expect(find(detectRules(ds, null).rules, 'formula:tax')).toBeUndefined();
    expect(simplest(0.0999, 0.1004)).toBe(0.1);
    expect(simplest(1.6089, 1.60905)).toBe(1.609);
    expect(simplest(-0.2, 0.3)).toBe(0);
    expect(simplest(2, 1)).toBeNull();
  });

  it('finds a factor with an offset (°F from °C, points from a score) to its rounding, one way only', async () => {
    const ds = await table('celsius,fahrenheit,score,points', 300, (rng) => {
      const c = int(rng, -200, 400) / 10;
      const score = int(rng, 0, 100);
      return [c.toFixed(1), (Math.round((c * 1.8 + 32) * 10) / 10).toFixed(1), score, Math.round(score * 2.5 - 40)];
    });
    const set = detectRules(ds, null);
    const rule = (key: string) => find(set.rules, key)?.rule as Extract<Rule, { kind: 'formula' }>;
    expect(rule('formula:fahrenheit')).toMatchObject({ a: 'celsius', b: null, times: 1.8, plus: 32, decimals: 1 });
    expect(rule('formula:points')).toMatchObject({ a: 'score', times: 2.5, plus: -40, decimals: 0 });
    expect(find(set.rules, 'formula:celsius')).toBeUndefined();
    expect(find(set.rules, 'formula:fahrenheit')).toMatchObject({ rows: 300, held: 300, tolerance: 0.05 });
    const say = (key: string, t = en, lang = 'en') => ruleText(rule(key), t, lang, set.columns);
    expect(say('formula:fahrenheit')).toBe('fahrenheit is always celsius × 1.8 + 32, rounded to 0.1');
    expect(say('formula:points')).toBe('points is always score × 2.5 − 40, rounded to a whole number');
    expect(say('formula:fahrenheit', ja, 'ja')).toBe('fahrenheit は常に celsius × 1.8 + 32（0.1 単位に丸め）');
  });

  it('says a negative factor with its minus sign, and a budget left as the offset minus the column', async () => {
    const ds = await table('used,remaining,depth,pressure', 300, (rng) => {
      const used = int(rng, 0, 100);
      const depth = int(rng, 0, 500) / 10;
      return [used, 100 - used, depth.toFixed(1), (1013 - depth * 0.5).toFixed(2)];
    });
    const set = detectRules(ds, null);
    const rule = (key: string) => find(set.rules, key)?.rule as Extract<Rule, { kind: 'formula' }>;
    expect(rule('formula:remaining')).toMatchObject({ a: 'used', times: -1, plus: 100 });
    expect(rule('formula:pressure')).toMatchObject({ a: 'depth', times: -0.5, plus: 1013 });
    expect(ruleText(rule('formula:remaining'), en, 'en', set.columns)).toBe(
      'remaining is always 100 − used, rounded to a whole number',
    );
    expect(ruleText(rule('formula:pressure'), en, 'en', set.columns)).toBe(
      'pressure is always depth × −0.5 + 1013, rounded to 0.01',
    );
  });

  it('refuses a factor with an offset broken in a few rows, and one between unrelated columns', async () => {
    const ds = await table('celsius,fahrenheit,humidity', 300, (rng, i) => {
      const c = int(rng, -200, 400) / 10;
      const f = Math.round((c * 1.8 + 32) * 10) / 10 + (i % 40 === 7 ? 1 : 0);
      return [c.toFixed(1), f.toFixed(1), int(rng, 200, 990) / 10];
    });
    const keys = detectRules(ds, null).rules.map((r) => r.rule.key);
    expect(keys.filter((k) => k.startsWith('formula:'))).toEqual([]);
  });
});

describe('near-equalities', () => {
  it("finds a stone's width within a small band of its length, with the band found from the data", async () => {
    const set = detectRules(await stones(() => false), null);
    const near = find(set.rules, 'near:y~x');
    expect(near?.rule).toMatchObject({ kind: 'near', a: 'x', b: 'y', within: 0.06 });
    expect(near).toMatchObject({ rows: 400, held: 400, tolerance: 0.06 });
    expect(ruleText(near!.rule, en, 'en', set.columns)).toBe('y is always within 0.06 of x');
    expect(ruleText(near!.rule, ja, 'ja', set.columns)).toBe('y は常に x との差が 0.06 以内');
    // z follows x closely but not within a tenth of its spread; carat is on another scale.
    expect(set.rules.filter((r) => r.rule.kind === 'near')).toHaveLength(1);
  });

  it('refuses a near-equality broken in a few rows', async () => {
    const set = detectRules(await stones((i) => i % 40 === 0), null);
    expect(set.rules.some((r) => r.rule.kind === 'near')).toBe(false);
  });
});

describe('thresholds on dates', () => {
  const launch = Date.UTC(2024, 3, 1);
  const days = (late: (i: number) => boolean) =>
    table('date,after_launch,units', 240, (rng, i) => {
      const d = Date.UTC(2023, 11, 1) + i * DAY;
      const [y, m, dd] = iso(d).split('-').map(Number);
      return [`${y}/${m}/${dd}`, d >= launch !== late(i) ? 'yes' : 'no', int(rng, 1, 9)];
    });

  it('finds a yes/no that holds from a date on, said with the date as the column writes it', async () => {
    const set = detectRules(await days(() => false), null);
    const r = find(set.rules, 'threshold:after_launch=yes')?.rule;
    expect(r).toMatchObject({ number: 'date', above: true, inclusive: true, threshold: launch });
    expect(ruleText(r!, en, 'en', set.columns)).toBe('after_launch is yes exactly when date ≥ 2024/4/1');
    expect(ruleText(r!, ja, 'ja', set.columns)).toBe('date ≥ 2024/4/1 のときに限り after_launch は yes');
  });

  it('refuses a date threshold broken in a few rows', async () => {
    const set = detectRules(await days((i) => i === 200 || i === 210), null);
    expect(set.rules.some((r) => r.rule.kind === 'threshold')).toBe(false);
    // Nor is the yes/no taken for a function of the month: April has both.
    expect(set.rules.some((r) => r.rule.kind === 'months')).toBe(false);
  });

  it('names the first of a month in the gap between the sides, the last day before it for a level that ends', async () => {
    // No rows from 28 March to 2 April: the launch is said to be the 1st of April, the quarter's first day.
    const ds = await table('date,after_launch,before_launch', 300, (rng, i) => {
      const d = Date.UTC(2023, 11, 1) + i * DAY;
      const skipped = d >= Date.UTC(2024, 2, 28) && d <= Date.UTC(2024, 3, 2);
      const day = skipped ? d + 6 * DAY : d;
      return [iso(day), day >= launch ? 'yes' : 'no', day < launch ? 'yes' : 'no'];
    });
    const set = detectRules(ds, null);
    expect(find(set.rules, 'threshold:after_launch=yes')?.rule).toMatchObject({ threshold: launch, inclusive: true });
    const before = find(set.rules, 'threshold:before_launch=yes')?.rule;
    expect(before).toMatchObject({ above: false, threshold: launch - DAY });
    expect(ruleText(before!, en, 'en', set.columns)).toBe('before_launch is yes exactly when date ≤ 2024-03-31');
  });

  const halves = (broken: (i: number) => boolean) =>
    table('date,fiscal_half,units', 730, (rng, i) => {
      const d = Date.UTC(2022, 3, 1) + i * DAY;
      const m = new Date(d).getUTCMonth() + 1;
      return [iso(d), (m >= 4 && m <= 9) !== broken(i) ? 'H1' : 'H2', int(rng, 1, 9)];
    });

  it('finds a fiscal half that follows the month across two years, and refuses it when a few rows break it', async () => {
    const set = detectRules(await halves(() => false), null);
    const r = find(set.rules, 'months:fiscal_half<date')?.rule as Extract<Rule, { kind: 'months' }>;
    expect(r.map).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => [m, m >= 4 && m <= 9 ? 'H1' : 'H2']));
    // Not a threshold: H2 comes back every October.
    expect(set.rules.some((x) => x.rule.kind === 'threshold')).toBe(false);
    expect(ruleText(r, en, 'en', set.columns)).toBe(
      'fiscal_half follows the month of date: H2 (January, February, March, October, November, December); ' +
        'H1 (April, May, June, July, August, September)',
    );
    expect(ruleText(r, ja, 'ja', set.columns)).toMatch(/^fiscal_half は date の月で決まる：H2 \(1月, 2月, 3月, 10月/);
    const broken = detectRules(await halves((i) => i === 400), null);
    expect(broken.rules.some((x) => x.rule.kind === 'months')).toBe(false);
  });
});
