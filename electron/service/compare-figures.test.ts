/**
 * The figures the Train step compares models by, stored per model when a run ends and kept in
 * the project file: an AERIes model and a stacked-RBM model of one project each have their
 * methods per layer, sizes, train/validation/test log-likelihood (exact or estimated), each
 * layer's bound and the training time, before and after a save and reopen. A model's quality
 * score, once measured, is saved with it; project files without it (older ones) still load.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../../shared/domain/model.js';
import type { ModelRecord, ProjectModel } from '../../shared/domain/project.js';
import { EngineClient } from './engine-thread/client.js';
import { projectFromBytes, projectToBytes } from './project/project-file.js';
import { testService } from './project/test-support.js';

let dir: string;
let engine: EngineClient;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lw-compare-figures-'));
  engine = new EngineClient();
});
afterAll(async () => {
  await engine.dispose();
  await rm(dir, { recursive: true, force: true });
});

function service() {
  return testService(engine, { autosaves: null });
}

/** Trains two layers (8 and 4 units) of `method`, one epoch each, and waits for the model. */
async function trainWith(s: ReturnType<typeof service>, method: Method): Promise<void> {
  const { config } = await s.svc['train.defaults']();
  const layer = { ...config.layers[0], method, epochs: 1, learningRate: method === 'rbm' ? 0.05 : 0.01 };
  const tiny = {
    ...config,
    layers: [
      { ...layer, units: 8 },
      { ...layer, units: 4 },
    ],
    topPrior: 'bernoulli' as const,
    patience: 0,
  };
  const { runId } = await s.svc['train.start']({ rareMin: 5, config: tiny });
  await expect
    .poll(() => s.events.find((e) => e.type === 'train.state' && e.runId === runId && e.state !== 'running'), {
      timeout: 120_000,
    })
    .toMatchObject({ state: 'done' });
}

/** What the comparison shows of a model. */
function figures(m: ProjectModel) {
  const { logLikelihood: ll, layers, seconds } = m.summary;
  return {
    methods: m.config.layers.map((l) => l.method),
    units: m.config.layers.map((l) => l.units),
    bits: m.bits,
    hasTrain: Number.isFinite(ll.train.value),
    hasValid: ll.valid !== null,
    hasTest: ll.test !== null,
    labelled: [ll.train, ll.valid, ll.test].every((e) => e === null || typeof e.exact === 'boolean'),
    bounds: layers.map((r) => r.blmValid !== null && Number.isFinite(r.blmTrain.value)),
    timed: seconds > 0,
  };
}

describe('the figures models are compared by', () => {
  it('are stored for an AERIes and a stacked-RBM model at the end of training and kept by a save and reopen', async () => {
    const first = service();
    await first.svc['data.import']({ source: { kind: 'sample' } });
    const split = { train: 0.8, valid: 0.1, test: 0.1 };
    await first.svc['subset.apply']({
      spec: { segments: null, sample: { rows: 600, stratified: false }, seed: 2, split },
    });
    await trainWith(first, 'aeries');
    await trainWith(first, 'rbm');
    const before = await first.svc['project.state']();
    expect(before.models.map(figures)).toEqual(
      (['aeries', 'rbm'] as const).map((method) => ({
        methods: [method, method],
        units: [8, 4],
        bits: expect.any(Number),
        hasTrain: true,
        hasValid: true,
        hasTest: true,
        labelled: true,
        bounds: [true, true],
        timed: true,
      })),
    );

    const { result } = await first.svc['project.save']({ as: false });
    expect(result.saved).toBe(true);
    const path = join(dir, 'orders.lwproj');
    await writeFile(path, first.saver.saved.at(-1)!.bytes);
    const second = service();
    const reopened = await second.svc['project.open']({ fileId: second.files.register(path).fileId });
    expect(reopened.models.map(figures)).toEqual(before.models.map(figures));
    expect(reopened.models.map((m) => m.summary)).toEqual(before.models.map((m) => m.summary));
  });

  it('keeps a quality score with its model; a project file without one loads', () => {
    const record = (id: string): ModelRecord => ({
      id,
      name: id,
      origin: 'trained',
      createdAt: '2026-12-01T10:00:00.000Z',
      config: {
        layers: [
          {
            units: 4,
            method: 'rbm',
            epochs: 1,
            batchSize: 16,
            learningRate: 0.05,
            samples: 4,
            inferenceWidth: null,
            criterion: 'blm',
            cdK: 1,
            persistent: true,
          },
        ],
        topPrior: 'bernoulli',
        topHidden: 4,
        topEpochs: 1,
        seed: 1,
        validationFraction: 0.1,
        patience: 0,
        fineTuneEpochs: 0,
      },
      summary: {
        backend: 'wasm',
        seconds: 1,
        layers: [],
        logLikelihood: { train: { value: -3, exact: true, se: null }, valid: null, test: null },
        fineTune: null,
        outside: null,
      },
      bits: 8,
      lineage: null,
      points: [],
    });
    const content = {
      appVersion: '0.1.0',
      savedAt: '2026-12-01T10:00:00.000Z',
      id: 'p',
      name: 'p',
      source: null,
      data: null,
      subset: null,
      modelOnly: true,
      selected: 'scored',
      run: null,
      models: [
        { record: { ...record('scored'), quality: { score: 72.5, of: 'test' as const } }, bytes: new Uint8Array([1]) },
        { record: record('older'), bytes: new Uint8Array([2]) },
      ],
    };
    const back = projectFromBytes(projectToBytes(content), 'p.lwproj');
    expect(back.models.map((m) => m.record.quality)).toEqual([{ score: 72.5, of: 'test' }, undefined]);
  });
});
