/**
 * The CSV dialect from the first lines of decoded text: the delimiter (comma, semicolon, tab,
 * pipe) whose field counts are most consistent, and whether the first row is a header (its
 * cells are text where the rows below are numbers or dates, or it repeats no value below).
 */
import Papa from 'papaparse';
import type { Delimiter } from '../../shared/domain/data.js';

const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];

export function parseSample(text: string, delimiter: Delimiter, quote = '"', maxRows = 60): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, quoteChar: quote, preview: maxRows, skipEmptyLines: true });
  return result.data;
}

export function detectDelimiter(text: string): Delimiter {
  let best: { d: Delimiter; score: number } = { d: ',', score: -Infinity };
  const complete = text.slice(0, text.lastIndexOf('\n') + 1) || text;
  for (const d of DELIMITERS) {
    const rows = parseSample(complete, d);
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [mode, freq] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (mode < 2) continue;
    const score = (freq / rows.length) * 10 + Math.min(mode, 50) / 50;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

const looksNumeric = (s: string) => /^[\s(+\-−￥¥$€£]*[0-9０-９][0-9０-９.,'\s]*%?\)?\s*(円)?$/.test(s.trim());
const looksDate = (s: string) => /^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}/.test(s.trim());

export function detectHeader(rows: string[][]): boolean {
  const [first, ...below] = rows;
  // Rows of empty cells (,,,) say nothing: with no other row below, the first row is a header.
  const rest = below.filter((r) => r.some((c) => c.trim() !== ''));
  if (!first || rest.length === 0) return true;
  if (first.some((c) => c.trim() === '')) {
    // Empty header cells happen (Excel exports); judge by the other cells.
  }
  let typedBelow = 0;
  let textAbove = 0;
  let repeated = 0;
  first.forEach((cell, j) => {
    const below = rest.map((r) => r[j] ?? '').filter((v) => v.trim() !== '');
    if (below.length === 0) return;
    const belowTyped = below.filter((v) => looksNumeric(v) || looksDate(v)).length / below.length;
    const cellTyped = looksNumeric(cell) || looksDate(cell);
    if (belowTyped > 0.8 && !cellTyped) typedBelow++;
    if (!cellTyped) textAbove++;
    if (below.includes(cell)) repeated++;
  });
  if (typedBelow > 0) return true;
  if (textAbove === 0) return false;
  return repeated === 0;
}
