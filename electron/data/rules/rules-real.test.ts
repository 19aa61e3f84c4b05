/**
 * The new kinds of rule on real public tables (vega-datasets, BSD-3-Clause): no constant factor,
 * near-equality, date threshold or month rule is found where the table holds none (cars, penguins,
 * seattle-weather, movies, flights-20k), and the one a real table holds is (co2-concentration's
 * seasonally adjusted series stays within 3.63 ppm of the measured one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../shared/domain/rules.js';
import { importCsv } from '../index.js';
import { detectRules } from './detect.js';
import { vegaCsv } from '../test/vega.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-rules-real-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const isNew = (r: Rule) =>
  r.kind === 'near' ||
  r.kind === 'months' ||
  (r.kind === 'formula' && (r.times !== undefined || r.plus !== undefined)) ||
  (r.kind === 'threshold' && r.inclusive === true);

describe('constant factors, near-equalities, date thresholds and month rules on real tables', () => {
  it.each(['cars.json', 'penguins.json', 'seattle-weather.csv', 'movies.json', 'flights-20k.json'])(
    'finds none in %s',
    async (name) => {
      const set = detectRules(await importCsv(vegaCsv(name, dir)), null);
      expect(set.rules.filter((r) => isNew(r.rule)).map((r) => r.rule.key)).toEqual([]);
    },
  );

  it("finds co2-concentration's adjusted series near the measured one", async () => {
    const set = detectRules(await importCsv(vegaCsv('co2-concentration.csv', dir)), null);
    const found = set.rules.filter((r) => isNew(r.rule));
    expect(found.map((r) => [r.rule.key, r.tolerance, r.held, r.rows])).toEqual([
      ['near:adjusted CO2~CO2', 3.63, 741, 741],
    ]);
  });
});
