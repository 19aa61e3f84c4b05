/**
 * A model bundle: the trained deep model with its manifest, where the engine's fields are
 * joined by the data layer's encoding (so the bundle alone turns generated bits into rows)
 * and the rows' provenance — both typed here, never `unknown`. As bytes it is the `.lwm`
 * model file; files are read whole and written atomically.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../shared/domain/errors.js';
import { DataProvenance } from '../../shared/domain/data.js';
import { writeFileAtomic } from '../base/atomic-write.js';
import { parseEncodingSpec, type EncodingSpec } from '../data/index.js';
import {
  deserializeModel,
  describeModel,
  serializeModel,
  type DeepModelParams,
  type ModelManifest,
  type ModelManifestInput,
} from '../engine/index.js';

export type BundleManifest = ModelManifest & {
  dataEncoding: EncodingSpec;
  /** Absent in files written before provenance was recorded. */
  dataProvenance?: DataProvenance;
};

export interface ModelBundle {
  model: DeepModelParams;
  manifest: BundleManifest;
}

/** The bundle of a model just trained on a training set. */
export function makeBundle(
  model: DeepModelParams,
  input: ModelManifestInput,
  data: { encoding: EncodingSpec; provenance: DataProvenance },
): ModelBundle {
  return {
    model,
    manifest: { ...describeModel(model, input), dataEncoding: data.encoding, dataProvenance: data.provenance },
  };
}

export function bundleToBytes(bundle: ModelBundle): Uint8Array {
  return serializeModel(bundle.model, bundle.manifest);
}

/**
 * A bundle from model-file bytes; a file whose encoding or provenance is not valid is refused,
 * and so is a partial model (a stack without a top prior: `stackBundleFromBytes` reads it).
 */
export function bundleFromBytes(bytes: Uint8Array): ModelBundle {
  const file = deserializeModel(bytes);
  if (!file.complete) throw new AppError('model.unfinished', { layers: file.stack.layers.length });
  const { model, manifest } = file;
  const dataEncoding = parseEncodingSpec(manifest.dataEncoding);
  let dataProvenance: DataProvenance | undefined;
  if (manifest.dataProvenance !== undefined) {
    const parsed = DataProvenance.safeParse(manifest.dataProvenance);
    if (!parsed.success) throw new AppError('model.corrupt', { reason: 'the data provenance is not valid' });
    dataProvenance = parsed.data;
  }
  return { model, manifest: { ...manifest, dataEncoding, dataProvenance } };
}

export async function writeBundle(path: string, bundle: ModelBundle): Promise<void> {
  await writeFileAtomic(path, bundleToBytes(bundle));
}

export async function readBundle(path: string): Promise<ModelBundle> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new AppError('readFailed', { path, message: err instanceof Error ? err.message : String(err) });
  }
  return bundleFromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
