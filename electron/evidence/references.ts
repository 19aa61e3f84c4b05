/**
 * A score next to its references: where the generated rows' score sits between the floor
 * (rows drawn column by column from the training marginals) and the ceiling (held-out real
 * rows), and the level the verdict puts in words.
 */
import type { QualityLevel, ReferencedScore } from '../../shared/domain/quality.js';

/** Below this gap between the references the position is not told (the floor is as good as the ceiling). */
export const MIN_GAP = 0.02;

export function level(model: number | null, ceiling: number | null, floor: number | null): QualityLevel {
  if (model === null || ceiling === null || floor === null) return 'unknown';
  if (ceiling - floor < MIN_GAP) return model >= Math.min(ceiling, floor) - MIN_GAP ? 'ceiling' : 'floor';
  const p = (model - floor) / (ceiling - floor);
  if (p >= 0.9) return 'ceiling';
  if (p >= 0.5) return 'good';
  if (p > 0.1) return 'partial';
  return 'floor';
}

export function referenced(model: number | null, ceiling: number | null, floor: number | null): ReferencedScore {
  const position =
    model !== null && ceiling !== null && floor !== null && ceiling - floor >= MIN_GAP
      ? (model - floor) / (ceiling - floor)
      : null;
  return { model, ceiling, floor, position, level: level(model, ceiling, floor) };
}
