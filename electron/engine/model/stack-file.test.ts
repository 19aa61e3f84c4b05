/**
 * The partial model file (a stack of layers, format version 2): it round-trips every
 * parameter (the exact-BLM layer's log Q too), and it is checked as completely as a complete
 * model — a container version that is not a stack's, layers out of step with their records,
 * a weight of the wrong shape or on the wrong layer, a non-finite value — each refused as
 * `model.corrupt` with its reason, never a TypeError.
 */
import { describe, expect, it } from 'vitest';
import type { LayerConfig, LayerResult, Method } from '../../../shared/domain/model.js';
import { formatError } from '../../../shared/i18n/format.js';
import { createRng } from '../../base/random.js';
import { deserializeModel, MODEL_FORMAT_VERSION } from './model-file.js';
import { matrix, type LayerStack, type StackedLayer } from './params.js';
import { describeStack, serializeStack } from './stack-file.js';

const rng = createRng(8);
const rand = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
const estimate = { value: -2.5, exact: true, se: null };

function stacked(l: number, n: number, k: number, method: Method): StackedLayer {
  const config: LayerConfig = {
    units: k,
    method,
    epochs: 2,
    batchSize: 32,
    learningRate: 0.01,
    samples: 8,
    inferenceWidth: null,
    criterion: 'blm',
    cdK: 1,
    persistent: true,
  };
  const result: LayerResult = { layer: l, units: k, method, epochs: 2, seconds: 1, blmTrain: estimate, blmValid: null };
  const groups = Array.from({ length: n }, () => ({ kind: 'bernoulli' as const }));
  return {
    config,
    gen: { weights: matrix(k, n, rand(k * n)), bias: rand(n), groups },
    inf: { kind: 'vanilla', layers: [{ weights: matrix(n, k, rand(n * k)), bias: rand(k) }] },
    encoderLogPrior: method === 'blm-exact' ? Float32Array.from({ length: 2 ** k }, () => -k * Math.LN2) : null,
    result,
  };
}

const stack: LayerStack = {
  visible: Array.from({ length: 6 }, () => ({ kind: 'bernoulli' as const })),
  settings: { seed: 3, validationFraction: 0.1, patience: 2 },
  data: { rows: 100, bits: 6, fingerprint: '0badf00d' },
  backend: 'wasm',
  layers: [stacked(0, 6, 4, 'rbm'), stacked(1, 4, 3, 'blm-exact')],
};
const bytes = serializeStack(stack, describeStack(stack, '9.9.9'));

/** The bytes with the JSON part edited (the weights left as they are). */
function withJson(edit: (json: { manifest: Record<string, unknown>; weightsManifest: unknown[] }) => void) {
  const buf = Buffer.from(bytes);
  const end = 16 + buf.readUInt32LE(12);
  const json = JSON.parse(buf.subarray(16, end).toString('utf8')) as Parameters<typeof edit>[0];
  edit(json);
  const text = Buffer.from(JSON.stringify(json));
  const head = Buffer.from(buf.subarray(0, 16));
  head.writeUInt32LE(text.length, 12);
  return new Uint8Array(Buffer.concat([head, text, buf.subarray(end)]));
}
type Entry = { name: string; shape: number[] };
const entries = (json: { weightsManifest: unknown[] }) => (json.weightsManifest[0] as { weights: Entry[] }).weights;

function reason(b: Uint8Array): string {
  try {
    deserializeModel(b);
  } catch (err) {
    expect(formatError(err, 'en')).not.toMatch(/undefined|@reason|TypeError/);
    return `${(err as { code: string }).code} ${String((err as { params: { reason?: string } }).params.reason ?? '')}`;
  }
  return 'loaded';
}

describe('partial model file', () => {
  it('round-trips the stack, the log Q of its exact-BLM layer included, as format version 2', () => {
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true)).toBe(MODEL_FORMAT_VERSION);
    const file = deserializeModel(bytes);
    if (file.complete) throw new Error('a stack reads back as a complete model');
    expect(file.stack).toEqual(stack);
  });

  it('is refused with a reason when tampered, never half-read', () => {
    const version = (v: number) => {
      const b = Uint8Array.from(bytes);
      new DataView(b.buffer).setUint32(8, v, true);
      return b;
    };
    expect(reason(version(1))).toBe('model.corrupt @reason.versionMismatch');
    expect(reason(version(0))).toBe('model.corrupt @reason.badVersion');
    expect(reason(version(3))).toBe('model.newerVersion ');
    expect(reason(bytes.subarray(0, bytes.length - 4))).toBe('model.corrupt @reason.truncatedWeights');
    const nan = Uint8Array.from(bytes);
    new DataView(nan.buffer).setFloat32(nan.length - 4, Number.NaN, true);
    expect(reason(nan)).toBe('model.corrupt @reason.nonFinite');
    const records = (j: { manifest: Record<string, unknown> }) => j.manifest.layers as { result: LayerResult }[];
    expect(reason(withJson((j) => (records(j)[1].result.method = 'aeries')))).toBe('model.corrupt @reason.stackRecord');
    expect(reason(withJson((j) => (j.manifest.layers = [])))).toBe('model.corrupt @reason.badLayerRecords');
    expect(reason(withJson((j) => (entries(j)[0].shape = [6, 4])))).toBe('model.corrupt @reason.weightShape');
    const logQ = (j: { weightsManifest: unknown[] }) => entries(j).find((e) => e.name === 'encoder/1/logQ')!;
    expect(reason(withJson((j) => (logQ(j).name = 'encoder/0/logQ')))).toBe('model.corrupt @reason.unexpectedWeight');
    expect(reason(withJson((j) => (logQ(j).shape = [4, 2])))).toBe('model.corrupt @reason.weightShape');
    expect(reason(withJson((j) => ((j.manifest.architecture as { sizes: number[] }).sizes[0] = 5000)))).toBe(
      'model.corrupt @reason.tooLarge',
    );
  });
});
