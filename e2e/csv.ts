/** Reading CSV files in the specs (papaparse), BOM-tolerant. */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';

export function readCsv(path: string): { header: string[]; rows: string[][] } {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}
