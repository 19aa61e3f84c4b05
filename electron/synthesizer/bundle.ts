/**
 * A model bundle: the trained deep model with its manifest, where the engine's fields are
 * joined by the data layer's encoding (so the bundle alone turns generated bits into rows)
 * the rows' provenance and the rules found in them — typed here, never `unknown`. As bytes it is the `.lwm`
 * model file; files are read whole (regular files up to a size cap) and written atomically.
 * Reading checks the model (engine) and its data part against it (`bundle-check.ts`); a
 * partial model file is a stack bundle (`stack-bundle.ts`), refused here.
 */
import { open, stat } from 'node:fs/promises';
import { AppError } from '../../shared/domain/errors.js';
import type { DataProvenance } from '../../shared/domain/data.js';
import type { RuleSet } from '../../shared/domain/rules.js';
import { writeFileAtomic } from '../base/atomic-write.js';
import type { EncodingSpec } from '../data/index.js';
import { checkEncoding, checkProvenance, checkRules } from './bundle-check.js';
import { withCalibration } from './calibration-fit.js';
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
  /** The rules found in the training rows, those the user turned off named (absent in older files). */
  dataRules?: RuleSet;
};

export interface ModelBundle {
  model: DeepModelParams;
  manifest: BundleManifest;
}

/** The bundle of a model just trained on a training set. */
export function makeBundle(
  model: DeepModelParams,
  input: ModelManifestInput,
  data: { encoding: EncodingSpec; provenance: DataProvenance; rules?: RuleSet },
): ModelBundle {
  const manifest: BundleManifest = {
    ...describeModel(model, input),
    // The model's generated numbers are calibrated against a draw of it (METHOD.md §8).
    dataEncoding: withCalibration(data.encoding, model, input.config.seed),
    dataProvenance: data.provenance,
  };
  if (data.rules) manifest.dataRules = data.rules;
  return { model, manifest };
}

export function bundleToBytes(bundle: ModelBundle): Uint8Array {
  return serializeModel(bundle.model, bundle.manifest);
}

/** The bundle of a complete model file's content: its data part is checked against the model. */
export function completeBundle(model: DeepModelParams, manifest: ModelManifest): ModelBundle {
  const dataEncoding = checkEncoding(manifest.dataEncoding, model.visible);
  const dataProvenance = checkProvenance(manifest.dataProvenance);
  const dataRules = checkRules(manifest.dataRules);
  return { model, manifest: { ...manifest, dataEncoding, dataProvenance, dataRules } };
}

/**
 * A bundle from model-file bytes: the engine checks the model, and the data part is checked
 * against it. A partial model (a stack without a top prior: `stackBundleFromBytes` reads it)
 * is refused with `model.unfinished`.
 */
export function bundleFromBytes(bytes: Uint8Array): ModelBundle {
  try {
    const file = deserializeModel(bytes);
    if (!file.complete) throw new AppError('model.unfinished', { layers: file.stack.layers.length });
    return completeBundle(file.model, file.manifest);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('model.corrupt', { reason: '@reason.unreadable' });
  }
}

export async function writeBundle(path: string, bundle: ModelBundle): Promise<void> {
  await writeFileAtomic(path, bundleToBytes(bundle));
}

/** Larger than any model file the application writes (layers are capped well below it). */
export const MAX_MODEL_BYTES = 512 * 1024 ** 2;

/**
 * Reads a model file: a regular file of at most `MAX_MODEL_BYTES` (a device such as /dev/zero,
 * a pipe or a folder is refused before it is read), read whole, then checked.
 */
export async function readBundle(path: string): Promise<ModelBundle> {
  const failed = (err: unknown) =>
    new AppError('readFailed', { path, message: err instanceof Error ? err.message : String(err) });
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    throw failed(err);
  }
  if (!info.isFile()) throw new AppError('model.notAFile', { path });
  if (info.size > MAX_MODEL_BYTES)
    throw new AppError('model.tooLarge', { path, size: info.size, max: MAX_MODEL_BYTES });
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      // Read what the file holds now, up to the cap (it may have grown since it was measured).
      const buffer = Buffer.alloc(Math.min(MAX_MODEL_BYTES + 1, Math.max(info.size, 0) + 1));
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0 || (length += bytesRead) === buffer.length) break;
      }
      bytes = buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw failed(err);
  }
  return bundleFromBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
