/**
 * The export of generated rows writes the same bytes as decoding and writing every row at
 * once, but a part at a time: the event loop gets a turn between parts (a request is answered
 * while a large export runs), progress goes out as `export.progress`, and a cancel stops it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../shared/contract.js';
import type { EncodedData } from '../base/encoded-rows.js';
import { buildEncoding, decodeRows, encodeRows, importCsv, toCsv, type EncodingSpec } from '../data/index.js';
import { sourceSamplePath } from '../platform/paths.js';
import type { EngineClient } from './engine-thread/client.js';
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

describe('the export of a project', () => {
  it('reports its progress, refuses a second export at the same time, and can be cancelled', async () => {
    let release: (d: EncodedData) => void = () => undefined;
    const engine = { sample: () => new Promise<EncodedData>((r) => (release = r)) } as unknown as EngineClient;
    const events: ServerEvent[] = [];
    const exports = new SampleExports(engine, (e) => events.push(e));
    const model = { runId: 'run', encoding: spec };
    const first = exports.csv(model, bits.rows, 7);
    await expect(exports.csv(model, 10, 7)).rejects.toMatchObject({ code: 'busy' });
    release(bits);
    const bytes = await first;
    expect(bytes.byteLength).toBeGreaterThan(100_000);
    expect(events[0]).toEqual({ type: 'export.progress', phase: 'sample', rows: 0, totalRows: bits.rows });
    expect(events.at(-1)).toEqual({ type: 'export.progress', phase: 'write', rows: bits.rows, totalRows: bits.rows });

    const second = exports.csv(model, bits.rows, 7);
    expect(exports.cancel()).toBe(true);
    release(bits);
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    expect(exports.cancel()).toBe(false);
  });
});
