/**
 * What the encoding replaced rather than learnt, for the privacy panel: each identifier
 * column (its real values replaced by fresh ones in the same pattern) with how many generated
 * identifiers equal a real one (none should), and the rare values grouped as "other"
 * (`rareValueSummary` of the data layer).
 */
import type { RowTable } from '../../shared/domain/data.js';
import type { PrivacyEvidence } from '../../shared/domain/privacy.js';
import { rareValueSummary, type EncodingSpec } from '../data/index.js';

/** The cells of a real column, every row the app holds (not only the training rows). */
export type RealCells = (name: string) => readonly string[];

export function replacedValues(
  encoding: EncodingSpec,
  generated: RowTable,
  realCells: RealCells,
  missing: Set<string>,
): PrivacyEvidence['replaced'] {
  const identifiers: PrivacyEvidence['replaced']['identifiers'] = [];
  for (const c of encoding.columns) {
    if (c.kind !== 'identifier') continue;
    const at = generated.header.indexOf(c.name);
    if (at < 0) continue;
    const real = new Set<string>();
    for (const cell of realCells(c.name)) if (!missing.has(cell.trim())) real.add(cell.trim());
    let equalToReal = 0;
    for (const row of generated.rows) if (real.has(row[at].trim())) equalToReal++;
    identifiers.push({ name: c.name, realValues: real.size, generatedValues: generated.rows.length, equalToReal });
  }
  const rare = rareValueSummary(encoding);
  return { identifiers, rareMin: rare.rareMin, rareValues: rare.columns };
}
