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

/** Progress timing: rows per second and the remaining time of the whole run. */
export class Clock {
  private readonly started = performance.now();
  private rowsDone = 0;
  constructor(private readonly totalRows: number) {}
  add(rows: number): void {
    this.rowsDone += rows;
  }
  seconds(): number {
    return (performance.now() - this.started) / 1000;
  }
  rowsPerSecond(): number {
    const s = this.seconds();
    return s > 0 ? this.rowsDone / s : 0;
  }
  eta(): number {
    const rate = this.rowsPerSecond();
    return rate > 0 ? Math.max(0, (this.totalRows - this.rowsDone) / rate) : 0;
  }
}
