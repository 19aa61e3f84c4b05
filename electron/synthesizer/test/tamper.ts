/**
 * Tampered model files for the tampered-model suite, generated from a real model file by a
 * seeded script (never copied files): truncation at many offsets, header fields, bad JSON,
 * every list of the architecture and the data encoding (its calibration too) out of step with the others, weights
 * missing, extra, duplicated, transposed or reshaped, NaN and ±Infinity values, a table prior
 * that is not a distribution, huge declared lengths, and seeded byte flips.
 */
import { createRng } from '../../base/random.js';

export interface Tampered {
  name: string;
  bytes: Uint8Array;
  /** The error codes that are right for it; null: it may also load (a flip that left a valid file). */
  codes: string[] | null;
  /** The reason (a `@reason.*` term) a refusal must give, when there is one to expect. */
  reason?: string;
}

export interface Weight {
  name: string;
  shape: number[];
  dtype: string;
  values: Float32Array;
}

export type Json = Record<string, unknown>;

export interface Parts {
  version: number;
  manifest: Json;
  weights: Weight[];
}

export function decompose(bytes: Uint8Array): Parts {
  const buf = Buffer.from(bytes);
  const jsonLength = buf.readUInt32LE(12);
  const container = JSON.parse(buf.subarray(16, 16 + jsonLength).toString('utf8')) as {
    manifest: Json;
    weightsManifest: { weights: { name: string; shape: number[]; dtype: string }[] }[];
  };
  let at = 16 + jsonLength;
  const weights = container.weightsManifest[0].weights.map((w) => {
    const count = w.shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++, at += 4) values[i] = buf.readFloatLE(at);
    return { ...w, values };
  });
  return { version: buf.readUInt32LE(8), manifest: container.manifest, weights };
}

export function compose(parts: Parts, body?: Uint8Array): Uint8Array {
  const json = Buffer.from(
    JSON.stringify({
      manifest: parts.manifest,
      weightsManifest: [
        {
          paths: ['weights.bin'],
          weights: parts.weights.map(({ name, shape, dtype }) => ({ name, shape, dtype })),
        },
      ],
    }),
  );
  const values = body ?? new Uint8Array(Float32Array.from(parts.weights.flatMap((w) => Array.from(w.values))).buffer);
  const head = Buffer.alloc(16);
  head.write('LWMODEL\0', 0, 'latin1');
  head.writeUInt32LE(parts.version, 8);
  head.writeUInt32LE(json.length, 12);
  return new Uint8Array(Buffer.concat([head, json, Buffer.from(values)]));
}

const clone = <T>(value: T): T => structuredClone(value);

/** A copy of the parts changed by `edit`, composed back to bytes. */
export function edited(parts: Parts, edit: (p: Parts) => void): Uint8Array {
  const copy: Parts = {
    version: parts.version,
    manifest: clone(parts.manifest),
    weights: parts.weights.map((w) => ({ ...w, shape: [...w.shape], values: Float32Array.from(w.values) })),
  };
  edit(copy);
  return compose(copy);
}

const arch = (p: Parts) => p.manifest.architecture as Json & { sizes: number[]; visible: Json[]; methods: string[] };
export const encoding = (p: Parts) =>
  p.manifest.dataEncoding as {
    version: number;
    header: string[];
    columns: (Json & { kind: string; column: number })[];
    calibration?: { columns: number[]; knots: number[][] };
  };
export const weight = (p: Parts, name: string) => p.weights.find((w) => w.name === name)!;

export function transpose(w: Weight): void {
  const [rows, cols] = w.shape;
  const out = new Float32Array(w.values.length);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = w.values[i * cols + j];
  w.values = out;
  w.shape = [cols, rows];
}

const corrupt = ['model.corrupt'];
const encodingError = ['data.badEncodingSpec'];

/** Every tampered variant of a model file (a two-layer model with an RBM top prior, rich and vanilla inference). */
export function tamperedModels(bytes: Uint8Array, seed: number): Tampered[] {
  const rng = createRng(seed);
  const parts = decompose(bytes);
  const out: Tampered[] = [];
  const add = (name: string, b: Uint8Array, codes: string[] | null, reason?: string) =>
    out.push({ name, bytes: b, codes, reason });
  const jsonEnd = 16 + Buffer.from(bytes).readUInt32LE(12);

  // Truncation: the header, the description, the weights, the last byte, and seeded offsets between.
  const offsets = new Set([0, 1, 7, 8, 11, 12, 15, 16, 17, jsonEnd - 1, jsonEnd, jsonEnd + 1, bytes.length - 1]);
  while (offsets.size < 40) offsets.add(rng.int(bytes.length));
  for (const at of [...offsets].sort((a, b) => a - b))
    add(`truncated at ${at}`, bytes.subarray(0, at), at < 16 ? ['model.notAModel', 'model.corrupt'] : corrupt);
  add('extra bytes after the weights', Buffer.concat([bytes, Buffer.alloc(12)]), corrupt, 'extraBytes');

  // The header.
  const header = (offset: number, value: number) => {
    const b = Uint8Array.from(bytes);
    new DataView(b.buffer).setUint32(offset, value, true);
    return b;
  };
  add('container version 0', header(8, 0), corrupt, 'badVersion');
  add('container version 2 (that of a partial model)', header(8, 2), corrupt, 'versionMismatch');
  add('container version 3', header(8, 3), ['model.newerVersion']);
  add('huge declared description length', header(12, 0xffffffff), corrupt, 'truncatedHeader');
  add('description length cut short', header(12, jsonEnd - 16 - 10), corrupt, 'badJson');
  const notJson = Uint8Array.from(bytes);
  notJson[16] = '['.charCodeAt(0);
  add('description not JSON', notJson, corrupt, 'badJson');
  add('bad magic', Uint8Array.from([...Buffer.from('LWMODEX\0'), ...bytes.subarray(8)]), ['model.notAModel']);

  // The manifest and the architecture.
  const manifestEdit = (name: string, edit: (p: Parts) => void, codes: string[], reason?: string) =>
    add(name, edited(parts, edit), codes, reason);
  manifestEdit('formatVersion 0', (p) => (p.manifest.formatVersion = 0), corrupt, 'badManifest');
  manifestEdit('no architecture sizes', (p) => delete (arch(p) as Json).sizes, corrupt, 'badArchitecture');
  manifestEdit('metrics damaged', (p) => (p.manifest.metrics = { seconds: 'x' }), corrupt, 'badMetrics');
  manifestEdit('config damaged', (p) => ((p.manifest.config as Json).layers = []), corrupt, 'badConfig');
  manifestEdit('one layer size more', (p) => arch(p).sizes.push(3), corrupt, 'layerLists');
  manifestEdit('one method fewer', (p) => arch(p).methods.pop(), corrupt, 'layerLists');
  manifestEdit('inference list shorter', (p) => (arch(p).inference as string[]).pop(), corrupt, 'layerLists');
  manifestEdit('layer size changed', (p) => (arch(p).sizes[0] += 1), corrupt, 'configMismatch');
  manifestEdit(
    'layer size changed in the settings too',
    (p) => {
      arch(p).sizes[0] += 1;
      ((p.manifest.config as Json).layers as Json[])[0].units = arch(p).sizes[0];
    },
    corrupt,
    'weightShape',
  );
  manifestEdit(
    'huge layer sizes',
    (p) => {
      arch(p).sizes = [1e9, 2];
      ((p.manifest.config as Json).layers as Json[])[0].units = 1e9;
    },
    corrupt,
    'tooLarge',
  );
  manifestEdit('no visible groups', (p) => (arch(p).visible = []), corrupt, 'noVisible');
  manifestEdit(
    'a visible softmax group one larger',
    (p) => {
      const g = arch(p).visible.find((v) => v.kind === 'softmax')!;
      g.size = (g.size as number) + 1;
    },
    corrupt,
    'weightShape',
  );
  manifestEdit(
    'top hidden units changed',
    (p) => (arch(p).topHidden = (arch(p).topHidden as number) + 2),
    corrupt,
    'weightShape',
  );
  manifestEdit(
    "the top prior's bias one longer",
    (p) => {
      const w = weight(p, 'top/visibleBias');
      w.values = Float32Array.from([...w.values, 0]);
      w.shape = [w.values.length];
    },
    corrupt,
    'weightShape',
  );
  manifestEdit('top prior said to be a table', (p) => (arch(p).top = 'table'), corrupt, 'unexpectedWeight');
  manifestEdit('top prior said to be Bernoulli', (p) => (arch(p).top = 'bernoulli'), corrupt, 'unexpectedWeight');

  // The weights.
  manifestEdit('a weight missing', (p) => p.weights.splice(1, 1), corrupt, 'missingWeight');
  manifestEdit('a weight twice', (p) => p.weights.push({ ...p.weights[0] }), corrupt, 'duplicateWeight');
  manifestEdit(
    'an unknown weight',
    (p) => p.weights.push({ name: 'generative/9/W', shape: [2], dtype: 'float32', values: new Float32Array(2) }),
    corrupt,
    'unexpectedWeight',
  );
  manifestEdit('a transposed matrix', (p) => transpose(weight(p, 'generative/0/W')), corrupt, 'weightShape');
  manifestEdit(
    'a matrix declared as a vector',
    (p) => (weight(p, 'generative/0/W').shape = [weight(p, 'generative/0/W').values.length]),
    corrupt,
    'weightShape',
  );
  manifestEdit('a huge declared shape', (p) => (weight(p, 'top/W').shape = [1e9, 1e9]), corrupt, 'weightShape');
  manifestEdit('a weight of another type', (p) => (p.weights[0].dtype = 'float64'), corrupt, 'badWeightList');
  const bad = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const w of parts.weights)
    for (const value of bad)
      manifestEdit(
        `${String(value)} in ${w.name}`,
        (p) => (weight(p, w.name).values[rng.int(w.values.length)] = value),
        corrupt,
        'nonFinite',
      );

  // The data encoding against the model.
  manifestEdit('no data encoding', (p) => delete p.manifest.dataEncoding, encodingError, 'encodingInvalid');
  manifestEdit(
    'a header of one name',
    (p) => (encoding(p).header = encoding(p).header.slice(0, 1)),
    encodingError,
    'headerColumns',
  );
  manifestEdit(
    'a column left out of the encoding',
    (p) => {
      const e = encoding(p);
      const i = e.columns.findIndex((c) => c.kind === 'levels' || c.kind === 'bins');
      e.columns.splice(i, 1);
      e.header.splice(i, 1);
      e.columns.forEach((c, j) => (c.column = j));
    },
    encodingError,
    'encodingGroups',
  );
  manifestEdit('columns out of order', (p) => (encoding(p).columns[0].column = 5), encodingError, 'columnOrder');
  manifestEdit(
    'a level more than the model has',
    (p) => {
      const c = encoding(p).columns.find((x) => x.kind === 'levels')!;
      (c.levels as string[]).push('extra');
    },
    encodingError,
    'encodingGroups',
  );
  manifestEdit('an encoding of a newer version', (p) => (encoding(p).version = 4), ['model.newerVersion']);
  manifestEdit(
    'a fine bit more than the model has',
    (p) => {
      const c = encoding(p).columns.find((x) => x.kind === 'quantiles')!;
      c.fineBits = (c.fineBits as number) + 1;
    },
    encodingError,
    'encodingGroups',
  );
  manifestEdit(
    'rare values without their counts',
    (p) => {
      const c = encoding(p).columns.find((x) => x.kind === 'levels')!;
      (c.otherLevels as string[]).push('rare');
    },
    encodingError,
    'otherCounts',
  );
  manifestEdit(
    'quantile knots reversed',
    (p) => {
      const c = encoding(p).columns.find((x) => x.kind === 'quantiles')!;
      (c.knots as number[]).reverse();
    },
    encodingError,
    'badEdges',
  );
  manifestEdit(
    'calibration knots reversed',
    (p) => encoding(p).calibration!.knots[0].reverse(),
    encodingError,
    'badCalibration',
  );
  manifestEdit(
    'calibration of a column that is not a quantile code',
    (p) => {
      const e = encoding(p);
      e.calibration!.columns[0] = e.columns.findIndex((x) => x.kind !== 'quantiles');
    },
    encodingError,
    'badCalibration',
  );
  manifestEdit(
    'calibration without knots for a column',
    (p) => encoding(p).calibration!.knots.pop(),
    encodingError,
    'badCalibration',
  );
  manifestEdit(
    'data provenance damaged',
    (p) => (p.manifest.dataProvenance = { fileName: 3 }),
    corrupt,
    'badProvenance',
  );

  // Seeded byte flips anywhere: refused with a known code, or (a flip in a figure) still a valid file.
  for (let i = 0; i < 30; i++) {
    const b = Uint8Array.from(bytes);
    const at = rng.int(b.length);
    b[at] ^= 1 << rng.int(8);
    add(`bit flip at ${at}`, b, null);
  }
  return out;
}

/** A model file whose table prior no longer adds up to one (from a file with a table prior). */
export function unnormalisedTable(bytes: Uint8Array): Uint8Array {
  return edited(decompose(bytes), (p) => {
    const t = weight(p, 'top/logProbs');
    t.values = t.values.map((v) => v + 0.5);
  });
}
