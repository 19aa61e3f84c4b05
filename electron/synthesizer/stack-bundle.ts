/**
 * A stack bundle: the layers trained so far (a partial model, no top prior yet) with the
 * engine's stack manifest joined by the data layer's encoding and the rows' provenance, as
 * in a model bundle. As bytes it is a partial `.lwm` file (format version 2, `complete:
 * false`); `openModelBytes` reads either kind of model file, checking the data part against
 * the layers as a model bundle's is checked against the model (`bundle-check.ts`).
 */
import { AppError } from '../../shared/domain/errors.js';
import type { DataProvenance } from '../../shared/domain/data.js';
import type { EncodingSpec } from '../data/index.js';
import { checkEncoding, checkProvenance } from './bundle-check.js';
import {
  describeStack,
  deserializeModel,
  serializeStack,
  type LayerStack,
  type StackManifest,
} from '../engine/index.js';
import { completeBundle, type ModelBundle } from './bundle.js';

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

/** The stack bundle of a partial model file's content: its data part is checked against the layers. */
function stackBundle(stack: LayerStack, manifest: StackManifest): StackBundle {
  const dataEncoding = checkEncoding(manifest.dataEncoding, stack.visible);
  const dataProvenance = checkProvenance(manifest.dataProvenance);
  return { stack, manifest: { ...manifest, dataEncoding, dataProvenance } };
}

/** A model file of either kind: a complete model's bundle, or a partial model's stack bundle. */
export type OpenedModel = { complete: true; bundle: ModelBundle } | { complete: false; stack: StackBundle };

/** Reads a model file of either kind, each checked completely (engine and data part). */
export function openModelBytes(bytes: Uint8Array): OpenedModel {
  try {
    const file = deserializeModel(bytes);
    if (file.complete) return { complete: true, bundle: completeBundle(file.model, file.manifest) };
    return { complete: false, stack: stackBundle(file.stack, file.manifest) };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('model.corrupt', { reason: '@reason.unreadable' });
  }
}

export function stackBundleFromBytes(bytes: Uint8Array): StackBundle {
  const opened = openModelBytes(bytes);
  if (opened.complete) throw new AppError('model.corrupt', { reason: '@reason.notAStack' });
  return opened.stack;
}
