/**
 * A stack bundle: the layers trained so far (a partial model, no top prior yet) with the
 * engine's stack manifest joined by the data layer's encoding and the rows' provenance, as
 * in a model bundle. As bytes it is a partial `.lwm` file (format version 2, `complete:
 * false`); `openModelBytes` reads either kind of model file.
 */
import { AppError } from '../../shared/domain/errors.js';
import { DataProvenance } from '../../shared/domain/data.js';
import { parseEncodingSpec, type EncodingSpec } from '../data/index.js';
import {
  describeStack,
  deserializeModel,
  serializeStack,
  type LayerStack,
  type StackManifest,
} from '../engine/index.js';
import { bundleFromBytes, type ModelBundle } from './bundle.js';

export type StackBundleManifest = StackManifest & { dataEncoding: EncodingSpec; dataProvenance?: DataProvenance };

export interface StackBundle {
  stack: LayerStack;
  manifest: StackBundleManifest;
}

export function makeStackBundle(
  stack: LayerStack,
  appVersion: string,
  data: { encoding: EncodingSpec; provenance: DataProvenance },
): StackBundle {
  return {
    stack,
    manifest: { ...describeStack(stack, appVersion), dataEncoding: data.encoding, dataProvenance: data.provenance },
  };
}

export function stackBundleToBytes(bundle: StackBundle): Uint8Array {
  return serializeStack(bundle.stack, bundle.manifest);
}

/** The typed encoding and provenance of a manifest; a file where either is not valid is refused. */
function dataFields(manifest: Record<string, unknown>): {
  dataEncoding: EncodingSpec;
  dataProvenance?: DataProvenance;
} {
  const dataEncoding = parseEncodingSpec(manifest.dataEncoding);
  if (manifest.dataProvenance === undefined) return { dataEncoding };
  const parsed = DataProvenance.safeParse(manifest.dataProvenance);
  if (!parsed.success) throw new AppError('model.corrupt', { reason: 'the data provenance is not valid' });
  return { dataEncoding, dataProvenance: parsed.data };
}

/** A model file of either kind: a complete model's bundle, or a partial model's stack bundle. */
export type OpenedModel = { complete: true; bundle: ModelBundle } | { complete: false; stack: StackBundle };

export function openModelBytes(bytes: Uint8Array): OpenedModel {
  const file = deserializeModel(bytes);
  if (file.complete) return { complete: true, bundle: bundleFromBytes(bytes) };
  return {
    complete: false,
    stack: { stack: file.stack, manifest: { ...file.manifest, ...dataFields(file.manifest) } },
  };
}

export function stackBundleFromBytes(bytes: Uint8Array): StackBundle {
  const opened = openModelBytes(bytes);
  if (opened.complete) throw new AppError('model.corrupt', { reason: 'a complete model, not a stack of layers' });
  return opened.stack;
}
