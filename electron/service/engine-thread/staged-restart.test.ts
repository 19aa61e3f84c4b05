/**
 * A failed layer-by-layer stage never poisons the next, as a failed run does not: when the
 * engine breaks inside a stage (or "Suggest a size"), the thread is replaced, the stage is
 * reported as `engine.runFailed`, and the replacement is given back the last model and the
 * last stack (kept as bytes by the client) under their ids; an older stack kept only on the
 * broken thread is gone (`noModel`), and a released one is not given back.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTrainConfig, type LayerConfig } from '../../../shared/domain/model.js';
import { applySubset, importCsv } from '../../data/index.js';
import { prepareTraining, type TrainingSet } from '../../synthesizer/index.js';
import { EngineClient } from './client.js';

let engine: EngineClient;
let set: TrainingSet;
let layer: (units: number) => LayerConfig;
const appVersion = '9.9.9';
const settings = { seed: 2, validationFraction: 0.1, patience: 0 };
const quiet = { onEpoch: () => undefined };
const control = () => EngineClient.controlWord().buffer;

beforeAll(async () => {
  engine = new EngineClient({ testFault: 'poison' });
  const dataset = await importCsv(fileURLToPath(new URL('../../../resources/sample-orders.csv', import.meta.url)));
  const subset = applySubset(dataset, {
    segments: null,
    sample: { rows: 300, stratified: false },
    seed: 5,
    split: { train: 0.8, valid: 0.1, test: 0.1 },
  });
  set = prepareTraining(subset);
  const base = defaultTrainConfig(set.train.bits, set.train.rows).layers[0];
  layer = (units) => ({ ...base, units, epochs: 1 });
});

afterAll(async () => {
  await engine.dispose();
});

const next = (runId: string, from: string | null, into: string, units: number) =>
  engine.trainLayer(runId, { set, appVersion, from, into, layer: layer(units), settings }, control(), quiet);

describe('the engine thread replaced after a failed stage', () => {
  it('gives the replacement the last model and the last stack, and the next stage trains', async () => {
    await next('job-1', null, 's1', 5);
    await next('job-2', 's1', 's2', 3);
    const top = { topPrior: 'bernoulli' as const, topHidden: 4, topEpochs: 0 };
    await engine.finish('job-3', { set, appVersion, from: 's2', into: 'm1', top }, control(), quiet);
    const rows = await engine.sample('m1', 20, 7);
    const stackBytes = await engine.stackFile('s2');

    await expect(next('poison-1', 's2', 's3', 2)).rejects.toMatchObject({
      code: 'engine.runFailed',
      params: { message: 'memory access out of bounds' },
    });
    expect(engine.restarts).toBe(1);
    expect(await engine.sample('m1', 20, 7)).toEqual(rows);
    expect(await engine.stackFile('s2')).toEqual(stackBytes);
    // Only the last stack is kept: an older one was on the broken thread alone.
    await expect(engine.stackFile('s1')).rejects.toMatchObject({ code: 'noModel' });
    const three = await next('job-4', 's2', 's3', 2);
    expect(three.headroom.layers.map((l) => l.units)).toEqual([5, 3, 2]);
    expect(engine.restarts).toBe(1);
  });

  it('replaces it after a failed "Suggest a size" too, and does not give back what was released', async () => {
    await engine.release(['s3']);
    const request = { candidates: [layer(2)], settings, budgetSeconds: 60 };
    await expect(engine.suggest('poison-2', { set, request }, control(), quiet)).rejects.toMatchObject({
      code: 'engine.runFailed',
    });
    expect(engine.restarts).toBe(2);
    await expect(engine.stackFile('s3')).rejects.toMatchObject({ code: 'noModel' });
    expect((await engine.sample('m1', 3, 1)).rows).toBe(3);
  });
});
