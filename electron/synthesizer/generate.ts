/**
 * Generating rows: ancestral sampling of encoded rows from a bundle's model (engine side),
 * then decoding them with the bundle's encoding into rows like the user's own (data side).
 * The two halves are separate so the app can sample on its engine thread and decode where
 * the data lives; `sampleRows` does both in one process (CLI). Same seed, same rows.
 *
 * The app's stream (`streamRows`, and its parts for sampling on the engine thread): rows are
 * sampled in chunks of STREAM_CHUNK_ROWS, chunk i with its own seed, and the chunks, cut to
 * the rows asked for, are decoded in one pass and their rules kept (`keep-rules.ts`); so the first n rows are the same whatever the
 * total, and a preview is exactly the start of the export with the same seed.
 */
import type { RowTable } from '../../shared/domain/data.js';
import { groupBits, type EncodedData } from '../base/encoded-rows.js';
import { decodeRows, type EncodingSpec } from '../data/index.js';
import { sampleVisible } from '../engine/index.js';
import type { RuleSet } from '../../shared/domain/rules.js';
import type { ModelBundle } from './bundle.js';
import { ruleKeeper } from './keep-rules.js';

export function sampleEncoded(bundle: ModelBundle, rows: number, seed: number): EncodedData {
  return sampleVisible(bundle.model, rows, seed);
}

/**
 * Encoded rows decoded, then (`rules`: the model's rule set) repaired so its accepted rules hold,
 * never changing the columns in `fixed` (those a condition fixed).
 */
export function decodeSample(
  encoding: EncodingSpec,
  bits: EncodedData,
  seed: number,
  rules?: RuleSet,
  fixed?: ReadonlySet<string>,
): RowTable {
  const table = decodeRows(encoding, bits, seed);
  ruleKeeper(rules, table.header, seed, fixed)?.(table.rows, 0);
  return table;
}

export function sampleRows(bundle: ModelBundle, rows: number, seed: number): RowTable {
  const { dataEncoding, dataRules } = bundle.manifest;
  return decodeSample(dataEncoding, sampleEncoded(bundle, rows, seed), seed, dataRules);
}

export const STREAM_CHUNK_ROWS = 1000;

/** The seed of the stream's chunk `i` (chunk 0 uses the seed itself). */
export function chunkSeed(seed: number, i: number): number {
  return i === 0 ? seed : (Math.imul(seed | 0, 0x2c1b3c6d) ^ Math.imul(i, 0x297a2d39)) | 0;
}

/** How many chunks hold `rows` rows. */
export const streamChunks = (rows: number): number => Math.ceil(rows / STREAM_CHUNK_ROWS);

/** Chunks of encoded rows, in order, cut to their first `rows` rows. */
export function joinChunks(chunks: EncodedData[], rows: number): EncodedData {
  const first = chunks[0];
  const bits = first ? first.bits : 0;
  const data = new Uint8Array(rows * bits);
  let at = 0;
  for (const chunk of chunks) {
    const take = Math.min(chunk.rows, rows - at);
    if (take <= 0) break;
    data.set(chunk.data.subarray(0, take * bits), at * bits);
    at += take;
  }
  const groups = first?.groups ?? [];
  return { groups, rows: at, bits: groupBits(groups), data: data.subarray(0, at * bits) };
}

/** The app's stream of `rows` rows for `seed`, in one process (see above). */
export function streamRows(bundle: ModelBundle, rows: number, seed: number): RowTable {
  const chunks = Array.from({ length: streamChunks(rows) }, (_, i) =>
    sampleEncoded(bundle, STREAM_CHUNK_ROWS, chunkSeed(seed, i)),
  );
  const { dataEncoding, dataRules } = bundle.manifest;
  return decodeSample(dataEncoding, joinChunks(chunks, rows), seed, dataRules);
}
