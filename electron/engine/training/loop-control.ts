/**
 * What every training loop shares: the data uploaded once as a tensor, seeded shuffles into
 * mini-batches, and the checkpoint between mini-batches where pause and cancel take effect
 * (it also yields to the event loop so signals and messages get through).
 */
import * as tf from '@tensorflow/tfjs';
import { AppError } from '../../../shared/domain/errors.js';
import { permutation, type Rng } from '../../base/random.js';

export interface LoopControl {
  signal?: AbortSignal;
  isPaused?: () => boolean;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Throws `cancelled` if the run was cancelled; waits while it is paused. */
export async function checkpoint(control: LoopControl): Promise<void> {
  await tick();
  if (control.signal?.aborted) throw new AppError('cancelled');
  while (control.isPaused?.()) {
    await sleep(50);
    if (control.signal?.aborted) throw new AppError('cancelled');
  }
  if (control.signal?.aborted) throw new AppError('cancelled');
}

/** Row indices of each mini-batch of one epoch, in a seeded random order. */
export function epochBatches(rows: number, batchSize: number, rng: Rng): tf.Tensor1D[] {
  const order = permutation(rows, rng);
  const out: tf.Tensor1D[] = [];
  for (let start = 0; start < rows; start += batchSize) {
    out.push(tf.tensor1d(order.subarray(start, Math.min(rows, start + batchSize)), 'int32'));
  }
  return out;
}

/** The rows of `x` in consecutive chunks (for evaluation passes without gradients). */
export function* chunks(rows: number, size: number): Generator<[number, number]> {
  for (let start = 0; start < rows; start += size) yield [start, Math.min(rows, start + size)];
}

export function toTensor(data: Uint8Array, rows: number, bits: number): tf.Tensor2D {
  return tf.tensor2d(Float32Array.from(data), [rows, bits]);
}

/** Epochs whose rate the time left is computed from (the most recent ones). */
export const RECENT_EPOCHS = 2;

/**
 * Progress timing of one stage: rows per second and the time left of the whole run. The rate
 * is that of the most recent epochs, not the average since the start: the first epoch also
 * pays for the backend's warm-up (kernels compiled, memory grown) and would make every later
 * estimate too long. It counts once no later epoch is known. `rowsAfter` of the run's later
 * stages are counted in rows of this stage's cost (see `shared/domain/train-cost.ts`).
 */
export class Clock {
  private epochStarted: number;
  private rowsThisEpoch = 0;
  private rowsDone = 0;
  private readonly epochs: { rows: number; seconds: number }[] = [];

  constructor(
    private readonly totalRows: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.epochStarted = now();
  }

  add(rows: number): void {
    this.rowsThisEpoch += rows;
    this.rowsDone += rows;
  }

  /** Closes the current epoch: its rows and time join the recent ones. */
  endEpoch(): void {
    const t = this.now();
    this.epochs.push({ rows: this.rowsThisEpoch, seconds: (t - this.epochStarted) / 1000 });
    this.epochStarted = t;
    this.rowsThisEpoch = 0;
  }

  /** Rows per second of the most recent epochs (the first one only while it is the only one). */
  rowsPerSecond(): number {
    const later = this.epochs.length > 1 ? this.epochs.slice(1) : this.epochs;
    const recent = later.slice(-RECENT_EPOCHS);
    const rows = recent.reduce((a, e) => a + e.rows, 0);
    const seconds = recent.reduce((a, e) => a + e.seconds, 0);
    return seconds > 0 ? rows / seconds : 0;
  }

  /** Seconds left for the rows still to go, at the recent rate; 0 while no epoch has ended. */
  eta(): number {
    const rate = this.rowsPerSecond();
    return rate > 0 ? Math.max(0, (this.totalRows - this.rowsDone) / rate) : 0;
  }
}
