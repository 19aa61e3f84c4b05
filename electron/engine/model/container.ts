/**
 * The binary container of a model file (`.lwm`): 8 magic bytes "LWMODEL\0", uint32 container
 * version, uint32 JSON length, the JSON ({ manifest, weightsManifest } in the tfjs weights
 * format: {name, shape, dtype} entries) and one little-endian float32 buffer of the weights.
 * Complete models are written as version 1, partial ones (a stack without a top prior) as
 * version 2, so an application that only knows version 1 says it is too old rather than that
 * the file is damaged.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/domain/errors.js';
import { matrix, type Matrix } from './params.js';

/** The highest format version this version reads (and the version of partial models). */
export const MODEL_FORMAT_VERSION = 2;
/** The version complete models are written with (readable by every version). */
export const COMPLETE_FORMAT_VERSION = 1;
const MAGIC = Buffer.from('LWMODEL\0', 'latin1');

const WeightEntry = z.object({
  name: z.string(),
  shape: z.array(z.number().int().min(0)),
  dtype: z.literal('float32'),
});
const Container = z.object({
  manifest: z.unknown(),
  weightsManifest: z.array(z.object({ paths: z.array(z.string()), weights: z.array(WeightEntry) })).length(1),
});

export type Named = { name: string; shape: number[]; values: ArrayLike<number> };

/** Collects named weights in the order they are written. */
export class WeightList {
  readonly items: Named[] = [];
  mat(name: string, m: Matrix): void {
    this.items.push({ name, shape: [m.rows, m.cols], values: m.data });
  }
  vec(name: string, v: ArrayLike<number>): void {
    this.items.push({ name, shape: [v.length], values: v });
  }
}

export function writeContainer(manifest: unknown, weights: Named[], version: number): Uint8Array {
  const json = Buffer.from(
    JSON.stringify({
      manifest,
      weightsManifest: [
        { paths: ['weights.bin'], weights: weights.map((w) => ({ name: w.name, shape: w.shape, dtype: 'float32' })) },
      ],
    }),
    'utf8',
  );
  const total = weights.reduce((s, w) => s + w.values.length, 0);
  const body = Buffer.alloc(total * 4);
  let at = 0;
  for (const w of weights) for (let i = 0; i < w.values.length; i++, at += 4) body.writeFloatLE(w.values[i], at);
  const head = Buffer.alloc(16);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(version, 8);
  head.writeUInt32LE(json.length, 12);
  return new Uint8Array(Buffer.concat([head, json, body]));
}

/** The weights read back by name. */
export class WeightValues {
  constructor(private readonly values: Map<string, { shape: number[]; data: Float32Array }>) {}
  has(name: string): boolean {
    return this.values.has(name);
  }
  get(name: string): { shape: number[]; data: Float32Array } {
    const v = this.values.get(name);
    if (!v) throw new AppError('model.corrupt', { reason: `missing ${name}` });
    return v;
  }
  vec(name: string): Float32Array {
    return this.get(name).data;
  }
  mat(name: string): Matrix {
    const v = this.get(name);
    return matrix(v.shape[0], v.shape[1], v.data);
  }
}

function newer(version: number): AppError {
  return new AppError('model.newerVersion', { version, supported: MODEL_FORMAT_VERSION });
}

/** Parses the container; the manifest is left to the caller (checked for a newer version only). */
export function readContainer(bytes: Uint8Array): { manifest: unknown; weights: WeightValues } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 16 || !buf.subarray(0, 8).equals(MAGIC)) throw new AppError('model.notAModel');
  const version = buf.readUInt32LE(8);
  if (version > MODEL_FORMAT_VERSION) throw newer(version);
  const jsonLength = buf.readUInt32LE(12);
  if (16 + jsonLength > buf.length) throw new AppError('model.corrupt', { reason: 'truncated header' });
  let container: z.infer<typeof Container>;
  try {
    container = Container.parse(JSON.parse(buf.subarray(16, 16 + jsonLength).toString('utf8')));
  } catch (err) {
    throw corrupt(err);
  }
  const raw = container.manifest as { formatVersion?: unknown };
  if (typeof raw?.formatVersion === 'number' && raw.formatVersion > MODEL_FORMAT_VERSION)
    throw newer(raw.formatVersion);
  const values = new Map<string, { shape: number[]; data: Float32Array }>();
  let at = 16 + jsonLength;
  for (const e of container.weightsManifest[0].weights) {
    const count = e.shape.reduce((a, b) => a * b, 1);
    if (at + count * 4 > buf.length) throw new AppError('model.corrupt', { reason: `weights of ${e.name} truncated` });
    const data = new Float32Array(count);
    for (let i = 0; i < count; i++, at += 4) data[i] = buf.readFloatLE(at);
    values.set(e.name, { shape: e.shape, data });
  }
  return { manifest: container.manifest, weights: new WeightValues(values) };
}

/** A manifest that does not parse, as the translated error (first line of the reason). */
export function corrupt(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('model.corrupt', {
    reason: err instanceof Error ? err.message.split('\n')[0] : 'invalid manifest',
  });
}

/** Parses a manifest with its schema, a failure being a damaged file. */
export function parseManifest<T>(schema: z.ZodType<T>, raw: unknown): T {
  try {
    return schema.parse(raw);
  } catch (err) {
    throw corrupt(err);
  }
}
