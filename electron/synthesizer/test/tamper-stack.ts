/**
 * Tampered partial model files (a stack of layers, `complete: false`, format version 2) for the
 * tampered-model suite, generated from a real stack file by a seeded script: truncation, the
 * container version against the kind of file, the stack's own records (settings, each layer's
 * configuration and results) out of step with its layers, every list of the architecture,
 * weights missing, extra, transposed or reshaped (the `log Q` of an exact-BLM layer too), NaN
 * and ±Infinity values, the data encoding against the layers, and seeded byte flips.
 */
import { createRng } from '../../base/random.js';
import { decompose, edited, encoding, transpose, weight, type Json, type Parts, type Tampered } from './tamper.js';

const corrupt = ['model.corrupt'];
const arch = (p: Parts) => p.manifest.architecture as Json & { sizes: number[]; visible: Json[]; methods: string[] };
const records = (p: Parts) => p.manifest.layers as { config: Json; result: Json }[];

/** Every tampered variant of a stack file whose last layer is `blm-exact` (with its log Q) and whose first is not. */
export function tamperedStacks(bytes: Uint8Array, seed: number): Tampered[] {
  const rng = createRng(seed);
  const parts = decompose(bytes);
  const L = arch(parts).sizes.length;
  const logQ = `encoder/${L - 1}/logQ`;
  const out: Tampered[] = [];
  const add = (name: string, b: Uint8Array, codes: string[] | null, reason?: string) =>
    out.push({ name: `stack: ${name}`, bytes: b, codes, reason });
  const edit = (name: string, change: (p: Parts) => void, reason: string, codes = corrupt) =>
    add(name, edited(parts, change), codes, reason);
  const jsonEnd = 16 + Buffer.from(bytes).readUInt32LE(12);

  const offsets = new Set([16, 17, jsonEnd - 1, jsonEnd, jsonEnd + 1, bytes.length - 1]);
  while (offsets.size < 12) offsets.add(16 + rng.int(bytes.length - 16));
  for (const at of [...offsets].sort((a, b) => a - b)) add(`truncated at ${at}`, bytes.subarray(0, at), corrupt);
  add('extra bytes after the weights', Buffer.concat([bytes, Buffer.alloc(8)]), corrupt, 'extraBytes');

  // The container version must be that of a partial model.
  const header = (version: number) => {
    const b = Uint8Array.from(bytes);
    new DataView(b.buffer).setUint32(8, version, true);
    return b;
  };
  add('container version 0', header(0), corrupt, 'badVersion');
  add('container version 1 (that of a complete model)', header(1), corrupt, 'versionMismatch');
  add('container version 3', header(3), ['model.newerVersion']);
  edit('said to be complete', (p) => delete p.manifest.complete, 'versionMismatch');

  // The stack's records and its architecture.
  edit('settings damaged', (p) => (p.manifest.settings = { seed: 'x' }), 'badConfig');
  edit('no layer records', (p) => (p.manifest.layers = []), 'badLayerRecords');
  edit('training rows damaged', (p) => (p.manifest.data = { rows: -1 }), 'badProvenance');
  edit('no architecture sizes', (p) => delete (arch(p) as Json).sizes, 'badArchitecture');
  edit('one layer size more', (p) => arch(p).sizes.push(3), 'layerLists');
  edit('one method fewer', (p) => arch(p).methods.pop(), 'layerLists');
  edit('a layer record fewer', (p) => records(p).pop(), 'configMismatch');
  edit('layer size changed', (p) => (arch(p).sizes[0] += 1), 'configMismatch');
  edit('a layer record of another method', (p) => (records(p)[0].config.method = 'rbm'), 'stackRecord');
  edit('a layer result of other units', (p) => (records(p)[1].result.units = 99), 'stackRecord');
  edit(
    'layer size changed in its record too',
    (p) => {
      arch(p).sizes[0] += 1;
      records(p)[0].config.units = arch(p).sizes[0];
      records(p)[0].result.units = arch(p).sizes[0];
    },
    'weightShape',
  );
  edit(
    'huge layer sizes',
    (p) => {
      arch(p).sizes[0] = 1e9;
      records(p)[0].config.units = 1e9;
      records(p)[0].result.units = 1e9;
    },
    'tooLarge',
  );
  edit('no visible groups', (p) => (arch(p).visible = []), 'noVisible');

  // The weights, the exact-BLM layer's log Q among them.
  edit('a weight missing', (p) => p.weights.splice(1, 1), 'missingWeight');
  edit('a weight twice', (p) => p.weights.push({ ...p.weights[0] }), 'duplicateWeight');
  edit('a transposed matrix', (p) => transpose(weight(p, 'generative/0/W')), 'weightShape');
  edit(
    'a top prior in a stack',
    (p) => p.weights.push({ name: 'top/logits', shape: [2], dtype: 'float32', values: new Float32Array(2) }),
    'unexpectedWeight',
  );
  edit(
    'a log Q on a layer that is not exact BLM',
    (p) => p.weights.push({ ...weight(p, logQ), name: 'encoder/0/logQ' }),
    'unexpectedWeight',
  );
  edit(
    'a log Q one value short',
    (p) => {
      const w = weight(p, logQ);
      w.values = w.values.subarray(1);
      w.shape = [w.values.length];
    },
    'weightShape',
  );
  edit('the exact-BLM layer said to be aeries', (p) => (arch(p).methods[L - 1] = 'aeries'), 'stackRecord');
  for (const w of parts.weights)
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      edit(
        `${String(value)} in ${w.name}`,
        (p) => (weight(p, w.name).values[rng.int(w.values.length)] = value),
        'nonFinite',
      );

  // The data encoding against the layers.
  edit('no data encoding', (p) => delete p.manifest.dataEncoding, 'encodingInvalid', ['data.badEncodingSpec']);
  edit(
    'a level more than the layers read',
    (p) => {
      const c = encoding(p).columns.find((x) => x.kind === 'levels')!;
      (c.levels as string[]).push('extra');
    },
    'encodingGroups',
    ['data.badEncodingSpec'],
  );
  edit('data provenance damaged', (p) => (p.manifest.dataProvenance = { fileName: 3 }), 'badProvenance');

  for (let i = 0; i < 20; i++) {
    const b = Uint8Array.from(bytes);
    const at = rng.int(b.length);
    b[at] ^= 1 << rng.int(8);
    add(`bit flip at ${at}`, b, null);
  }
  return out;
}
