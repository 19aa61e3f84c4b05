/**
 * Real public tables for the data layer's tests: vega-datasets (BSD-3-Clause) from node_modules,
 * a CSV as it is, a JSON table written as a CSV (the keys of its first record as the header) in
 * the test's own folder, as an analyst would export it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCsv } from '../csv-write.js';

export const VEGA_DATA = join(fileURLToPath(new URL('../../../node_modules/vega-datasets', import.meta.url)), 'data');

/** The path of a vega-datasets table as a CSV: a CSV as it is, a JSON table written into `dir`. */
export function vegaCsv(name: string, dir: string): string {
  if (!name.endsWith('.json')) return join(VEGA_DATA, name);
  const records = JSON.parse(readFileSync(join(VEGA_DATA, name), 'utf8')) as Record<string, unknown>[];
  const header = Object.keys(records[0]);
  const rows = records.map((r) => header.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h]))));
  const path = join(dir, name.replace('.json', '.csv'));
  writeFileSync(path, toCsv({ header, rows }, { bom: false }));
  return path;
}
