/**
 * The synthesizer seam end to end: a subset of the sample data fitted into a bundle, the bundle
 * through bytes and an atomic file and back (typed encoding and provenance kept, same rows for
 * a seed), the calibration of its generated numbers, refusal of damaged files, and a model file
 * written by an earlier version.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { decodeRows, toCsv } from '../data/index.js';
import { sampleSubset } from './test/sample-subset.js';
import { defaultTrainConfig } from '../../shared/domain/model.js';
import {
  bundleFromBytes,
  bundleToBytes,
  decodeSample,
  fitModel,
  prepareTraining,
  readBundle,
  sampleEncoded,
  sampleRows,
  writeBundle,
  type ModelBundle,
} from './index.js';

let dir: string;
let bundle: ModelBundle;
let set: ReturnType<typeof prepareTraining>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-bundle-'));
  const subset = await sampleSubset();
  set = prepareTraining(subset);
  const base = defaultTrainConfig(set.train.bits, set.train.rows);
  const config = {
    ...base,
    layers: [{ ...base.layers[0], units: 6, epochs: 1 }],
    topPrior: 'bernoulli' as const,
  };
  ({ bundle } = await fitModel(set, config, '9.9.9'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('model bundle', () => {
  it('keeps the encoding and provenance typed beside the model', () => {
    expect(bundle.manifest.appVersion).toBe('9.9.9');
    expect(bundle.manifest.dataEncoding.format).toBe('layerwise-encoding');
    expect(bundle.manifest.dataEncoding.header[0]).toBe('order_id');
    expect(bundle.manifest.dataProvenance?.rows.subset).toBe(600);
    expect(bundle.manifest.architecture.sizes).toEqual([6]);
  });

  it("calibrates each finely coded number on a draw of its model, so its generated values keep the training rows' deciles", () => {
    const spec = bundle.manifest.dataEncoding;
    const quantileColumns = spec.columns.flatMap((c, i) => (c.kind === 'quantiles' ? [i] : []));
    expect(spec.calibration?.columns).toEqual(quantileColumns);
    const numbers = spec.columns.flatMap((c, i) =>
      c.kind === 'quantiles' && c.type !== 'date' && c.type !== 'datetime' ? [i] : [],
    );
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    for (const knots of spec.calibration?.knots ?? []) {
      expect(knots.length).toBe(129);
      expect(knots.every((v, j) => j === 0 || v >= knots[j - 1])).toBe(true);
    }
    // Per number column, the worst gap between a decile's share in generated rows and in the training rows
    // (as the codec writes them back), generated with and without the calibration.
    const shares = (rows: string[][], i: number) => {
      const c = spec.columns[i];
      if (c.kind !== 'quantiles') return [];
      const K = c.knots.length - 1;
      const cuts = [
        -Infinity,
        ...Array.from({ length: 9 }, (_, k) => c.knots[Math.round(((k + 1) / 10) * K)]),
        Infinity,
      ];
      const values = rows
        .map((r) => r[i])
        .filter((v) => v !== '')
        .map((v) => Number(v.replace(/[^0-9.-]/g, '')));
      return cuts.slice(1).map((hi, k) => values.filter((v) => v > cuts[k] && v <= hi).length / values.length);
    };
    const training = decodeRows({ ...spec, calibration: undefined }, set.train, 3).rows;
    const draw = sampleEncoded(bundle, 20_000, 21);
    const worst = (encoding: typeof spec) => {
      // Decoded only (no rule recomputes a column from others here).
      const rows = decodeSample(encoding, draw, 21).rows;
      return numbers.map((i) => {
        const real = shares(training, i);
        return Math.max(...shares(rows, i).map((x, k) => Math.abs(x - real[k])));
      });
    };
    const calibrated = worst(spec);
    const raw = worst({ ...spec, calibration: undefined });
    // A one-epoch model misplaces a decile by 2 points or more; calibrated, each is within 1.25 of
    // the training rows' as decoded (their own decoding moves a few of their 480 rows), and the
    // gaps add up to well under the uncalibrated ones.
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    expect(Math.max(...raw)).toBeGreaterThan(0.02);
    for (const w of calibrated) expect(w).toBeLessThanOrEqual(0.0125);
    expect(sum(calibrated)).toBeLessThanOrEqual(0.7 * sum(raw));
  });

  it('generates the same rows after a round trip through bytes and through a file', async () => {
    const rows = sampleRows(bundle, 40, 11);
    expect(rows.rows).toHaveLength(40);
    expect(rows.header).toEqual(bundle.manifest.dataEncoding.header);
    expect(sampleRows(bundleFromBytes(bundleToBytes(bundle)), 40, 11)).toEqual(rows);
    const path = join(dir, 'm.lwm');
    await writeBundle(path, bundle);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const back = await readBundle(path);
    expect(sampleRows(back, 40, 11)).toEqual(rows);
    // Sampling on one side and decoding on the other (as the app does across its threads) is the same.
    expect(decodeSample(back.manifest.dataEncoding, sampleEncoded(back, 40, 11), 11, back.manifest.dataRules)).toEqual(
      rows,
    );
    expect(sampleRows(back, 40, 12)).not.toEqual(rows);
  });

  it('refuses a file that is not a model, and a model whose encoding was damaged', async () => {
    const garbage = join(dir, 'garbage.lwm');
    await writeFile(garbage, Buffer.from([1, 2, 3]));
    await expect(readBundle(garbage)).rejects.toMatchObject({ code: 'model.notAModel' });
    await expect(readBundle(join(dir, 'missing.lwm'))).rejects.toMatchObject({ code: 'readFailed' });
    const text = Buffer.from(bundleToBytes(bundle)).toString('latin1');
    const damaged = text.replace('"format":"layerwise-encoding"', '"format":"layerwise-encodinG"');
    expect(damaged).not.toBe(text);
    expect(() => bundleFromBytes(Uint8Array.from(Buffer.from(damaged, 'latin1')))).toThrow(
      expect.objectContaining({ code: 'data.badEncodingSpec' }),
    );
  });

  it('keeps the rules found in the training rows, and loads files without them', () => {
    const rules = bundle.manifest.dataRules;
    expect(rules?.rules.map((r) => r.rule.key)).toContain('formula:revenue');
    expect(bundleFromBytes(bundleToBytes(bundle)).manifest.dataRules).toEqual(rules);
    const text = Buffer.from(bundleToBytes(bundle)).toString('latin1');
    const damaged = text.replace('"kind":"formula"', '"kind":"formulX"');
    expect(() => bundleFromBytes(Uint8Array.from(Buffer.from(damaged, 'latin1')))).toThrow(
      expect.objectContaining({ code: 'model.corrupt', params: { reason: '@reason.badRules' } }),
    );
  });

  it('loads a model file written by version 0.1.0 and generates the rows it generated', async () => {
    const fixtures = new URL('./fixtures/', import.meta.url);
    const old = await readBundle(fileURLToPath(new URL('sample-orders-v0.1.lwm', fixtures)));
    const expected = await readFile(new URL('sample-orders-v0.1-rows-seed3.csv', fixtures), 'utf8');
    expect(old.manifest.appVersion).toBe('0.1.0');
    expect(toCsv(sampleRows(old, 5, 3))).toBe(expected);
  });
});
