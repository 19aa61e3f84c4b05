/**
 * The binary container of a model file (`.lwm`): 8 magic bytes "LWMODEL\0", uint32 container
 * version, uint32 JSON length, the JSON ({ manifest, weightsManifest } in the tfjs weights
 * format: {name, shape, dtype} entries) and one little-endian float32 buffer of the weights.
 * Complete models are written as version 1, partial ones (a stack without a top prior) as
 * version 2, so an application that only knows version 1 says it is too old rather than that
 * the file is damaged. Reading checks the header, the JSON and the weight list here; the
 * weights are read only once the caller has said which it expects, with which shapes
 * (`model-check.ts`), and each must be finite. Every refusal is a translated error.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/domain/errors.js';
import { checkFinite, checkWeightList, corrupt } from './model-check.js';
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
type Entry = z.infer<typeof WeightEntry>;

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

/** The weights read back by name; only weights whose names and shapes were checked are here. */
export class WeightValues {
  constructor(private readonly values: Map<string, { shape: number[]; data: Float32Array }>) {}
  has(name: string): boolean {
    return this.values.has(name);
  }
  vec(name: string): Float32Array {
    const v = this.values.get(name);
    if (!v) throw corrupt('missingWeight', { name });
    return v.data;
  }
  mat(name: string): Matrix {
    const v = this.values.get(name);
    if (!v || v.shape.length !== 2) throw corrupt('missingWeight', { name });
    return matrix(v.shape[0], v.shape[1], v.data);
  }
}

/** A container whose header and JSON are read; its weights are not read yet (see `readWeights`). */
export interface OpenedContainer {
  version: number;
  manifest: unknown;
  entries: Entry[];
  buf: Buffer;
  /** Where the weights start. */
  body: number;
}

function newer(version: number): AppError {
  return new AppError('model.newerVersion', { version, supported: MODEL_FORMAT_VERSION });
}

/** Reads the header and the JSON: magic, versions (0 refused, newer ones named), lengths, the weight list. */
export function openContainer(bytes: Uint8Array): OpenedContainer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 16 || !buf.subarray(0, 8).equals(MAGIC)) throw new AppError('model.notAModel');
  const version = buf.readUInt32LE(8);
  if (version > MODEL_FORMAT_VERSION) throw newer(version);
  if (version < 1) throw corrupt('badVersion', { version });
  const jsonLength = buf.readUInt32LE(12);
  if (jsonLength > buf.length - 16) throw corrupt('truncatedHeader');
  let json: unknown;
  try {
    json = JSON.parse(buf.subarray(16, 16 + jsonLength).toString('utf8'));
  } catch {
    throw corrupt('badJson');
  }
  const container = Container.safeParse(json);
  if (!container.success) throw corrupt('badWeightList');
  const raw = container.data.manifest as { formatVersion?: unknown } | null;
  if (typeof raw?.formatVersion === 'number' && raw.formatVersion > MODEL_FORMAT_VERSION)
    throw newer(raw.formatVersion);
  const entries = container.data.weightsManifest[0].weights;
  return { version, manifest: container.data.manifest, entries, buf, body: 16 + jsonLength };
}

/**
 * The weights, once the file's list is exactly the `expected` one (names and shapes): the body
 * must hold exactly them (checked before anything is allocated) and every value be finite.
 */
export function readWeights(opened: OpenedContainer, expected: ReadonlyMap<string, number[]>): WeightValues {
  const { entries, buf, body } = opened;
  checkWeightList(entries, expected);
  let at = body;
  for (const e of entries) {
    at += 4 * e.shape.reduce((a, b) => a * b, 1);
    if (at > buf.length) throw corrupt('truncatedWeights', { name: e.name });
  }
  if (at < buf.length) throw corrupt('extraBytes', { count: buf.length - at });
  const values = new Map<string, { shape: number[]; data: Float32Array }>();
  at = body;
  for (const e of entries) {
    const data = new Float32Array(e.shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++, at += 4) data[i] = buf.readFloatLE(at);
    checkFinite(e.name, data);
    values.set(e.name, { shape: e.shape, data });
  }
  return new WeightValues(values);
}

/** The shapes the file declares, by name (for the widths the architecture does not record). */
export const declaredShapes = (opened: OpenedContainer): Map<string, number[]> =>
  new Map(opened.entries.map((e) => [e.name, e.shape]));

/**
 * Parses a manifest with its schema; a failure is a damaged file, with the reason of the part
 * that failed (`reasons`: the manifest's top-level field → a `@reason` term; else badManifest).
 */
export function parseManifest<T>(schema: z.ZodType<T>, raw: unknown, reasons: Record<string, string>): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const part = parsed.error.issues[0]?.path[0];
  throw corrupt(typeof part === 'string' ? (reasons[part] ?? 'badManifest') : 'badManifest');
}
