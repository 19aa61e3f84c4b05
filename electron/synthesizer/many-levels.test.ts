/**
 * A category with more than 64 levels (the compact level code, spec version 3) end to end: a
 * small model of it keeps its code in the model file, generates every level from it and no
 * "(other)" when no value is rare, and generates only rows with a chosen level when asked,
 * for a level of the last, shorter group as for any other.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../shared/domain/model.js';
import { applySubset, importCsv, OTHER_TOKEN } from '../data/index.js';
import {
  bundleFromBytes,
  bundleToBytes,
  fitModel,
  prepareTraining,
  streamRows,
  streamRowsGiven,
  type ModelBundle,
} from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-levels-'));
let bundle: ModelBundle;

beforeAll(async () => {
  // 70 cities, 20 rows each; a city's region follows from it.
  const lines = ['city,region,qty'];
  for (let i = 0; i < 1400; i++) lines.push(`C${i % 70},R${(i % 70) % 3},${(i * 7) % 11}`);
  const path = join(dir, 'cities.csv');
  writeFileSync(path, lines.join('\n'));
  const dataset = await importCsv(path);
  const subset = applySubset(dataset, {
    segments: null,
    sample: null,
    seed: 3,
    split: { train: 0.9, valid: 0.1, test: 0 },
  });
  const set = prepareTraining(subset, { rules: false });
  const base = defaultTrainConfig(set.train.bits, set.train.rows);
  const config = { ...base, layers: [{ ...base.layers[0], units: 8, epochs: 3 }], topPrior: 'table' as const };
  ({ bundle } = await fitModel(set, config, '9.9.9'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cityOf = (rows: string[][]) => rows.map((r) => r[0]);

describe('a category with more than 64 levels', () => {
  it('is modelled whole in the compact code, kept by the model file', () => {
    const city = bundle.manifest.dataEncoding.columns[0];
    expect(bundle.manifest.dataEncoding.version).toBe(3);
    expect(city).toMatchObject({ kind: 'levels', fineBits: 2 });
    if (city.kind !== 'levels') throw new Error('expected levels');
    expect(city.levels).toHaveLength(70);
    const again = bundleFromBytes(bundleToBytes(bundle));
    expect(again.manifest.dataEncoding).toEqual(bundle.manifest.dataEncoding);
    expect(streamRows(again, 200, 4)).toEqual(streamRows(bundle, 200, 4));
    const generated = new Set(cityOf(streamRows(bundle, 4000, 5).rows));
    expect(generated.has(OTHER_TOKEN)).toBe(false);
    expect([...generated].every((c) => city.levels.includes(c))).toBe(true);
    expect(generated.size).toBeGreaterThan(60);
  });

  it('generates only rows with a chosen level, in the last group as in any other', () => {
    const city = bundle.manifest.dataEncoding.columns[0];
    if (city.kind !== 'levels') throw new Error('expected levels');
    for (const value of [city.levels[69], city.levels[5]]) {
      const { table } = streamRowsGiven(bundle, 300, 7, [{ column: 'city', value }]);
      expect(new Set(cityOf(table.rows))).toEqual(new Set([value]));
    }
  });
});
