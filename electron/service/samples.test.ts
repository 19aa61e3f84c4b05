/**
 * Generated rows through the service, with the real data layer and engine thread: the columns a
 * user can fix; conditional generation (every row has the fixed value, the other columns follow
 * the unconditional model's conditional — rows generated freely, then filtered — within 0.06
 * total variation; real rows shown beside are filtered too); a value the model never saw and a
 * combination too rare, each refused with its message; and the preview is the start of the
 * export, in every character set and delimiter, with and without a condition.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../shared/contract.js';
import type { RowTable } from '../../shared/domain/data.js';
import { formatError } from '../../shared/i18n/format.js';
import { EngineClient } from './engine-thread/client.js';
import { FileRegistry } from '../platform/file-registry.js';
import { sourceSamplePath } from '../platform/paths.js';
import { LayerwiseService } from './service.js';
import { MemorySaver, trainTiny } from './project/test-support.js';

let engine: EngineClient;
let svc: LayerwiseService;
const saver = new MemorySaver();
beforeAll(async () => {
  engine = new EngineClient();
  const events: ServerEvent[] = [];
  svc = new LayerwiseService({
    transport: 'web',
    osLocale: 'en-US',
    samplePath: sourceSamplePath(),
    emit: (e) => events.push(e),
    files: new FileRegistry(),
    saver,
    engine,
  });
  await svc['data.import']({ source: { kind: 'sample' } });
  await trainTiny(svc, events, { epochs: 3 });
}, 180_000);
afterAll(async () => {
  await engine.dispose();
});

const column = (t: RowTable, name: string) => t.rows.map((r) => r[t.header.indexOf(name)]);
function shares(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1 / values.length);
  return m;
}
function tv(a: Map<string, number>, b: Map<string, number>): number {
  let d = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) d += Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0));
  return d / 2;
}
const parse = (text: string, delimiter: string) => Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;

describe('generated rows', () => {
  it('lists the columns that can be fixed, with their values', async () => {
    const columns = await svc['samples.columns']();
    const region = columns.find((c) => c.column === 'region');
    expect(region?.values).toContain('Kansai');
    expect(columns.map((c) => c.column)).not.toContain('order_id');
    expect(columns.map((c) => c.column)).not.toContain('revenue');
  });

  it('generates only rows where region = Kansai, distributed as the model says given Kansai', async () => {
    const where = [{ column: 'region', value: 'Kansai' }];
    const given = await svc['samples.generate']({ rows: 5000, seed: 3, where });
    expect(column(given.generated, 'region').every((v) => v === 'Kansai')).toBe(true);
    expect(given.condition?.ess).toBeGreaterThan(50);
    expect(given.condition?.probability).toBeGreaterThan(0.05);
    expect(given.real.rows.length).toBeGreaterThan(0);
    expect(column(given.real, 'region').every((v) => v === 'Kansai')).toBe(true);

    const free = (await svc['samples.generate']({ rows: 60_000, seed: 4 })).generated;
    const kansai = {
      header: free.header,
      rows: free.rows.filter((r) => r[free.header.indexOf('region')] === 'Kansai'),
    };
    expect(kansai.rows.length).toBeGreaterThan(3000);
    for (const name of ['category', 'store_type', 'payment'])
      expect(tv(shares(column(given.generated, name)), shares(column(kansai, name))), name).toBeLessThan(0.06);
  }, 60_000);

  it('refuses a value the model never saw, and a combination too rare, with their messages', async () => {
    const unknown = svc['samples.generate']({ rows: 5, seed: 1, where: [{ column: 'region', value: 'Atlantis' }] });
    await expect(unknown).rejects.toMatchObject({ code: 'samples.unknownValue' });
    const columns = await svc['samples.columns']();
    // Every column that can be fixed, at its last value: far rarer than 1 row in 100,000.
    const where = columns.map((c) => ({ column: c.column, value: c.values[c.values.length - 1] })).slice(0, 8);
    const rare = await svc['samples.generate']({ rows: 5, seed: 1, where }).catch((e: unknown) => e);
    expect(rare).toMatchObject({ code: 'samples.tooRare' });
    expect(formatError(rare, 'en')).toMatch(/^Rows where region = .* are too rare for this model to generate/);
    expect(formatError(rare, 'ja')).toContain('生成するには稀すぎます');
  }, 60_000);

  for (const [encoding, delimiter, where] of [
    ['utf8-bom', ',', []],
    ['utf8', ';', [{ column: 'region', value: 'Kansai' }]],
    ['cp932', '\t', [{ column: 'payment', value: 'Card' }]],
  ] as const)
    it(`previews the start of the export (${encoding}, ${JSON.stringify(delimiter)}, ${where.length} condition)`, async () => {
      const preview = await svc['samples.generate']({ rows: 40, seed: 7, where: [...where] });
      const format = { encoding, delimiter, formulaGuard: false } as const;
      const saved = await svc['export.samples']({ rows: 1500, seed: 7, where: [...where], format });
      const bytes = saver.saved.at(-1)!.bytes;
      expect(bytes[0] === 0xef).toBe(encoding === 'utf8-bom');
      const text = encoding === 'cp932' ? iconv.decode(Buffer.from(bytes), 'cp932') : new TextDecoder().decode(bytes);
      const rows = parse(text.replace(/^\uFEFF/, ''), delimiter);
      expect(rows[0]).toEqual(preview.generated.header);
      expect(rows).toHaveLength(1501);
      expect(rows.slice(1, 41)).toEqual(preview.generated.rows);
      expect(saved.condition ?? null).toEqual(
        where.length ? expect.objectContaining({ ess: expect.any(Number) }) : null,
      );
    }, 60_000);
});
