/**
 * How far a run has got, for the progress bar: the work of the stages done plus the share of
 * the current one, each stage weighed by its cost (`shared/domain/train-cost.ts`), so the bar
 * moves at an even pace through a costly first layer and a cheap top prior.
 */
import type { EpochProgress, TrainConfig } from '../../../../shared/domain/model.js';
import { runStages } from '../../../../shared/domain/train-cost.js';

/** Index in `runStages` of the stage a progress event is about. */
function stageIndex(p: EpochProgress, layers: number): number {
  if (p.stage === 'layer') return p.layer;
  return p.stage === 'top' ? layers : layers + 1;
}

/** Percent done (0–100) after the epoch `p` reports; without the run's configuration, by stage count. */
export function percentDone(p: EpochProgress | null, config: TrainConfig | null, bits: number): number {
  if (!p) return 0;
  const epochShare = p.epoch / Math.max(1, p.epochs);
  if (!config || config.layers.length !== p.layers) {
    const index = stageIndex(p, p.layers);
    return Math.min(100, (100 * (index + epochShare)) / (p.layers + 1));
  }
  const stages = runStages(config, Math.max(1, bits));
  const work = stages.map((s) => s.epochs * s.workPerRow);
  const total = work.reduce((a, b) => a + b, 0);
  const index = stageIndex(p, config.layers.length);
  const before = work.slice(0, index).reduce((a, b) => a + b, 0);
  return total > 0 ? Math.min(100, (100 * (before + epochShare * work[index])) / total) : 0;
}
