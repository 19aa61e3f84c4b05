/**
 * Generation keeps the constant factors (with an offset too: °F from °C), near-equalities, date thresholds and categories that
 * follow a date's month found in a table: a small model of a seeded table generates rows in which
 * each holds (its raw decoded rows break them), and a repair changes only the broken part of a row
 * — the computed tax, the stone's width, the yes/no, the quarter — never the amount, the length or
 * the date (the length only when a condition fixes the width).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTrainConfig } from '../../shared/domain/model.js';
import { createRng } from '../base/random.js';
import { applySubset, detectRules, importCsv, ruleViolations, type Dataset } from '../data/index.js';
import { fitModel, prepareTraining, ruleKeeper, streamRows, type ModelBundle } from './index.js';

const KEYS = ['formula:tax', 'formula:fahrenheit', 'near:y~x', 'threshold:after_launch=yes', 'months:quarter<date'];
const DAY = 86_400_000;
let dir: string;
let dataset: Dataset;
let bundle: ModelBundle;

function csv(n: number): string {
  const rng = createRng(4);
  const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
  const lines = ['amount,tax,x,y,date,after_launch,quarter,celsius,fahrenheit'];
  for (let i = 0; i < n; i++) {
    const amount = int(20, 999) * 5;
    const x = int(380, 900) / 100;
    const d = Date.UTC(2023, 9, 1) + int(0, 360) * DAY;
    const y = (x + int(-6, 6) / 100).toFixed(2);
    const date = new Date(d).toISOString().slice(0, 10);
    const launched = d >= Date.UTC(2024, 3, 1) ? 'yes' : 'no';
    const quarter = `Q${Math.ceil((new Date(d).getUTCMonth() + 1) / 3)}`;
    const celsius = int(-200, 400) / 10;
    const fahrenheit = (Math.round((celsius * 1.8 + 32) * 10) / 10).toFixed(1);
    lines.push(
      [amount, Math.round(amount * 0.1), x.toFixed(2), y, date, launched, quarter, celsius.toFixed(1), fahrenheit].join(
        ',',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-rule-kinds-'));
  await writeFile(join(dir, 'kinds.csv'), csv(500));
  dataset = await importCsv(join(dir, 'kinds.csv'));
  const subset = applySubset(dataset, {
    segments: null,
    sample: null,
    seed: 3,
    split: { train: 0.8, valid: 0.1, test: 0.1 },
  });
  const set = prepareTraining(subset, {});
  const base = defaultTrainConfig(set.train.bits, set.train.rows);
  const config = { ...base, layers: [{ ...base.layers[0], units: 6, epochs: 1 }], topPrior: 'bernoulli' as const };
  ({ bundle } = await fitModel(set, config, '9.9.9'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('constant factors, near-equalities, date thresholds and months kept in generated rows', () => {
  it('generates rows that keep each, which the raw decoded rows break', () => {
    const rules = bundle.manifest.dataRules!;
    expect(rules.rules.map((r) => r.rule.key)).toEqual(expect.arrayContaining(KEYS));
    const kept = ruleViolations(rules, streamRows(bundle, 2000, 5));
    for (const v of kept) if (v.accepted) expect([v.key, v.rate]).toEqual([v.key, 0]);
    const raw = ruleViolations(
      rules,
      streamRows({ ...bundle, manifest: { ...bundle.manifest, dataRules: undefined } }, 2000, 5),
    );
    for (const key of KEYS) expect([key, raw.find((v) => v.key === key)!.rate > 0.05]).toEqual([key, true]);
  });

  it('repairs only the broken part of a row', () => {
    const set = detectRules(dataset, null);
    const header = ['amount', 'tax', 'x', 'y', 'date', 'after_launch', 'quarter', 'celsius', 'fahrenheit'];
    const rows = [
      ['1000', '7', '5.00', '5.90', '2024-05-02', 'no', 'Q4', '10.0', '20.1'],
      ['1005', '101', '5.00', '5.03', '2024-03-31', 'no', 'Q1', '25.0', '77.0'],
    ];
    const keep = rows.map((r) => [...r]);
    ruleKeeper(set, header, 1)!(rows, 0);
    expect(rows[1]).toEqual(keep[1]);
    expect([rows[0][0], rows[0][1], rows[0][2], rows[0][4], rows[0][5], rows[0][6]]).toEqual([
      '1000',
      '100',
      '5.00',
      '2024-05-02',
      'yes',
      'Q2',
    ]);
    expect(Math.abs(Number(rows[0][3]) - 5)).toBeLessThanOrEqual(0.06);
    // The computed Fahrenheit is written again from the Celsius, which stays.
    expect(rows[0].slice(7)).toEqual(['10.0', '50.0']);
    expect(ruleViolations(set, { header, rows }).every((v) => v.violated === 0)).toBe(true);
    // A width a condition fixed ("only rows where y = 5.90") is kept: the length moves instead.
    const given = [['1000', '100', '5.00', '5.90', '2024-05-02', 'yes', 'Q2', '10.0', '50.0']];
    ruleKeeper(set, header, 1, new Set(['y']))!(given, 0);
    expect(given[0][3]).toBe('5.90');
    expect(Math.abs(Number(given[0][2]) - 5.9)).toBeLessThanOrEqual(0.06);
  });
});
