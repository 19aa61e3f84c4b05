/**
 * The project file (`.lwproj`) as bytes: 8 magic bytes "LWPROJ\0\x1a", a uint32 format
 * version, a uint32 JSON length, the JSON document (the data source with its fingerprint, the
 * reading options and column choices in the data's info — without its rows —, the subset,
 * every model's metadata with its metrics, layer results and chart points, the last run), then
 * each model's `.lwm` bytes one after the other, located by the JSON and checked by a SHA-256.
 * A file of a newer version, a truncated or a damaged one is refused with a translated message.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/domain/errors.js';
import { DatasetInfo, SubsetInfo } from '../../../shared/domain/data.js';
import { DataSource, ModelRecord, ProjectRun } from '../../../shared/domain/project.js';
import { SavedLayers } from '../../../shared/domain/layer-by-layer.js';

export const PROJECT_FORMAT_VERSION = 1;
export const PROJECT_EXTENSION = '.lwproj';
const MAGIC = Buffer.from('LWPROJ\0\x1a', 'latin1');
const HEADER_BYTES = MAGIC.length + 8;

const Blob = z.object({ offset: z.number().int().min(0), length: z.number().int().min(0) });

export const ProjectDocument = z.object({
  format: z.literal('layerwise-project'),
  appVersion: z.string(),
  savedAt: z.string(),
  id: z.string(),
  name: z.string(),
  source: DataSource.nullable(),
  /** The data as it was read and the column choices (its preview rows are not saved). */
  data: DatasetInfo.nullable(),
  subset: SubsetInfo.nullable(),
  /** A project made from a model file alone: there is no data to look for. */
  modelOnly: z.boolean(),
  models: z.array(ModelRecord.extend({ blob: Blob })),
  selected: z.string().nullable(),
  /** The last run when it did not end in a model (interrupted, cancelled, failed), with its chart points. */
  run: ProjectRun.nullable(),
  /** Layer by layer: the stack (its partial model file after the models' bytes) and the last size suggestion. */
  layers: z.object({ saved: SavedLayers, blob: Blob.nullable() }).nullable().default(null),
  /** Keys of the rules found in the data that the user turned off (absent in files written before rules). */
  rulesOff: z.array(z.string()).optional(),
  blobs: z.object({ bytes: z.number().int().min(0), sha256: z.string() }),
});
export type ProjectDocument = z.infer<typeof ProjectDocument>;

/** The document without what the writer fills in (where each model's bytes are, and their checksum). */
export type ProjectContent = Omit<ProjectDocument, 'models' | 'blobs' | 'format' | 'layers'> & {
  models: { record: ModelRecord; bytes: Uint8Array }[];
  layers?: { saved: SavedLayers; bytes: Uint8Array | null } | null;
};

export function isProjectFile(bytes: Uint8Array): boolean {
  return bytes.byteLength >= MAGIC.length && Buffer.from(bytes.subarray(0, MAGIC.length)).equals(MAGIC);
}

export function projectToBytes(content: ProjectContent): Uint8Array {
  let offset = 0;
  const models = content.models.map(({ record, bytes }) => {
    const blob = { offset, length: bytes.byteLength };
    offset += bytes.byteLength;
    return { ...record, blob };
  });
  const stackBytes = content.layers?.bytes ?? null;
  const layers = content.layers
    ? { saved: content.layers.saved, blob: stackBytes ? { offset, length: stackBytes.byteLength } : null }
    : null;
  const blobs = Buffer.concat([...content.models.map((m) => m.bytes), ...(stackBytes ? [stackBytes] : [])]);
  const doc: ProjectDocument = {
    ...content,
    layers,
    format: 'layerwise-project',
    data: content.data ? { ...content.data, preview: { header: content.data.preview.header, rows: [] } } : null,
    models,
    blobs: { bytes: blobs.byteLength, sha256: createHash('sha256').update(blobs).digest('hex') },
  };
  const json = Buffer.from(JSON.stringify(doc), 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(PROJECT_FORMAT_VERSION, MAGIC.length);
  header.writeUInt32LE(json.byteLength, MAGIC.length + 4);
  return new Uint8Array(Buffer.concat([header, json, blobs]));
}

/** The project in `bytes`; `name` is the file's name for messages. */
export function projectFromBytes(bytes: Uint8Array, name: string): ProjectContent {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isProjectFile(bytes)) throw new AppError('project.notAProject', { name });
  const corrupt = (reason: string) => new AppError('project.corrupt', { name, reason });
  if (buf.byteLength < HEADER_BYTES) throw corrupt('the file ends inside its header');
  const version = buf.readUInt32LE(MAGIC.length);
  if (version > PROJECT_FORMAT_VERSION)
    throw new AppError('project.newerVersion', { name, version, supported: PROJECT_FORMAT_VERSION });
  const jsonLength = buf.readUInt32LE(MAGIC.length + 4);
  if (buf.byteLength < HEADER_BYTES + jsonLength) throw corrupt('the file ends inside its description');
  let doc: ProjectDocument;
  try {
    doc = ProjectDocument.parse(JSON.parse(buf.subarray(HEADER_BYTES, HEADER_BYTES + jsonLength).toString('utf8')));
  } catch {
    throw corrupt('its description cannot be read');
  }
  const blobs = buf.subarray(HEADER_BYTES + jsonLength);
  if (blobs.byteLength !== doc.blobs.bytes) throw corrupt('the models are cut short');
  if (createHash('sha256').update(blobs).digest('hex') !== doc.blobs.sha256) throw corrupt('the models are damaged');
  const models = doc.models.map(({ blob, ...record }) => {
    if (blob.offset + blob.length > blobs.byteLength) throw corrupt('a model lies outside the file');
    return { record, bytes: new Uint8Array(blobs.subarray(blob.offset, blob.offset + blob.length)) };
  });
  const { format: _format, blobs: _blobs, models: _models, layers: savedLayers, ...rest } = doc;
  if (!savedLayers) return { ...rest, models };
  const { blob } = savedLayers;
  if (blob && blob.offset + blob.length > blobs.byteLength) throw corrupt('a model lies outside the file');
  const stack = blob ? new Uint8Array(blobs.subarray(blob.offset, blob.offset + blob.length)) : null;
  return { ...rest, models, layers: { saved: savedLayers.saved, bytes: stack } };
}
