/**
 * What the comparison of a project's models needs beyond their training figures: the slot of
 * a quality score of generated rows (filled by the quality metrics, once they exist; optional
 * on every model record, so project files without it still load).
 */
import { z } from 'zod';

/**
 * A model's quality score: how alike its generated rows are to real ones, 0 to 100, higher is
 * better. `of` says which rows it was measured against (validation or test rows).
 */
export const QualityScore = z.object({
  score: z.number().min(0).max(100),
  of: z.enum(['valid', 'test']),
});
export type QualityScore = z.infer<typeof QualityScore>;
