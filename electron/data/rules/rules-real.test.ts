/**
 * The new kinds of rule on real public tables (vega-datasets, BSD-3-Clause): no constant factor,
 * near-equality, date threshold or month rule is found where the table holds none (cars, penguins,
 * seattle-weather, movies, flights-20k), and the one a real table holds is (co2-concentration's
 * seasonally adjusted series stays within 3.63 ppm of the measured one).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../shared/domain/rules.js';
import { toCsv } from '../csv-write.js';
import { importCsv } from '../index.js';
import { detectRules } from './detect.js';

const vega = join(fileURLToPath(new URL('../../../node_modules/vega-datasets', import.meta.url)), 'data');
const dir = mkdtempSync(join(tmpdir(), 'lw-rules-real-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A table's path: a vega JSON table written as a CSV (keys of the first record), a CSV as is. */
function csvOf(name: string): string {
  if (!name.endsWith('.json')) return join(vega, name);
  const records = JSON.parse(readFileSync(join(vega, name), 'utf8')) as Record<string, unknown>[];
  const header = Object.keys(records[0]);
  const rows = records.map((r) => header.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h]))));
  const path = join(dir, name.replace('.json', '.csv'));
  writeFileSync(path, toCsv({ header, rows }, { bom: false }));
  return path;
}

const isNew = (r: Rule) =>
  r.kind === 'near' ||
  r.kind === 'months' ||
  (r.kind === 'formula' && (r.times !== undefined || r.plus !== undefined)) ||
  (r.kind === 'threshold' && r.inclusive === true);

describe('constant factors, near-equalities, date thresholds and month rules on real tables', () => {
  it.each(['cars.json', 'penguins.json', 'seattle-weather.csv', 'movies.json', 'flights-20k.json'])(
    'finds none in %s',
    async (name) => {
      const set = detectRules(await importCsv(csvOf(name)), null);
      expect(set.rules.filter((r) => isNew(r.rule)).map((r) => r.rule.key)).toEqual([]);
    },
  );

  it("finds co2-concentration's adjusted series near the measured one", async () => {
    const set = detectRules(await importCsv(csvOf('co2-concentration.csv')), null);
    const found = set.rules.filter((r) => isNew(r.rule));
    expect(found.map((r) => [r.rule.key, r.tolerance, r.held, r.rows])).toEqual([
      ['near:adjusted CO2~CO2', 3.63, 741, 741],
    ]);
  });
});
