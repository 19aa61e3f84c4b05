/**
 * The rule search on small seeded tables: each kind of rule is found with its share and
 * tolerance, a relation that holds in only most rows is refused, one miss in a thousand is
 * tolerated on a large table, rare values are never named, and the sample data's rules are
 * the ones its generator wrote.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../shared/domain/rules.js';
import { importCsv } from '../index.js';
import { detectRules } from './detect.js';
import { ruleHolds } from './check.js';
import { DAY, find, int, iso, seededTables } from './test/tables.js';

const table = seededTables();

describe('rules found in the data', () => {
  it('finds a product with a factor (1 − discount), to the cent, and a Japanese ledger product', async () => {
    const ds = await table('qty,price,disc,revenue', 400, (rng) => {
      const q = int(rng, 1, 9);
      const p = int(rng, 100, 99999) / 100;
      const d = [0, 5, 10, 15][int(rng, 0, 3)];
      return [q, p.toFixed(2), `${d}%`, (Math.round(q * p * (1 - d / 100) * 100) / 100).toFixed(2)];
    });
    const r = find(detectRules(ds, null).rules, 'formula:revenue');
    expect(r?.rule).toMatchObject({ op: 'product', a: 'qty', b: 'price', factor: { column: 'disc', sign: -1 } });
    expect(r).toMatchObject({ rows: 400, held: 400, tolerance: 0.005 });
    const jp = await table('数量,単価,売上金額', 300, (rng) => {
      const q = int(rng, 1, 20);
      const p = int(rng, 1, 30) * 100;
      return [q, p, q * p];
    });
    expect(find(detectRules(jp, null).rules, 'formula:売上金額')?.rule).toMatchObject({ op: 'product', decimals: 0 });
  });

  it('finds a sum and a difference, one formula per set of columns', async () => {
    const ds = await table('net,tax,gross,paid,change', 200, (rng) => {
      const net = int(rng, 10, 90) * 10;
      const tax = Math.round(net * 0.1);
      const paid = net + tax + int(rng, 0, 50) * 10;
      return [net, tax, net + tax, paid, paid - net - tax];
    });
    const rules = detectRules(ds, null).rules.filter((r) => r.rule.kind === 'formula');
    expect(find(rules, 'formula:change')?.rule).toMatchObject({ op: 'difference', a: 'paid', b: 'gross' });
    expect(find(rules, 'formula:gross')?.rule).toMatchObject({ op: 'sum' });
    // gross = net + tax is given once, not also as net = gross − tax.
    expect(find(rules, 'formula:net')).toBeUndefined();
  });

  it('refuses a formula that holds in only most rows, and tolerates one miss in a thousand on a large table', async () => {
    const most = await table('a,b,c', 500, (rng, i) => {
      const [a, b] = [int(rng, 1, 99), int(rng, 1, 99)];
      return [a, b, i % 20 === 0 ? a * b + 1 : a * b];
    });
    expect(find(detectRules(most, null).rules, 'formula:c')).toBeUndefined();
    const large = await table('a,b,c', 3000, (rng, i) => {
      const [a, b] = [int(rng, 1, 99), int(rng, 1, 99)];
      return [a, b, i === 17 || i === 1900 ? a * b + 1 : a * b];
    });
    expect(find(detectRules(large, null).rules, 'formula:c')).toMatchObject({ rows: 3000, held: 2998 });
  });

  it('finds a number of days between two dates', async () => {
    const t0 = Date.UTC(2024, 0, 1);
    const ds = await table('ordered,delivered,delivery_days', 200, (rng) => {
      const d = t0 + int(rng, 0, 300) * DAY;
      const days = int(rng, 0, 12);
      return [iso(d), iso(d + days * DAY), days];
    });
    const r = find(detectRules(ds, null).rules, 'formula:delivery_days');
    expect(r?.rule).toMatchObject({ op: 'difference', a: 'delivered', b: 'ordered', days: true });
  });

  it('finds an order between dates, not between columns whose ranges settle it', async () => {
    const t0 = Date.UTC(2024, 0, 1);
    const ds = await table('ordered,shipped,age,items', 200, (rng) => {
      const d = t0 + int(rng, 0, 300) * DAY;
      return [iso(d), iso(d + int(rng, 1, 9) * DAY), int(rng, 20, 80), int(rng, 1, 5)];
    });
    const orders = detectRules(ds, null).rules.filter((r) => r.rule.kind === 'order');
    expect(orders.map((r) => r.rule)).toEqual([
      { kind: 'order', key: 'order:ordered<=shipped', a: 'ordered', b: 'shipped', strict: true },
    ]);
  });

  it('finds a category that is a threshold of a number, and refuses one broken in a few rows', async () => {
    const ds = await table('channel,delivery_days,low,weight', 300, (rng, i) => {
      const online = rng.next() < 0.4;
      const w = int(rng, 1500, 4000);
      return [online ? 'Online' : ['Mall', 'Street'][i % 2], online ? int(rng, 1, 5) : 0, w < 2500 ? 1 : 0, w];
    });
    const rules = detectRules(ds, null).rules;
    expect(find(rules, 'threshold:channel=Online')?.rule).toMatchObject({
      number: 'delivery_days',
      above: true,
      threshold: 0,
    });
    const low = rules.find((r) => r.rule.kind === 'threshold' && r.rule.column === 'low')?.rule;
    expect(low).toMatchObject({ number: 'weight', above: false });
    const broken = await table('channel,delivery_days', 300, (rng, i) => {
      const online = rng.next() < 0.4;
      return [online ? 'Online' : 'Mall', online || i % 50 === 0 ? int(rng, 1, 5) : 0];
    });
    expect(find(detectRules(broken, null).rules, 'threshold:channel=Online')).toBeUndefined();
  });

  it('finds a function and allowed pairs, names no rare value, and refuses combinations absent by chance', async () => {
    const makers: Record<string, string> = { m1: 'A', m2: 'A', m3: 'B', m4: 'B', m5: 'C', m6: 'C' };
    const islands: Record<string, string[]> = { Adelie: ['Biscoe', 'Dream', 'Torgersen'], Gentoo: ['Biscoe'] };
    const ds = await table('model,maker,species,island,colour', 600, (rng, i) => {
      const model = i === 5 ? 'rare1' : `m${int(rng, 1, 6)}`;
      const species = rng.next() < 0.5 ? 'Adelie' : 'Gentoo';
      const isl = islands[species][int(rng, 0, islands[species].length - 1)];
      return [model, model === 'rare1' ? 'Z' : makers[model], species, isl, ['red', 'blue'][int(rng, 0, 1)]];
    });
    const rules = detectRules(ds, null).rules;
    const fn = find(rules, 'function:model>maker')?.rule as Extract<Rule, { kind: 'function' }>;
    expect(fn.map).toHaveLength(6);
    expect(JSON.stringify(rules)).not.toContain('rare1');
    const pairs = find(rules, 'pairs:species*island')?.rule as Extract<Rule, { kind: 'pairs' }>;
    expect(pairs.forbidden).toEqual(
      expect.arrayContaining([
        ['Gentoo', 'Dream'],
        ['Gentoo', 'Torgersen'],
      ]),
    );
    expect(rules.some((r) => r.rule.key.includes('colour'))).toBe(false);
  });

  it('finds ranges and the months a date column lives in', async () => {
    const ds = await table('laid,eggs', 200, (rng) => {
      const d = Date.UTC(2007 + int(rng, 0, 2), 10 + int(rng, 0, 1), int(rng, 1, 28));
      return [iso(d), int(rng, 1, 3)];
    });
    const rules = detectRules(ds, null).rules;
    const cal = find(rules, 'calendar:laid')?.rule as Extract<Rule, { kind: 'calendar' }>;
    expect(cal.months?.map(([m]) => m)).toEqual([11, 12]);
    expect(cal.weekdays).toBeNull();
    expect(find(rules, 'range:eggs')?.rule).toMatchObject({ min: 1, max: 3 });
  });

  it('reads a wide table within its bounds: formulas among the first columns, ranges of all', async () => {
    const names = Array.from({ length: 60 }, (_, j) => `c${j}`);
    const ds = await table(names.join(','), 100, (rng) =>
      names.map((_, j) => (j === 2 ? -1 : int(rng, 1, 50) * (j + 1))),
    );
    // c2 is a constant (left out); c0 × c1 is no rule; every other column has its range.
    const keys = detectRules(ds, null).rules.map((r) => r.rule.key);
    expect(keys).toContain('range:c59');
    expect(keys.filter((k) => k.startsWith('range:'))).toHaveLength(59);
  });

  it("finds the sample data's rules, each holding in every row", async () => {
    const ds = await importCsv(fileURLToPath(new URL('../../../resources/sample-orders.csv', import.meta.url)));
    const set = detectRules(ds, null, { off: ['range:quantity', 'not-a-rule'] });
    const keys = set.rules.map((r) => r.rule.key);
    expect(keys).toEqual(
      expect.arrayContaining(['formula:revenue', 'threshold:store_type=Online', 'pairs:store_type*payment']),
    );
    expect(set.off).toEqual(['range:quantity']);
    for (const r of set.rules) expect(r.held).toBe(r.rows);
    const revenue = find(set.rules, 'formula:revenue')!.rule;
    const col = (name: string) => ds.info.columns.findIndex((c) => c.name === name);
    const value = (name: string, i: number) => {
      const t = ds.typed[col(name)];
      return t.kind === 'number' ? t.values[i] : t.codes[i] >= 0 ? t.levels[t.codes[i]] : null;
    };
    expect(ruleHolds(revenue, (c) => value(c, 0))).toBe(true);
  });
});
