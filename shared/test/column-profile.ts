/** A contract-valid column profile for tests (renderer fixtures, report inputs): included, 1 % missing, no format. */
import type { ColumnProfile } from '../domain/data.js';

export function columnProfile(
  index: number,
  name: string,
  type: ColumnProfile['type'],
  distinct: number,
  bins: { label: string; count: number }[],
): ColumnProfile {
  return {
    index,
    name,
    originalName: name,
    type,
    inferredType: type,
    include: true,
    excludedReason: null,
    missing: 1,
    missingRate: 0.01,
    distinct,
    format: {},
    chart: { kind: type === 'numeric' ? 'histogram' : 'categories', bins, other: 0 },
    min: null,
    max: null,
  };
}
