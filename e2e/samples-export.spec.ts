/**
 * Generated rows as an analyst looks at them and takes them to Excel: generate rows with a seed,
 * page through them (page size), sort by a column, filter by a value, see the real rows; generate
 * only rows of one region and see only that region; export CSV as UTF-8 with BOM, with
 * semicolons, and as CP932 (Shift-JIS), and check each file's bytes, header and row count — and
 * that the rows shown are the first rows of the file for the same seed.
 */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';

const parse = (text: string, delimiter: string) => {
  const [header = [], ...rows] = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
  return { header, rows };
};

test('an analyst pages, sorts and filters generated rows, generates one region only, and exports CSV for Excel', async ({
  studio,
}) => {
  test.setTimeout(240_000);
  await studio.openSample();
  await studio.train({ epochs: 2 });
  await studio.waitForTrainingDone();
  const table = studio.samplesTable;

  // 120 rows, 50 to a page; then 25 to a page, the second page holds rows 26–50.
  await studio.generate(120, 5);
  expect(await table.range()).toContain('Rows 1–50 of 120');
  await table.setPageSize(25);
  expect((await table.shownRows()).rows).toHaveLength(25);
  await table.nextPage();
  expect(await table.range()).toContain('Rows 26–50 of 120');
  expect(await table.shownNumbers()).toEqual(Array.from({ length: 25 }, (_, i) => 26 + i));

  // Sorted by quantity (as numbers), all 120 on one page.
  await table.setPageSize(250);
  const { header } = await table.shownRows();
  const quantity = header.indexOf('quantity');
  const region = header.indexOf('region');
  await table.sortBy('quantity');
  const sorted = (await table.shownRows()).rows.map((r) => Number(r[quantity]));
  expect(sorted).toHaveLength(120);
  expect(sorted).toEqual([...sorted].sort((a, b) => a - b));

  // Filtered to one region.
  await table.filter('region', 'Kansai');
  const kansai = (await table.shownRows()).rows;
  expect(kansai.length).toBeGreaterThan(0);
  expect(kansai.length).toBeLessThan(120);
  expect(kansai.every((r) => r[region] === 'Kansai')).toBe(true);
  await table.clearFilter();
  expect((await table.shownRealRows()).rows.length).toBeGreaterThan(0);

  // Only rows where region = Hokkaido: every generated row, and every real row shown beside, is Hokkaido.
  await table.fixColumn('region', 'Hokkaido');
  await studio.generate(60, 1); // the Export step's seed is 1 too
  const given = await table.shownRows();
  expect(given.header).toEqual(header);
  expect(given.rows).toHaveLength(60);
  expect(given.rows.every((r) => r[region] === 'Hokkaido')).toBe(true);
  expect(await table.conditionReport()).toMatch(
    /^Only rows where region = Hokkaido\. The model gives them a probability/,
  );
  expect((await table.shownRealRows()).rows.every((r) => r[region] === 'Hokkaido')).toBe(true);

  // UTF-8 with BOM (commas), with the condition: starts EF BB BF, the header, 300 rows of Hokkaido, the rows shown first.
  const save = (rows: number) => studio.exportSamples(rows);
  const bom = readFileSync(await table.exportCsv(save, 300, { encoding: 'utf8-bom', delimiter: ',' }));
  expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const bomCsv = parse(bom.subarray(3).toString('utf8'), ',');
  expect(bomCsv.header).toEqual(header);
  expect(bomCsv.rows).toHaveLength(300);
  expect(bomCsv.rows.every((r) => r[region] === 'Hokkaido')).toBe(true);
  expect(bomCsv.rows.slice(0, 60)).toEqual(given.rows);

  // Semicolons, every region again.
  await table.clearConditions();
  await studio.generate(40, 1);
  const free = (await table.shownRows()).rows;
  const semi = readFileSync(await table.exportCsv(save, 250, { encoding: 'utf8-bom', delimiter: ';' })).toString(
    'utf8',
  );
  expect(semi.split('\r\n')[0]).toBe(`\uFEFF${header.join(';')}`);
  const semiCsv = parse(semi.slice(1), ';');
  expect(semiCsv.header).toEqual(header);
  expect(semiCsv.rows).toHaveLength(250);
  expect(new Set(semiCsv.rows.map((r) => r[region])).size).toBeGreaterThan(1);

  // CP932 (Shift-JIS): no BOM, reads back with iconv-lite to the same rows, and its bytes are CP932's.
  const sjis = readFileSync(await table.exportCsv(save, 200, { encoding: 'cp932', delimiter: ',' }));
  expect(sjis[0]).not.toBe(0xef);
  const text = iconv.decode(sjis, 'cp932');
  expect(iconv.encode(text, 'cp932').equals(sjis)).toBe(true);
  const sjisCsv = parse(text, ',');
  expect(sjisCsv.header).toEqual(header);
  expect(sjisCsv.rows).toHaveLength(200);
  expect(sjisCsv.rows.slice(0, 40)).toEqual(free);
});
