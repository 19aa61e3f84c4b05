/**
 * Which columns of a model's rows the privacy evidence compares, and how it reads their cells:
 * the columns the model learnt (numbers and dates by value in the column's format, categories
 * and yes/no by level); identifiers and constants are left out, since the model does not
 * learn them (identifiers are fresh, checked apart). A cell in the missing tokens is missing.
 */
import { cellNumber, type EncodingSpec } from '../data/index.js';
import type { DistanceColumn } from './distance.js';

/** The missing tokens of a model's rows: the file's, and what the encoding writes for a missing value. */
export function missingTokens(encoding: EncodingSpec, fileTokens: readonly string[]): Set<string> {
  const tokens = new Set(fileTokens.map((t) => t.trim()));
  tokens.add('');
  for (const c of encoding.columns)
    if ('missingToken' in c && c.missingToken !== undefined) tokens.add(c.missingToken.trim());
  return tokens;
}

/** The compared columns among `present` (the generated table's header), in the encoding's order. */
export function distanceColumns(
  encoding: EncodingSpec,
  missing: Set<string>,
  present: readonly string[],
): DistanceColumn[] {
  const out: DistanceColumn[] = [];
  for (const c of encoding.columns) {
    if (!present.includes(c.name)) continue;
    if (c.kind === 'quantiles' || c.kind === 'bins' || c.kind === 'values') {
      const { type, format } = c;
      if (type === 'categorical' || type === 'boolean' || type === 'text' || type === 'identifier') continue;
      out.push({
        name: c.name,
        kind: 'number',
        parse: (cell) => (missing.has(cell.trim()) ? NaN : cellNumber(cell, type, format)),
      });
    } else if (c.kind === 'levels' || c.kind === 'flag') {
      out.push({ name: c.name, kind: 'category', level: (cell) => (missing.has(cell.trim()) ? null : cell.trim()) });
    }
  }
  return out;
}
