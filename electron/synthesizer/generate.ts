/**
 * Generating rows: ancestral sampling of encoded rows from a bundle's model (engine side),
 * then decoding them with the bundle's encoding into rows like the user's own (data side).
 * The two halves are separate so the app can sample on its engine thread and decode where
 * the data lives; `sampleRows` does both in one process (CLI). Same seed, same rows.
 */
import type { RowTable } from '../../shared/domain/data.js';
import type { EncodedData } from '../base/encoded-rows.js';
import { decodeRows, type EncodingSpec } from '../data/index.js';
import { sampleVisible } from '../engine/index.js';
import type { ModelBundle } from './bundle.js';

export function sampleEncoded(bundle: ModelBundle, rows: number, seed: number): EncodedData {
  return sampleVisible(bundle.model, rows, seed);
}

export function decodeSample(encoding: EncodingSpec, bits: EncodedData, seed: number): RowTable {
  return decodeRows(encoding, bits, seed);
}

export function sampleRows(bundle: ModelBundle, rows: number, seed: number): RowTable {
  return decodeSample(bundle.manifest.dataEncoding, sampleEncoded(bundle, rows, seed), seed);
}
