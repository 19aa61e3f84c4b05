/**
 * What every stage of layer-wise training shares (METHOD.md §3): the seeded split into
 * training and validation rows, those rows uploaded once as tensors, pause/cancel, the hooks,
 * and the random stream of each stage. A stage's stream is derived from the seed and the
 * stage's place (`stageRng`), so a layer trained on its own, in a later call, draws exactly
 * what it would have drawn inside one whole run.
 */
import type * as tf from '@tensorflow/tfjs';
import { AppError } from '../../../shared/domain/errors.js';
import type { EpochProgress, LayerResult } from '../../../shared/domain/model.js';
import type { StackSettings } from '../../../shared/domain/staged.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { selectRows } from '../../base/encoded-rows.js';
import { createRng, permutation, type Rng } from '../../base/random.js';
import type { StackData } from '../model/params.js';
import { Disposables } from '../tensor/disposables.js';
import { toTensor, type LoopControl } from './loop-control.js';

/** Hooks and extra rows of a stage (and of a whole run). */
export interface StageOptions extends LoopControl {
  validation?: EncodedData;
  test?: EncodedData;
  /** Rows outside the subset with values seen in training (`data`, a sample of the `represented`), out of `rows` outside in all. */
  outside?: { data: EncodedData | null; rows: number; represented: number };
  onProgress?: (p: EpochProgress) => void;
  onLayer?: (r: LayerResult) => void;
}

/** Rows used for the per-model log-likelihood estimates when the exact sum is out of reach. */
export const EVAL_ROWS = 1000;
/** Rows (a seeded subsample) on which each layer's BLM bound is computed. */
export const BOUND_ROWS = 4000;

export interface Run {
  settings: StackSettings;
  opts: StageOptions;
  control: LoopControl;
  train: EncodedData;
  valid: EncodedData | null;
  /** The training and validation rows as tensors (released by `dispose`). */
  X0: tf.Tensor2D;
  V0: tf.Tensor2D | null;
  dispose(): void;
}

function splitValidation(
  data: EncodedData,
  fraction: number,
  seed: number,
): { train: EncodedData; valid: EncodedData | null } {
  const nValid = Math.floor(data.rows * fraction);
  if (nValid < 1 || data.rows - nValid < 1) return { train: data, valid: null };
  const order = permutation(data.rows, createRng(seed ^ 0x5eed));
  return { train: selectRows(data, order.subarray(nValid)), valid: selectRows(data, order.subarray(0, nValid)) };
}

export function subsample(data: EncodedData, max: number, seed: number): EncodedData {
  if (data.rows <= max) return data;
  return selectRows(data, permutation(data.rows, createRng(seed)).subarray(0, max));
}

/** The rows the model's log-likelihood (and the bound of the model so far) is measured on. */
export const evalSeed = (settings: StackSettings): number => settings.seed + 977;

export function openRun(data: EncodedData, settings: StackSettings, opts: StageOptions): Run {
  const split = opts.validation
    ? { train: data, valid: opts.validation }
    : splitValidation(data, settings.validationFraction, settings.seed);
  const owner = new Disposables();
  return {
    settings,
    opts,
    control: { signal: opts.signal, isPaused: opts.isPaused },
    train: split.train,
    valid: split.valid,
    X0: owner.own(toTensor(split.train.data, split.train.rows, split.train.bits)),
    V0: owner.own(split.valid ? toTensor(split.valid.data, split.valid.rows, split.valid.bits) : null),
    dispose: () => owner.dispose(),
  };
}

/** Runs `body` on a run of its own, released afterwards. */
export async function withRun<T>(
  data: EncodedData,
  settings: StackSettings,
  opts: StageOptions,
  body: (run: Run) => Promise<T>,
): Promise<T> {
  const run = openRun(data, settings, opts);
  try {
    return await body(run);
  } finally {
    run.dispose();
  }
}

/**
 * The random stream of a stage: the seed's stream after `layers` layers (each draws one
 * epoch seed and forks its loop's stream) and, when `afterTopRbm`, a top RBM (the same).
 */
export function stageRng(seed: number, layers: number, afterTopRbm = false): Rng {
  const rng = createRng(seed);
  const steps = layers + (afterTopRbm ? 1 : 0);
  for (let i = 0; i < steps; i++) {
    rng.nextUint32();
    rng.fork();
  }
  return rng;
}

/** FNV-1a over the training and validation rows: enough to tell other rows from the same ones. */
export function dataKey(run: Pick<Run, 'train' | 'valid'>): StackData {
  let h = 0x811c9dc5;
  const mix = (bytes: Uint8Array, rows: number) => {
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    h = Math.imul(h ^ rows, 0x01000193);
  };
  mix(run.train.data, run.train.rows);
  if (run.valid) mix(run.valid.data, run.valid.rows);
  return { rows: run.train.rows, bits: run.train.bits, fingerprint: (h >>> 0).toString(16).padStart(8, '0') };
}

/** Refuses to continue a stack (or fine-tune a model) on rows other than those it was trained on. */
export function checkSameData(run: Run, expected: StackData | null): void {
  if (!expected) return;
  const got = dataKey(run);
  if (got.bits !== expected.bits || got.rows !== expected.rows || got.fingerprint !== expected.fingerprint)
    throw new AppError('engine.otherRows', { rows: got.rows, expected: expected.rows });
}
