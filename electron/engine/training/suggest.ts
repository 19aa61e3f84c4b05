/**
 * "Suggest a size" (METHOD.md §4.1, layer selection): candidate first layers are trained on
 * their own, each as the first stage of a stack with the same seed and split, and ranked by
 * their BLM bound on validation rows — the best log-likelihood any layers on top of them could
 * reach. Candidates are chosen from the data's bits and rows, trained smallest first within a
 * time budget (what is not done in time is listed as skipped), and a size is recommended by a
 * rule of this implementation (`recommend`, a *choice*). A candidate over the engine's memory
 * budget refuses the whole suggestion before any training (`train.tooLarge`, naming the setting).
 */
import type { EpochProgress, LayerConfig } from '../../../shared/domain/model.js';
import { defaultTrainConfig } from '../../../shared/domain/model.js';
import type { SizeCandidate, SizeSuggestion, StackSettings } from '../../../shared/domain/staged.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { AppError } from '../../../shared/domain/errors.js';
import type { LoopControl } from './loop-control.js';
import { estimateLayerMemory, refuseOverBudget } from './memory.js';
import { recommend } from './recommend.js';
import { DEFAULT_STACK_SETTINGS, trainNextLayer } from './staged.js';

/** Seconds after which no candidate is started and the one training is stopped (*choice*). */
export const DEFAULT_SUGGEST_BUDGET_SECONDS = 180;
/** At most this many units, and at most 4·⌈log2 rows⌉ (*choice*: more codes than rows to tell apart is waste). */
export const SUGGEST_MAX_UNITS = 64;

export interface SuggestOptions extends LoopControl {
  validation?: EncodedData;
  settings?: StackSettings;
  /** Default DEFAULT_SUGGEST_BUDGET_SECONDS; Infinity for none. Paused time does not count. */
  budgetSeconds?: number;
  /** Epochs of each candidate (layer = candidate index, layers = candidates). */
  onProgress?: (p: EpochProgress) => void;
  /** Each candidate once trained (rank 1 until ranked with the others). */
  onCandidate?: (c: SizeCandidate) => void;
}

/** 5 sizes (fewer when the range is narrow), evenly spaced on a log scale from ~bits/16 to ~bits/2. */
export function candidateSizes(bits: number, rows: number, count = 5): number[] {
  const cap = Math.min(SUGGEST_MAX_UNITS, 4 * Math.ceil(Math.log2(Math.max(2, rows))));
  const lo = Math.max(2, Math.min(cap, Math.round(bits / 16)));
  const hi = Math.max(lo, Math.min(cap, Math.round(bits / 2)));
  const out = new Set<number>();
  const n = Math.min(count, hi - lo + 1);
  for (let i = 0; i < n; i++) out.add(Math.round(lo * (hi / lo) ** (n === 1 ? 0 : i / (n - 1))));
  return [...out].sort((a, b) => a - b);
}

/** `aeries` first layers of those sizes with the data-driven defaults (epochs by rows, METHOD.md §9). */
export function candidateLayers(bits: number, rows: number): LayerConfig[] {
  const base = defaultTrainConfig(bits, rows).layers[0];
  return candidateSizes(bits, rows).map((units) => ({ ...base, units }));
}

/** The time budget: elapsed seconds without the paused ones, and an abort once they run out. */
class Budget {
  private readonly started = performance.now();
  private pausedSince: number | null = null;
  private paused = 0;
  readonly expired = new AbortController();
  constructor(private readonly seconds: number) {}
  elapsed(): number {
    const now = performance.now();
    return (now - this.started - this.paused - (this.pausedSince === null ? 0 : now - this.pausedSince)) / 1000;
  }
  remaining(): number {
    return Math.max(0, this.seconds - this.elapsed());
  }
  /** Wraps the user's pause so paused time is not counted and the budget is checked between batches. */
  control(user: LoopControl): LoopControl {
    const signal = user.signal ? AbortSignal.any([user.signal, this.expired.signal]) : this.expired.signal;
    const isPaused = () => {
      const p = user.isPaused?.() ?? false;
      const now = performance.now();
      if (p && this.pausedSince === null) this.pausedSince = now;
      if (!p && this.pausedSince !== null) {
        this.paused += now - this.pausedSince;
        this.pausedSince = null;
      }
      if (!p && this.remaining() <= 0) this.expired.abort();
      return p;
    };
    return { signal, isPaused };
  }
}

const isCancel = (err: unknown) => err instanceof AppError && err.code === 'cancelled';

/** Trains each candidate first layer (default: chosen from the data) and ranks them by their bound. */
export async function suggestFirstLayer(
  data: EncodedData,
  candidates: LayerConfig[] | null = null,
  opts: SuggestOptions = {},
): Promise<SizeSuggestion> {
  const list = [...(candidates ?? candidateLayers(data.bits, data.rows))].sort((a, b) => a.units - b.units);
  // Every candidate's estimate is checked before the first is trained: no work is lost to a refusal.
  const rows = data.rows + (opts.validation?.rows ?? 0);
  for (const layer of list) refuseOverBudget(estimateLayerMemory([], layer, data.bits, rows));
  const budget = new Budget(opts.budgetSeconds ?? DEFAULT_SUGGEST_BUDGET_SECONDS);
  const control = budget.control(opts);
  const done: SizeCandidate[] = [];
  const skipped: number[] = [];
  let onValidation = true;
  for (const [i, layer] of list.entries()) {
    if (skipped.length > 0 || budget.remaining() <= 0) {
      skipped.push(layer.units);
      continue;
    }
    try {
      const { result } = await trainNextLayer(data, null, layer, {
        ...control,
        validation: opts.validation,
        settings: opts.settings ?? DEFAULT_STACK_SETTINGS,
        onProgress: (p) =>
          opts.onProgress?.({
            ...p,
            layer: i,
            layers: list.length,
            etaSeconds: Math.min(p.etaSeconds, budget.remaining()),
          }),
      });
      onValidation &&= result.blmValid !== null;
      const c = { units: layer.units, method: layer.method, bound: result.blmValid ?? result.blmTrain };
      done.push({ ...c, boundTrain: result.blmTrain, seconds: result.seconds, rank: 1 });
      opts.onCandidate?.(done[done.length - 1]);
    } catch (err) {
      if (!isCancel(err) || opts.signal?.aborted || !budget.expired.signal.aborted) throw err;
      skipped.push(layer.units);
    }
  }
  const ranking = [...done].sort((a, b) => b.bound.value - a.bound.value).map((c, r) => ({ ...c, rank: r + 1 }));
  return { ranking, recommended: recommend(ranking), skipped, onValidation, seconds: budget.elapsed() };
}
