/**
 * Layer-by-layer fitting through the synthesizer on the sample data: two layers, the stack as
 * a partial model file and back (encoding kept), refused where a complete model is needed,
 * finished into a bundle that generates rows, fine-tuned as a step of its own, a layer
 * refitted; "Suggest a size" on the training set; too few training rows refused at every
 * stage; old complete files still open.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { applySubset, importCsv } from '../data/index.js';
import { defaultTrainConfig, type LayerConfig } from '../../shared/domain/model.js';
import {
  bundleFromBytes,
  finishFit,
  fineTuneFit,
  fitNextLayer,
  openModelBytes,
  prepareTraining,
  refitLayer,
  sampleRows,
  stackBundleFromBytes,
  stackBundleToBytes,
  suggestSize,
  type StackFit,
  type TrainingSet,
} from './index.js';

let set: TrainingSet;
let layer: (units: number) => LayerConfig;
let two: StackFit;
const settings = { seed: 4, validationFraction: 0.1, patience: 0 };
const top = { topPrior: 'bernoulli' as const, topHidden: 4, topEpochs: 0 };

beforeAll(async () => {
  const dataset = await importCsv(fileURLToPath(new URL('../../resources/sample-orders.csv', import.meta.url)));
  const subset = applySubset(dataset, {
    segments: null,
    sample: { rows: 500, stratified: false },
    seed: 3,
    split: { train: 0.8, valid: 0.1, test: 0.1 },
  });
  set = prepareTraining(subset);
  const base = defaultTrainConfig(set.train.bits, set.train.rows).layers[0];
  layer = (units) => ({ ...base, units, epochs: 1 });
  const one = await fitNextLayer(set, null, layer(6), { appVersion: '9.9.9', settings });
  two = await fitNextLayer(set, one.stack, layer(3), { appVersion: '9.9.9' });
});

describe('staged fitting', () => {
  it('fits layer after layer, each with its bounds and the headroom so far', () => {
    expect(two.stack.stack.layers.map((l) => l.config.units)).toEqual([6, 3]);
    expect(two.stack.stack.settings).toEqual(settings);
    expect(two.result).toMatchObject({ layer: 1, units: 3 });
    expect(two.headroom.layers).toHaveLength(2);
    expect(two.headroom.complete).toBe(false);
    expect(two.stack.manifest.dataEncoding).toEqual(set.encoding);
    expect(two.stack.manifest.dataProvenance?.rows.subset).toBe(500);
  });

  it('keeps a stack as a partial model file that only a stack reader opens', () => {
    const bytes = stackBundleToBytes(two.stack);
    const back = stackBundleFromBytes(bytes);
    expect(back.stack).toEqual(two.stack.stack);
    expect(back.manifest.dataEncoding).toEqual(set.encoding);
    expect(openModelBytes(bytes).complete).toBe(false);
    expect(() => bundleFromBytes(bytes)).toThrow(expect.objectContaining({ code: 'model.unfinished' }));
  });

  it('finishes into a bundle that generates rows, then fine-tunes it as a step of its own', async () => {
    const done = await finishFit(set, two.stack, top, '9.9.9');
    expect(done.summary.layers).toEqual(two.stack.stack.layers.map((l) => l.result));
    expect(done.headroom).toMatchObject({ complete: true });
    expect(done.headroom.reached?.train).toEqual(done.summary.logLikelihood.train);
    expect(done.bundle.manifest.config.layers.map((l) => l.units)).toEqual([6, 3]);
    expect(sampleRows(done.bundle, 5, 1).rows).toHaveLength(5);
    const tuned = await fineTuneFit(set, done.bundle, 1, '9.9.9');
    expect(tuned.summary.fineTune?.before).toEqual(done.summary.logLikelihood.valid);
    expect(tuned.summary.fineTune?.after).toEqual(tuned.summary.logLikelihood.valid);
    expect(tuned.bundle.manifest.config.fineTuneEpochs).toBe(1);
    expect(tuned.bundle.manifest.data).toEqual(two.stack.stack.data);
  });

  it('refits a layer with another size and drops the layers above', async () => {
    const again = await refitLayer(set, two.stack, 0, layer(4), '9.9.9');
    expect(again.stack.stack.layers.map((l) => l.config.units)).toEqual([4]);
    expect(again.dropped.map((r) => r.units)).toEqual([3]);
  });

  it('suggests a first layer size within its time budget', async () => {
    const s = await suggestSize(set, { candidates: [layer(2), layer(4)], settings, budgetSeconds: 120 });
    expect(s.ranking.map((c) => c.units).sort()).toEqual([2, 4]);
    expect(s.onValidation).toBe(true);
    expect(s.recommended).not.toBeNull();
  });

  it('refuses too few training rows at every stage, as a whole fit does', async () => {
    const one: TrainingSet = {
      ...set,
      train: { ...set.train, rows: 1, data: set.train.data.subarray(0, set.train.bits) },
    };
    const refusal = { code: 'train.tooFewRows', params: { rows: 1, min: 10 } };
    await expect(fitNextLayer(one, null, layer(3), { appVersion: '9.9.9', settings })).rejects.toMatchObject(refusal);
    await expect(refitLayer(one, two.stack, 0, layer(3), '9.9.9')).rejects.toMatchObject(refusal);
    await expect(finishFit(one, two.stack, top, '9.9.9')).rejects.toMatchObject(refusal);
    const request = { candidates: [layer(2)], settings, budgetSeconds: 60 };
    await expect(suggestSize(one, request)).rejects.toMatchObject(refusal);
  });

  it('opens a complete model file written by 0.1.0', async () => {
    const bytes = await readFile(new URL('./fixtures/sample-orders-v0.1.lwm', import.meta.url));
    const opened = openModelBytes(new Uint8Array(bytes));
    expect(opened.complete).toBe(true);
    if (opened.complete) expect(opened.bundle.manifest.appVersion).toBe('0.1.0');
  });
});
