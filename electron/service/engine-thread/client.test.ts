/**
 * A failed run never poisons the next: when the engine breaks inside a run (an internal error,
 * such as the WebAssembly memory fault of the audit), the engine thread is replaced, the model
 * trained before is given back to the new one, and the next run trains. An error the user can
 * fix (too few rows, a setting too large) keeps the engine as it is.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTrainConfig, type TrainConfig } from '../../../shared/domain/model.js';
import { formatError } from '../../../shared/i18n/format.js';
import { applySubset, importCsv } from '../../data/index.js';
import { prepareTraining, type TrainingSet } from '../../synthesizer/index.js';
import { EngineClient } from './client.js';

let set: TrainingSet;
let config: TrainConfig;
const clients: EngineClient[] = [];
const quiet = { onEpoch: () => undefined, onLayer: () => undefined };

function client(options: ConstructorParameters<typeof EngineClient>[0] = {}): EngineClient {
  const c = new EngineClient(options);
  clients.push(c);
  return c;
}

function train(engine: EngineClient, runId: string, trainingSet = set, cfg = config) {
  const control = EngineClient.controlWord();
  return engine.train(runId, { config: cfg, set: trainingSet, appVersion: '9.9.9' }, control.buffer, quiet);
}

beforeAll(async () => {
  const dataset = await importCsv(fileURLToPath(new URL('../../../resources/sample-orders.csv', import.meta.url)));
  const subset = applySubset(dataset, {
    segments: null,
    sample: { rows: 400, stratified: false },
    seed: 2,
    split: { train: 0.8, valid: 0.1, test: 0.1 },
  });
  set = prepareTraining(subset);
  const base = defaultTrainConfig(set.train.bits, set.train.rows);
  config = { ...base, layers: [{ ...base.layers[0], units: 6, epochs: 1 }], topPrior: 'bernoulli' };
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});

describe('engine client', () => {
  it('replaces an engine broken by a run, gives it the model trained before, and trains the next run', async () => {
    const engine = client({ testFault: 'poison' });
    await train(engine, 'first');
    const before = await engine.sample('first', 30, 4);

    const failed = await train(engine, 'poison-1').catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'engine.runFailed', params: { message: 'memory access out of bounds' } });
    expect(formatError(failed, 'en')).toMatch(
      /^Training stopped on an error inside the engine .* The engine was restarted/,
    );
    expect(engine.restarts).toBe(1);
    // The replacement thread has the last trained model: the same rows for the same seed.
    expect(await engine.sample('first', 30, 4)).toEqual(before);

    // The broken thread would fail every run from now on: this one runs on its replacement.
    const { summary } = await train(engine, 'second');
    expect(summary.layers).toHaveLength(1);
    expect(engine.restarts).toBe(1);
    expect(await engine.sample('second', 5, 1)).toMatchObject({ rows: 5 });
  });

  it('replaces the engine after a real failure inside a run (rows that do not fill their shape)', async () => {
    const engine = client();
    const broken: TrainingSet = {
      ...set,
      train: { ...set.train, data: set.train.data.subarray(0, set.train.bits * 5) },
    };
    await expect(train(engine, 'broken', broken)).rejects.toMatchObject({ code: 'engine.runFailed' });
    expect(engine.restarts).toBe(1);
    await expect(train(engine, 'after')).resolves.toMatchObject({ summary: { layers: [{ units: 6 }] } });
  });

  it('keeps the engine when the error is the user to fix', async () => {
    const engine = client();
    const few: TrainingSet = {
      ...set,
      train: { ...set.train, rows: 5, data: set.train.data.subarray(0, set.train.bits * 5) },
    };
    await expect(train(engine, 'few', few)).rejects.toMatchObject({ code: 'train.tooFewRows', params: { min: 10 } });
    const huge = { ...config, layers: [{ ...config.layers[0], units: 1024, samples: 256, batchSize: 4096 }] };
    await expect(train(engine, 'huge', set, huge)).rejects.toMatchObject({ code: 'train.tooLarge' });
    expect(engine.restarts).toBe(0);
    await expect(train(engine, 'fine')).resolves.toMatchObject({ summary: { layers: [{ units: 6 }] } });
  });
});
