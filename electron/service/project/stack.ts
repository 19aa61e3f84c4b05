/**
 * Layer by layer in a project: the stack of layers trained so far (its record, its partial
 * model-file bytes once fetched, and, when trained in this session, the training set and the
 * subset it was trained on, to go on with the same rows), the last "Suggest a size", the
 * stage running, and the training sets of models made in this session (for fine-tuning).
 * The stack goes out of date like a model (`staleness` of its lineage).
 */
import type { DatasetInfo } from '../../../shared/domain/data.js';
import type { LayersState, SavedLayers, StackRecord, StageJob } from '../../../shared/domain/layer-by-layer.js';
import type { TrainConfig } from '../../../shared/domain/model.js';
import type { SizeSuggestion } from '../../../shared/domain/staged.js';
import type { Subset } from '../../data/index.js';
import type { TrainingSet } from '../../synthesizer/index.js';
import { staleness, type CurrentChoices } from './lineage.js';

/** The stack with what it needs at hand to go on. */
export interface StackEntry {
  record: StackRecord;
  /** Its partial model-file bytes (fetched after each stage; as saved, when reopened). */
  bytes: Uint8Array | null;
  /** Whether the engine thread holds it under `record.id` (not yet after a reopen). */
  onEngine: boolean;
  /** The rows it trains on, when trained in this session. */
  set: TrainingSet | null;
  trainedOn: { subset: Subset; dataset: DatasetInfo } | null;
}

/** The configuration of a model finished from `stack` with the top prior `top`. */
export function modelConfig(
  stack: StackRecord,
  top: Pick<TrainConfig, 'topPrior' | 'topHidden' | 'topEpochs'>,
): TrainConfig {
  const { seed, validationFraction, patience } = stack.settings;
  return { layers: stack.configs, ...top, seed, validationFraction, patience, fineTuneEpochs: 0 };
}

/** Training sets kept for fine-tuning, the most recent first (each can be large). */
const KEPT_SETS = 4;

export class ProjectLayers {
  stack: StackEntry | null = null;
  suggestion: SizeSuggestion | null = null;
  job: StageJob | null = null;
  private readonly sets: { modelId: string; set: TrainingSet; trainedOn: StackEntry['trainedOn'] }[] = [];

  /** Keeps the rows a model was trained on (this session), for fine-tuning it. */
  keepSet(modelId: string, set: TrainingSet, trainedOn: StackEntry['trainedOn']): void {
    this.sets.unshift({ modelId, set, trainedOn });
    this.sets.splice(KEPT_SETS);
  }

  setOf(modelId: string): { set: TrainingSet; trainedOn: StackEntry['trainedOn'] } | null {
    return this.sets.find((s) => s.modelId === modelId) ?? null;
  }

  state(projectId: string, now: CurrentChoices): LayersState {
    const record = this.stack?.record ?? null;
    return {
      projectId,
      stack: record ? { ...record, stale: staleness(record.lineage, now) } : null,
      suggestion: this.suggestion,
      job: this.job,
    };
  }

  saved(): SavedLayers | null {
    if (!this.stack && !this.suggestion) return null;
    return { stack: this.stack?.record ?? null, suggestion: this.suggestion };
  }

  /** A reopened project's stack and suggestion (the stack goes to the engine thread when next used). */
  restore(saved: SavedLayers | null, stackBytes: Uint8Array | null): void {
    this.suggestion = saved?.suggestion ?? null;
    const record = saved?.stack ?? null;
    this.stack =
      record && stackBytes ? { record, bytes: stackBytes, onEngine: false, set: null, trainedOn: null } : null;
  }
}
