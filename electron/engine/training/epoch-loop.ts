/**
 * The epoch loop every layer method shares: fresh (seeded) training rows each epoch, seeded
 * mini-batches, one step per batch with pause/cancel between batches, the criterion read
 * back once per epoch (no per-batch synchronous reads), validation, early stopping that keeps
 * the best parameters, and a progress event per epoch. An epoch whose criterion or parameters
 * are not finite ends the run with `engine.diverged`: a model of NaNs is never kept.
 */
import * as tf from '@tensorflow/tfjs';
import { AppError } from '../../../shared/domain/errors.js';
import type { EpochProgress } from '../../../shared/domain/model.js';
import { checkpoint, Clock, epochBatches, type LoopControl } from './loop-control.js';
import type { Rng } from '../../base/random.js';
import { tfSeed } from '../../base/random.js';

export interface EpochLoop {
  epochs: number;
  batchSize: number;
  patience: number;
  rng: Rng;
  control: LoopControl;
  /** Training rows of an epoch (fresh codes each epoch for upper layers). Owned by the loop. */
  rowsFor(epoch: number): tf.Tensor2D;
  /** One optimisation step on a batch; returns the batch's summed criterion (kept, disposed by the loop). */
  step(batch: tf.Tensor2D, seed: number): tf.Scalar;
  /** Criterion per row on validation rows, or null. */
  validate(): number | null;
  /** The trainable state, for early stopping. */
  variables: tf.Variable[];
  progress(p: Omit<EpochProgress, 'layer' | 'layers' | 'stage'>): void;
  /** Rows of all epochs of the whole run still to go after this loop (for the ETA). */
  rowsAfter: number;
}

export interface EpochLoopResult {
  epochs: number;
  best: number;
}

/** Whether every value of the variables is finite (x - x is 0 for a finite x, NaN otherwise). */
function allFinite(variables: readonly tf.Variable[]): boolean {
  if (variables.length === 0) return true;
  const check = tf.tidy(() => tf.addN(variables.map((v) => tf.sum(tf.sub(v, v)))));
  try {
    return Number.isFinite(check.dataSync()[0]);
  } finally {
    check.dispose();
  }
}

export async function runEpochs(loop: EpochLoop): Promise<EpochLoopResult> {
  let best = -Infinity;
  let bestCopy: tf.Tensor[] | null = null;
  let sinceBest = 0;
  let done = 0;
  let clock: Clock | null = null;
  try {
    for (let epoch = 1; epoch <= loop.epochs; epoch++) {
      const x = loop.rowsFor(epoch);
      const rows = x.shape[0];
      clock ??= new Clock(rows * loop.epochs + loop.rowsAfter);
      let sum: tf.Scalar = tf.scalar(0);
      const batches = epochBatches(rows, loop.batchSize, loop.rng);
      try {
        for (const idx of batches) {
          // On cancel, the batches not reached yet are released by the finally below.
          await checkpoint(loop.control);
          const batch = tf.gather(x, idx) as tf.Tensor2D;
          const value = loop.step(batch, tfSeed(loop.rng));
          batch.dispose();
          const next = tf.add(sum, value) as tf.Scalar;
          sum.dispose();
          value.dispose();
          sum = next;
          clock.add(batch.shape[0]);
        }
        const train = (await sum.data())[0] / rows;
        const valid = loop.validate();
        if (!Number.isFinite(train) || (valid !== null && !Number.isFinite(valid)) || !allFinite(loop.variables))
          throw new AppError('engine.diverged');
        clock.endEpoch();
        done = epoch;
        const score = valid ?? train;
        if (score > best + 1e-6) {
          best = score;
          sinceBest = 0;
          if (loop.patience > 0) {
            bestCopy?.forEach((t) => t.dispose());
            bestCopy = loop.variables.map((v) => tf.clone(v));
          }
        } else sinceBest++;
        loop.progress({
          epoch,
          epochs: loop.epochs,
          criterionTrain: train,
          criterionValid: valid,
          rowsPerSecond: clock.rowsPerSecond(),
          etaSeconds: clock.eta(),
        });
        if (loop.patience > 0 && sinceBest >= loop.patience) break;
      } finally {
        batches.forEach((t) => {
          if (!t.isDisposed) t.dispose();
        });
        sum.dispose();
        x.dispose();
      }
    }
    if (bestCopy && sinceBest > 0) loop.variables.forEach((v, i) => v.assign(bestCopy![i]));
    return { epochs: done, best };
  } finally {
    bestCopy?.forEach((t) => t.dispose());
  }
}
