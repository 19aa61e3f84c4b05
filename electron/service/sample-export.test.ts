/**
 * The export of generated rows writes the same bytes as decoding and writing every row at
 * once, but a part at a time: the event loop gets a turn between parts (a request is answered
 * while a large export runs), progress goes out as `export.progress`, and a cancel stops it.
 * A project's export is the app's seeded chunk stream, so the preview is its start.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../shared/contract.js';
import type { EncodedData } from '../base/encoded-rows.js';
import { buildEncoding, decodeRows, encodeRows, importCsv, toCsv, type EncodingSpec } from '../data/index.js';
import { sourceSamplePath } from '../platform/paths.js';
import { chunkSeed } from '../synthesizer/index.js';
import { streamFromEngine, withoutColumns } from './project/generation.js';
import { csvInParts, SampleExports } from './sample-export.js';

let spec: EncodingSpec;
let bits: EncodedData;

beforeAll(async () => {
  const ds = await importCsv(sourceSamplePath());
  spec = buildEncoding(ds);
  const once = encodeRows(spec, ds);
  // 12,345 rows: the sample's rows repeated, so parts of 5,000 end mid-way.
  const rows = 12_345;
  const data = new Uint8Array(rows * once.bits);
  for (let r = 0; r < rows; r++)
    data.set(once.data.subarray((r % once.rows) * once.bits, ((r % once.rows) + 1) * once.bits), r * once.bits);
  bits = { ...once, rows, data };
});

describe('the CSV of generated rows, a part at a time', () => {
  it('is byte for byte the CSV of every row decoded at once', async () => {
    const whole = new TextEncoder().encode(toCsv(decodeRows(spec, bits, 7)));
    const inParts = await csvInParts(spec, bits, 7, {}, 5_000);
    expect(inParts.byteLength).toBe(whole.byteLength);
    expect(Buffer.from(inParts).equals(Buffer.from(whole))).toBe(true);
  });

  it('gives the event loop a turn between parts', async () => {
    const parts: number[] = [];
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    await csvInParts(spec, bits, 7, { onPart: () => parts.push(turns) }, 1_000);
    clearInterval(ticker);
    expect(parts).toHaveLength(13);
    // Timers ran while the parts were written, not only once at the end.
    expect(new Set(parts).size).toBeGreaterThan(3);
  });

  it('stops at the next part once cancelled', async () => {
    const controller = new AbortController();
    let parts = 0;
    const run = csvInParts(
      spec,
      bits,
      7,
      { signal: controller.signal, onPart: () => ++parts === 2 && controller.abort() },
      1_000,
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(parts).toBe(2);
  });
});

/** A model's chunk: `n` rows of the test rows, starting at a row that depends on the seed; the first call waits for `gate`. */
function chunkSampler(gate: Promise<void> | null) {
  const seeds: number[] = [];
  const sample = async (n: number, seed: number): Promise<EncodedData> => {
    if (seeds.push(seed) === 1 && gate) await gate;
    const from = Math.abs(seed) % (bits.rows - n);
    return { ...bits, rows: n, data: bits.data.slice(from * bits.bits, (from + n) * bits.bits) };
  };
  return { sample, seeds };
}

describe('the export of a project', () => {
  it('reports its progress, refuses a second export at the same time, and can be cancelled', async () => {
    let release: () => void = () => undefined;
    const { sample } = chunkSampler(new Promise<void>((r) => (release = r)));
    const events: ServerEvent[] = [];
    const exports = new SampleExports((e) => events.push(e));
    const model = { sample, encoding: spec };
    const rows = 3_500;
    const first = exports.csv(model, rows, 7);
    await expect(exports.csv(model, 10, 7)).rejects.toMatchObject({ code: 'busy' });
    release();
    const bytes = await first;
    expect(bytes.byteLength).toBeGreaterThan(10_000);
    expect(events[0]).toEqual({ type: 'export.progress', phase: 'sample', rows: 0, totalRows: rows });
    expect(events.at(-1)).toEqual({ type: 'export.progress', phase: 'write', rows, totalRows: rows });

    let releaseAgain: () => void = () => undefined;
    const again = chunkSampler(new Promise<void>((r) => (releaseAgain = r)));
    const second = exports.csv({ ...model, sample: again.sample }, rows, 7);
    expect(exports.cancel()).toBe(true);
    releaseAgain();
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    expect(exports.cancel()).toBe(false);
  });

  it("is the app's seeded stream (the preview is its start), without the columns left out", async () => {
    const { sample, seeds } = chunkSampler(null);
    const omit = [spec.header[1]!];
    const rows = 2_500;
    const bytes = await new SampleExports(() => undefined).csv({ sample, encoding: spec, omit }, rows, 7);
    expect(seeds).toEqual([0, 1, 2].map((i) => chunkSeed(7, i)));
    const stream = withoutColumns(await streamFromEngine(sample, spec, rows, 7), omit);
    expect(Buffer.from(bytes).equals(Buffer.from(new TextEncoder().encode(toCsv(stream))))).toBe(true);
    const preview = withoutColumns(await streamFromEngine(sample, spec, 40, 7), omit);
    expect(preview.header).not.toContain(omit[0]);
    expect(toCsv(stream).startsWith(toCsv(preview))).toBe(true);
  });
});
