/**
 * The tampered-model suite: every variant the seeded script makes from a real model file
 * (`test/tamper.ts`), and from a real partial model file (a stack of layers,
 * `test/tamper-stack.ts`), is refused with one translated error of a known code and its reason
 * — never a TypeError, never a model that generates wrong rows — and the command line prints
 * one line and exits non-zero for them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors.js';
import { defaultTrainConfig, type TrainConfig } from '../../shared/domain/model.js';
import { formatError } from '../../shared/i18n/format.js';
import { applySubset, importCsv } from '../data/index.js';
import {
  bundleFromBytes,
  bundleToBytes,
  fitModel,
  fitNextLayer,
  openModelBytes,
  prepareTraining,
  readBundle,
  sampleRows,
  stackBundleToBytes,
} from './index.js';
import { MAX_MODEL_BYTES } from './bundle.js';
import { tamperedModels, unnormalisedTable, type Tampered } from './test/tamper.js';
import { tamperedStacks } from './test/tamper-stack.js';

const KNOWN = ['model.notAModel', 'model.newerVersion', 'model.corrupt', 'data.badEncodingSpec'];
const dir = mkdtempSync(join(tmpdir(), 'lw-tampered-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let variants: Tampered[];
let stackVariants: Tampered[];
let tableModel: Uint8Array;
let stackFile: Uint8Array;

beforeAll(async () => {
  const dataset = await importCsv(fileURLToPath(new URL('../../resources/sample-orders.csv', import.meta.url)));
  const subset = applySubset(dataset, {
    segments: null,
    sample: { rows: 300, stratified: false },
    seed: 5,
    split: { train: 0.8, valid: 0.1, test: 0.1 },
  });
  const set = prepareTraining(subset);
  const base = defaultTrainConfig(set.train.bits, set.train.rows);
  const layer = base.layers[0];
  const config: TrainConfig = {
    ...base,
    layers: [
      { ...layer, units: 6, epochs: 1 },
      { ...layer, units: 4, epochs: 1, method: 'ae' },
    ],
    topPrior: 'rbm',
    topHidden: 3,
    topEpochs: 1,
  };
  const { bundle } = await fitModel(set, config, '9.9.9');
  variants = tamperedModels(bundleToBytes(bundle), 20240601);
  const table = await fitModel(set, { ...config, layers: [config.layers[1]], topPrior: 'table' }, '9.9.9');
  tableModel = bundleToBytes(table.bundle);
  // A partial model: an aeries layer under an exact-BLM one (which keeps its log Q).
  const settings = { seed: 3, validationFraction: 0.1, patience: 0 };
  const one = await fitNextLayer(set, null, { ...layer, units: 5, epochs: 1 }, { appVersion: '9.9.9', settings });
  const exact = { ...layer, units: 3, epochs: 1, method: 'blm-exact' as const };
  const two = await fitNextLayer(set, one.stack, exact, { appVersion: '9.9.9' });
  stackFile = stackBundleToBytes(two.stack);
  stackVariants = tamperedStacks(stackFile, 20240602);
});

function refusal(bytes: Uint8Array): unknown {
  try {
    const bundle = bundleFromBytes(bytes);
    sampleRows(bundle, 5, 1);
    return null;
  } catch (err) {
    return err;
  }
}

/** A partial file opened as the app opens a model file of either kind. */
function stackRefusal(bytes: Uint8Array): unknown {
  try {
    openModelBytes(bytes);
    return null;
  } catch (err) {
    return err;
  }
}

/** What is wrong with how each variant was answered (empty: each refused as expected, or loaded when it may). */
function misanswered(list: Tampered[], answer: (bytes: Uint8Array) => unknown): string[] {
  const wrong: string[] = [];
  for (const v of list) {
    const err = answer(v.bytes);
    if (err === null) {
      if (v.codes !== null) wrong.push(`${v.name}: loaded`);
      continue;
    }
    if (!(err instanceof AppError)) {
      wrong.push(`${v.name}: ${String(err)}`);
      continue;
    }
    if (!KNOWN.includes(err.code) || (v.codes && !v.codes.includes(err.code))) wrong.push(`${v.name}: ${err.code}`);
    if (err.params.reason === '@reason.unreadable') wrong.push(`${v.name}: no specific reason`);
    if (v.reason && err.params.reason !== `@reason.${v.reason}`) wrong.push(`${v.name}: ${String(err.params.reason)}`);
    const text = formatError(err, 'en');
    if (/undefined|TypeError|@reason|\n/.test(text)) wrong.push(`${v.name}: "${text}"`);
  }
  return wrong;
}

describe('tampered model files', () => {
  it('are each refused with a known code and the expected reason, never a TypeError', () => {
    expect(variants.length).toBeGreaterThan(120);
    expect(misanswered(variants, refusal)).toEqual([]);
  });

  it('partial ones (stacks of layers) too, checked as completely as a complete model', () => {
    expect(stackRefusal(stackFile)).toBeNull();
    expect(refusal(stackFile)).toMatchObject({ code: 'model.unfinished', params: { layers: 2 } });
    expect(stackVariants.length).toBeGreaterThan(70);
    expect(misanswered(stackVariants, stackRefusal)).toEqual([]);
    const logQ = stackVariants.find((v) => v.name === 'stack: a log Q on a layer that is not exact BLM')!;
    expect(formatError(stackRefusal(logQ.bytes), 'en')).toBe(
      'The model file is damaged (it holds weights "encoder/0/logQ" that its layers do not use). Export the model again from the project that trained it.',
    );
    const v1 = stackVariants.find((v) => v.name.startsWith('stack: container version 1'))!;
    expect(formatError(stackRefusal(v1.bytes), 'ja')).toContain('形式バージョン 1 が内容と一致しません');
  });

  it('say what is wrong in the user words, in both languages', () => {
    const transposed = variants.find((v) => v.name === 'a transposed matrix')!;
    const err = refusal(transposed.bytes);
    expect(formatError(err, 'en')).toMatch(
      /^The model file is damaged \(the weights "generative\/0\/W" have the shape \d+×6 where its layers need 6×\d+\)\./,
    );
    expect(formatError(err, 'ja')).toContain('重み「generative/0/W」の形');
    const header = variants.find((v) => v.name === 'a header of one name')!;
    expect(formatError(refusal(header.bytes), 'en')).toMatch(/it names 1 columns but describes \d+/);
    const nan = variants.find((v) => v.name.startsWith('NaN in generative/0/W'))!;
    expect(formatError(refusal(nan.bytes), 'en')).toContain('hold values that are not finite numbers');
  });

  it('refuse a table prior that is not a distribution', () => {
    expect(refusal(tableModel)).toBeNull();
    expect(refusal(unnormalisedTable(tableModel))).toMatchObject({
      params: { reason: '@reason.tableNotDistribution' },
    });
  });

  it('are refused by the command line in one line with a non-zero exit; devices and huge files are not read', async () => {
    // Files of up to 512 MiB are read whole; a larger one (sparse here) or a device is refused before its bytes are read.
    const picks = [
      'truncated at 17',
      'container version 0',
      'description not JSON',
      'a transposed matrix',
      'a header of one name',
      'a column left out of the encoding',
    ].map((name) => variants.find((v) => v.name === name)!);
    picks.push(stackVariants.find((v) => v.name === 'stack: a transposed matrix')!);
    picks.push({ name: 'a partial model', bytes: stackFile, codes: ['model.unfinished'] });
    const files = picks.map((v, i) => {
      const file = join(dir, `t${i}.lwm`);
      writeFileSync(file, v.bytes);
      return file;
    });
    const big = join(dir, 'big.lwm');
    writeFileSync(big, '');
    truncateSync(big, MAX_MODEL_BYTES + 1);
    await expect(readBundle(big)).rejects.toMatchObject({ code: 'model.tooLarge' });
    await expect(readBundle('/dev/zero')).rejects.toMatchObject({ code: 'model.notAFile' });
    await expect(readBundle(dir)).rejects.toMatchObject({ code: 'model.notAFile' });
    for (const file of [...files, '/dev/zero', big]) {
      const r = spawnSync(process.execPath, ['bin/layerwise.mjs', 'sample', file, '--rows', '5'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, file).not.toBe(0);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^layerwise: /);
      expect(lines[0]).not.toMatch(/undefined|TypeError|Cannot read|\bat .*:\d+|@reason/);
    }
  });
});
