/**
 * Layer by layer through the real engine thread: a real `EngineClient` trains a first layer,
 * then a second, with progress events; finishes the stack into a model that samples rows;
 * keeps the stack as a partial model file and opens it again; retrains a layer (dropping the
 * one above); fine-tunes; suggests a size; refuses a malformed request; releases what it kept.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EpochProgress, LayerConfig, LayerResult } from '../../../shared/domain/model.js';
import { defaultTrainConfig } from '../../../shared/domain/model.js';
import type { SizeCandidate } from '../../../shared/domain/staged.js';
import { applySubset, importCsv } from '../../data/index.js';
import { prepareTraining, type TrainingSet } from '../../synthesizer/index.js';
import { EngineClient, type JobListeners } from './client.js';

let engine: EngineClient;
let set: TrainingSet;
let layer: (units: number) => LayerConfig;
const appVersion = '9.9.9';
const settings = { seed: 2, validationFraction: 0.1, patience: 0 };

function listen() {
  const epochs: EpochProgress[] = [];
  const layers: LayerResult[] = [];
  const candidates: SizeCandidate[] = [];
  const listeners: JobListeners = {
    onEpoch: (p) => epochs.push(p),
    onLayer: (r) => layers.push(r),
    onCandidate: (c) => candidates.push(c),
  };
  return { epochs, layers, candidates, listeners };
}
const control = () => EngineClient.controlWord().buffer;

beforeAll(async () => {
  engine = new EngineClient();
  const dataset = await importCsv(fileURLToPath(new URL('../../../resources/sample-orders.csv', import.meta.url)));
  const subset = applySubset(dataset, {
    segments: null,
    sample: { rows: 400, stratified: false },
    seed: 5,
    split: { train: 0.8, valid: 0.1, test: 0.1 },
  });
  set = prepareTraining(subset);
  const base = defaultTrainConfig(set.train.bits, set.train.rows).layers[0];
  layer = (units) => ({ ...base, units, epochs: 2 });
});

afterAll(async () => {
  await engine.dispose();
});

describe('the engine thread, layer by layer', () => {
  it('trains two layers, finishes, samples; keeps and reopens the stack; retrains; fine-tunes; releases', async () => {
    const first = listen();
    const one = await engine.trainLayer(
      'job-1',
      { set, appVersion, from: null, into: 's1', layer: layer(6), settings },
      control(),
      first.listeners,
    );
    expect(one).toMatchObject({ stackId: 's1', result: { layer: 0, units: 6 }, dropped: [] });
    expect(first.epochs.map((p) => [p.stage, p.layer, p.layers, p.epoch])).toEqual([
      ['layer', 0, 1, 1],
      ['layer', 0, 1, 2],
    ]);
    expect(first.layers).toEqual([one.result]);
    const two = await engine.trainLayer(
      'job-2',
      { set, appVersion, from: 's1', into: 's2', layer: layer(3), settings: null },
      control(),
      listen().listeners,
    );
    expect(two.headroom.layers.map((l) => l.units)).toEqual([6, 3]);

    const top = { topPrior: 'bernoulli' as const, topHidden: 4, topEpochs: 0 };
    const done = await engine.finish(
      'job-3',
      { set, appVersion, from: 's2', into: 'm1', top },
      control(),
      listen().listeners,
    );
    expect(done.modelId).toBe('m1');
    expect(done.summary.layers.map((l) => l.units)).toEqual([6, 3]);
    expect(done.headroom.complete).toBe(true);
    const rows = await engine.sample('m1', 7, 3);
    expect(rows.rows).toBe(7);
    expect(await engine.modelFile('m1')).toBeInstanceOf(Uint8Array);

    const partial = await engine.stackFile('s2');
    const opened = await engine.openModel('s2-again', partial);
    expect(opened).toMatchObject({ complete: false, summary: null });
    expect(opened.layers).toEqual([one.result, two.result]);
    const reopenedModel = await engine.openModel('m1-again', await engine.modelFile('m1'));
    expect(reopenedModel.complete).toBe(true);

    const again = await engine.retrainLayer(
      'job-4',
      { set, appVersion, from: 's2-again', index: 0, into: 's3', layer: layer(4) },
      control(),
      listen().listeners,
    );
    expect(again.dropped.map((r) => r.units)).toEqual([3]);
    expect(again.headroom.layers.map((l) => l.units)).toEqual([4]);

    const tuned = await engine.fineTune(
      'job-5',
      { set, appVersion, from: 'm1', into: 'm2', epochs: 1 },
      control(),
      listen().listeners,
    );
    expect(tuned.summary.fineTune?.before).toEqual(done.summary.logLikelihood.valid);

    await engine.release(['s1', 's2', 'm1']);
    await expect(engine.sample('m1', 3, 1)).rejects.toMatchObject({ code: 'noModel' });
    await expect(engine.stackFile('s1')).rejects.toMatchObject({ code: 'noModel' });
    expect((await engine.sample('m2', 3, 1)).rows).toBe(3);
  });

  it('suggests a size with a progress event per candidate', async () => {
    const heard = listen();
    const request = { candidates: [layer(2), layer(5)], settings, budgetSeconds: 120 };
    const suggestion = await engine.suggest('job-6', { set, request }, control(), heard.listeners);
    expect(heard.candidates.map((c) => c.units)).toEqual([2, 5]);
    expect(suggestion.ranking).toHaveLength(2);
    expect(heard.epochs.map((p) => p.layers)).toEqual([2, 2, 2, 2]);
  });

  it('refuses a request that does not match the protocol', async () => {
    const bad = engine.trainLayer(
      'job-7',
      { set, appVersion, from: null, into: 's9', layer: { ...layer(3), units: 0 }, settings },
      control(),
      listen().listeners,
    );
    await expect(bad).rejects.toMatchObject({ code: 'invalidRequest' });
  });
});
