/**
 * The compact level code (spec version 3): a category with more than 64 levels seen 5 times has
 * every one of them modelled, in groups of 2^L by frequency with L fine bits; every level and
 * missing value survives a round trip, rare ones come back as "(other)", a pattern beyond the
 * last group's size folds back onto it, a condition on a level fixes its group and fine bits,
 * and specs of version 2 (no compact code, levels beyond 64 grouped) decode as they did.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EncodedData } from '../../base/encoded-rows.js';
import { buildEncoding, decodeRows, encodeRows, encodeTable, importCsv, parseEncodingSpec } from '../index.js';
import { conditionColumns, conditionSlots } from './condition.js';
import { levelAt, levelFineBits, levelLayout, MAX_LEVEL_GROUPS } from './level-code.js';
import { encodingBits, encodingGroups, OTHER_TOKEN, type EncodingSpec } from './spec.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-levels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `n` airports seen 5 to 24 times (A000 most often), 9 seen once or twice, and some missing. */
async function airports(n: number) {
  const cells: string[] = [];
  for (let i = 0; i < n; i++)
    cells.push(...Array<string>(24 - Math.floor((i * 19) / n)).fill(`A${String(i).padStart(3, '0')}`));
  for (let i = 0; i < 9; i++) cells.push(...Array<string>(1 + (i % 2)).fill(`R${i}`));
  cells.push(...Array<string>(30).fill('NA'));
  const lines = ['origin,qty', ...cells.map((c, i) => `${c},${(i * 7) % 11}`)];
  const path = join(dir, `airports-${n}.csv`);
  writeFileSync(path, lines.join('\n'));
  return importCsv(path);
}

/** One row per (slot, fine pattern) of a levels column that is the spec's only encoded column. */
function everyPattern(spec: EncodingSpec): EncodedData {
  const c = spec.columns[0];
  if (c.kind !== 'levels') throw new Error('expected levels');
  const layout = levelLayout(c);
  const bits = encodingBits(spec);
  const patterns = 2 ** layout.fineBits;
  const rows = layout.slots * patterns;
  const data = new Uint8Array(rows * bits);
  for (let slot = 0; slot < layout.slots; slot++)
    for (let p = 0; p < patterns; p++) {
      const at = (slot * patterns + p) * bits;
      data[at + slot] = 1;
      for (let b = 0; b < layout.fineBits; b++) data[at + layout.slots + b] = (p >> (layout.fineBits - 1 - b)) & 1;
    }
  return { groups: encodingGroups(spec), rows, bits, data };
}

describe('the compact level code', () => {
  it('models every level seen 5 times beyond 64, in few bits, and gives each real row back', async () => {
    const ds = await airports(150);
    const spec = buildEncoding(ds);
    expect(spec.version).toBe(3);
    const c = spec.columns[0];
    if (c.kind !== 'levels') throw new Error('expected levels');
    expect(c.levels).toHaveLength(150);
    expect(c.levels.slice(0, 2)).toEqual(['A000', 'A001']);
    // 150 levels: groups of 8 (3 fine bits) keep to 32 groups; groups of 4 would need 38.
    expect(c).toMatchObject({ fineBits: 3, other: true, missing: true, rareLevels: 9, rareRows: 13 });
    expect(levelLayout(c)).toMatchObject({ groups: 19, other: 19, missing: 20, slots: 21 });
    expect(encodingGroups(spec).slice(0, 4)).toEqual([
      { kind: 'softmax', size: 21 },
      { kind: 'bernoulli' },
      { kind: 'bernoulli' },
      { kind: 'bernoulli' },
    ]);
    // 24 bits where one slot per level would take 152.
    expect(encodingBits(spec) - encodingBits({ ...spec, columns: spec.columns.slice(1) })).toBe(24);
    expect(parseEncodingSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);

    const data = encodeRows(spec, ds);
    const back = decodeRows(spec, data, 1).rows.map((r) => r[0]);
    ds.cells[0].forEach((cell, i) => expect(back[i]).toBe(/^R/.test(cell) ? OTHER_TOKEN : cell));
    // The decoded rows encode to the same bits (rare values as "other").
    expect(encodeTable(spec, decodeRows(spec, data, 1)).data).toEqual(data.data);
  });

  it('keeps one slot per level up to 64 levels, and takes the fewest fine bits beyond', () => {
    expect(levelFineBits(64)).toBe(0);
    expect(levelFineBits(65)).toBe(2);
    expect(levelFineBits(128)).toBe(2);
    expect(levelFineBits(129)).toBe(3);
    expect(levelFineBits(5000)).toBe(8);
    for (const n of [65, 200, 1000, 5000])
      expect(Math.ceil(n / 2 ** levelFineBits(n))).toBeLessThanOrEqual(MAX_LEVEL_GROUPS);
  });

  it('folds a pattern beyond the last group back onto it: every generated pattern is a level', async () => {
    const ds = await airports(70);
    const spec = buildEncoding(ds);
    const c = spec.columns[0];
    if (c.kind !== 'levels') throw new Error('expected levels');
    // 70 levels in groups of 4: 18 groups, the last holding A068 and A069 only.
    const layout = levelLayout(c);
    expect(layout).toMatchObject({ fineBits: 2, groups: 18 });
    expect([0, 1, 2, 3].map((p) => levelAt(layout, 70, 17, p))).toEqual([68, 69, 68, 69]);
    expect([0, 1, 2, 3].map((p) => levelAt(layout, 70, 3, p))).toEqual([12, 13, 14, 15]);
    const decoded = decodeRows(spec, everyPattern(spec), 1).rows.map((r) => r[0]);
    expect(decoded.slice(17 * 4, 18 * 4)).toEqual(['A068', 'A069', 'A068', 'A069']);
    expect(decoded.slice(18 * 4, 19 * 4)).toEqual(Array(4).fill(OTHER_TOKEN));
    expect(decoded.slice(19 * 4)).toEqual(Array(4).fill('NA'));
    expect(new Set(decoded.slice(0, 18 * 4))).toEqual(new Set(c.levels));
  });

  it('fixes a level by its group slot and its fine bits, which decode to that level', async () => {
    const ds = await airports(70);
    const spec = buildEncoding(ds);
    const c = spec.columns[0];
    if (c.kind !== 'levels') throw new Error('expected levels');
    expect(conditionColumns(spec)[0]).toEqual({ column: 'origin', values: c.levels });
    // origin: a softmax (group 0) and 2 fine bits (groups 1, 2); A013 is the second level of group 3.
    expect(conditionSlots(spec, [{ column: 'origin', value: 'A013' }])).toEqual([
      { group: 0, slot: 3 },
      { group: 1, slot: 0 },
      { group: 2, slot: 1 },
    ]);
    const bits = encodingBits(spec);
    const groups = encodingGroups(spec);
    const starts = groups.map((_, g) =>
      groups.slice(0, g).reduce((s, x) => s + (x.kind === 'bernoulli' ? 1 : x.size), 0),
    );
    for (const value of c.levels) {
      const data = new Uint8Array(bits);
      for (const { group, slot } of conditionSlots(spec, [{ column: 'origin', value }]))
        if (groups[group].kind === 'bernoulli') data[starts[group]] = slot;
        else data[starts[group] + slot] = 1;
      expect(decodeRows(spec, { groups, rows: 1, bits, data }, 1).rows[0][0]).toBe(value);
    }
    expect(() => conditionSlots(spec, [{ column: 'origin', value: 'R1' }])).toThrow(
      expect.objectContaining({ code: 'samples.unknownValue' }),
    );
  });

  it('decodes a version-2 spec as before: 64 levels, the more frequent rest written "(other)"', () => {
    const levels = Array.from({ length: 64 }, (_, i) => `L${i}`);
    const spec = parseEncodingSpec({
      format: 'layerwise-encoding',
      version: 2,
      header: ['city'],
      rareMin: 5,
      columns: [
        {
          kind: 'levels',
          column: 0,
          name: 'city',
          type: 'categorical',
          levels,
          other: true,
          otherLevels: [],
          otherCounts: [],
          rareLevels: 2,
          rareRows: 3,
          groupedLevels: 10,
          groupedRows: 70,
          missing: true,
          missingToken: 'n/a',
        },
      ],
    });
    expect(encodingGroups(spec)).toEqual([{ kind: 'softmax', size: 66 }]);
    const rows = [0, 63, 64, 65];
    const data = new Uint8Array(rows.length * 66);
    rows.forEach((slot, r) => (data[r * 66 + slot] = 1));
    const decoded = decodeRows(spec, { groups: encodingGroups(spec), rows: 4, bits: 66, data }, 1);
    expect(decoded.rows.map((r) => r[0])).toEqual(['L0', 'L63', OTHER_TOKEN, 'n/a']);
    expect(conditionSlots(spec, [{ column: 'city', value: 'L63' }])).toEqual([{ group: 0, slot: 63 }]);
  });
});
