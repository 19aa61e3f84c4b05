/** The `.lwm` model bytes: round trip of every parameter and of fields the caller adds, identical samples after loading, refusal of newer versions and garbage. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors.js';
import type { TrainConfig, TrainSummary } from '../../../shared/domain/model.js';
import {
  describeModel,
  deserializeModel,
  MODEL_FORMAT_VERSION,
  serializeModel,
  type ModelManifestInput,
} from './model-file.js';
import { matrix, type DeepModelParams, type TopPriorParams } from './params.js';
import { createRng } from '../../base/random.js';
import { sampleVisible } from './sample.js';

const rng = createRng(4);
const rand = (n: number) => Float32Array.from({ length: n }, () => 2 * rng.normal());

function model(top: TopPriorParams): DeepModelParams {
  return {
    visible: [{ kind: 'bernoulli' }, { kind: 'softmax', size: 3 }, { kind: 'bernoulli' }],
    sizes: [4, 3],
    methods: ['aeries', 'rbm'],
    generative: [
      {
        weights: matrix(4, 5, rand(20)),
        bias: rand(5),
        groups: [{ kind: 'bernoulli' }, { kind: 'softmax', size: 3 }, { kind: 'bernoulli' }],
      },
      {
        weights: matrix(3, 4, rand(12)),
        bias: rand(4),
        groups: Array.from({ length: 4 }, () => ({ kind: 'bernoulli' as const })),
      },
    ],
    inference: [
      {
        kind: 'rich',
        layers: [
          { weights: matrix(5, 64, rand(320)), bias: rand(64) },
          { weights: matrix(64, 4, rand(256)), bias: rand(4) },
        ],
      },
      { kind: 'vanilla', layers: [{ weights: matrix(4, 3, rand(12)), bias: rand(3) }] },
    ],
    top,
  };
}

const estimate = { value: -3.2, exact: true, se: null };
const config: TrainConfig = {
  layers: [
    {
      units: 4,
      method: 'aeries',
      epochs: 3,
      batchSize: 32,
      learningRate: 0.01,
      samples: 8,
      inferenceWidth: null,
      criterion: 'blm',
      cdK: 1,
      persistent: true,
    },
    {
      units: 3,
      method: 'rbm',
      epochs: 3,
      batchSize: 32,
      learningRate: 0.05,
      samples: 8,
      inferenceWidth: null,
      criterion: 'blm',
      cdK: 1,
      persistent: true,
    },
  ],
  topPrior: 'rbm',
  topHidden: 2,
  topEpochs: 3,
  seed: 42,
  validationFraction: 0.1,
  patience: 0,
  fineTuneEpochs: 0,
};
const metrics: TrainSummary = {
  backend: 'wasm',
  seconds: 1.5,
  layers: [
    {
      layer: 0,
      units: 4,
      method: 'aeries',
      epochs: 3,
      seconds: 1,
      blmTrain: estimate,
      blmValid: { value: -3.4, exact: false, se: 0.01 },
    },
  ],
  logLikelihood: { train: estimate, valid: null, test: null },
  fineTune: null,
  outside: { rows: 40, represented: 30, logLikelihood: { value: -4.1, exact: true, se: null } },
};
const input: ModelManifestInput = { appVersion: '0.1.0', config, metrics };
/** A field the engine does not know, stored and given back as it is. */
const dataEncoding = { columns: [{ name: 'a', kind: 'boolean' }] };
const bytesOf = (m: DeepModelParams) => serializeModel(m, { ...describeModel(m, input), dataEncoding });

const tops: TopPriorParams[] = [
  { kind: 'rbm', weights: matrix(3, 2, rand(6)), visibleBias: rand(3), hiddenBias: rand(2) },
  { kind: 'table', logProbs: Float64Array.from({ length: 8 }, (_, s) => Math.fround(Math.log((s + 1) / 36))) },
  { kind: 'bernoulli', logits: rand(3) },
];

describe('model file', () => {
  for (const top of tops) {
    it(`round-trips a model with a ${top.kind} prior and reproduces its samples for a seed`, () => {
      const m = model(top);
      const back = deserializeModel(bytesOf(m));
      if (!back.complete) throw new Error('a complete model reads back as a stack');
      expect(back.model).toEqual(m);
      expect(back.manifest.formatVersion).toBe(1);
      expect(back.manifest.seed).toBe(42);
      expect(back.manifest.dataEncoding).toEqual(dataEncoding);
      expect(back.manifest.metrics).toEqual(metrics);
      expect(back.manifest.architecture.sizes).toEqual([4, 3]);
      const a = sampleVisible(m, 50, 9);
      const b = sampleVisible(back.model, 50, 9);
      expect(Array.from(b.data)).toEqual(Array.from(a.data));
      expect(Array.from(sampleVisible(back.model, 50, 10).data)).not.toEqual(Array.from(a.data));
    });
  }

  it('refuses a newer format version with a translated error', () => {
    const bytes = bytesOf(model(tops[2]));
    const newer = Uint8Array.from(bytes);
    new DataView(newer.buffer).setUint32(8, MODEL_FORMAT_VERSION + 1, true);
    expect(() => deserializeModel(newer)).toThrow(expect.objectContaining({ code: 'model.newerVersion' }));
    // A newer formatVersion inside the manifest (same container) is refused as well.
    const text = Buffer.from(bytes).toString('latin1').replace('"formatVersion":1', '"formatVersion":7');
    expect(() => deserializeModel(Uint8Array.from(Buffer.from(text, 'latin1')))).toThrow(
      expect.objectContaining({ code: 'model.newerVersion' }),
    );
  });

  it('refuses garbage, truncated and tampered files', () => {
    const bytes = bytesOf(model(tops[0]));
    const expectCode = (b: Uint8Array, code: string) => {
      let err: unknown = null;
      try {
        deserializeModel(b);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe(code);
    };
    expectCode(Uint8Array.from(Buffer.from('hello, this is not a model at all')), 'model.notAModel');
    expectCode(bytes.subarray(0, 40), 'model.corrupt');
    expectCode(bytes.subarray(0, bytes.length - 8), 'model.corrupt');
    const tampered = Buffer.from(bytes)
      .toString('latin1')
      .replace('"format":"layerwise-model"', '"format":"layerwise-m0del"');
    expectCode(Uint8Array.from(Buffer.from(tampered, 'latin1')), 'model.corrupt');
    expectCode(Uint8Array.from([1, 2, 3]), 'model.notAModel');
  });
});
