/**
 * A seeded table for the quality evidence's tests: x uniform, y = 2x + noise, g = "hi" when
 * x > 0.5 (else "lo"); `related: false` draws y and g apart from x.
 */
import type { RowTable } from '../../../shared/domain/data.js';
import { createRng } from '../../base/random.js';
import type { EvidenceColumn } from '../table.js';

export const XY_COLUMNS: EvidenceColumn[] = [
  { name: 'x', type: 'numeric', format: {} },
  { name: 'y', type: 'numeric', format: {} },
  { name: 'g', type: 'categorical', format: {} },
];

export function xyTable(rows: number, seed: number, related = true): RowTable {
  const rng = createRng(seed);
  return {
    header: ['x', 'y', 'g'],
    rows: Array.from({ length: rows }, () => {
      const x = rng.next();
      const xy = related ? x : rng.next();
      const xg = related ? x : rng.next();
      return [x.toFixed(4), (2 * xy + 0.1 * rng.normal()).toFixed(4), xg > 0.5 ? 'hi' : 'lo'];
    }),
  };
}
