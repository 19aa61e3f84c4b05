/**
 * How fast this machine runs the engine, measured in about a second on the engine thread for
 * the time estimate shown before a run: the first layer's training speed on a few mini-batches
 * of the real rows (its later epochs, after the warm-up), and the speed of plain float64
 * arithmetic, which the evaluations run on. `shared/domain/train-cost.ts` turns them into seconds.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerConfig } from '../../../shared/domain/model.js';
import type { MachineSpeed } from '../../../shared/domain/train-cost.js';
import type { EncodedData } from '../../base/encoded-rows.js';
import { createRng } from '../../base/random.js';
import { LAYER_METHODS } from '../methods/index.js';
import { baseRateLogits } from '../tensor/variables.js';
import { toTensor } from './loop-control.js';

/**
 * Mini-batches per calibration epoch, and epochs: the first warms up, the others are timed. 16 and
 * 3: with 4 and 4, the end-of-epoch work (reading the criterion back) weighed on 4 batches only, and
 * the first measurement of a process ran at half the speed of a real run (the sample: 7,100 rows/s
 * measured, about 14,000 in the run), so the defaults got half the epochs the budget allows.
 */
const BATCHES = 16;
const EPOCHS = 3;

/** Rows per second of one layer's training on the first rows of `data`, after its warm-up epoch. */
export async function layerRowsPerSecond(data: EncodedData, layer: LayerConfig): Promise<number> {
  const rows = Math.min(data.rows, BATCHES * layer.batchSize);
  const X = toTensor(data.data.subarray(0, rows * data.bits), rows, data.bits);
  let rate = 0;
  try {
    const trained = await LAYER_METHODS[layer.method].train({
      groups: data.groups,
      k: layer.units,
      config: { ...layer, epochs: EPOCHS },
      baseRates: baseRateLogits(data.data, rows, data.bits, data.groups),
      valid: null,
      loop: {
        patience: 0,
        rng: createRng(1),
        control: {},
        rowsFor: () => tf.clone(X),
        rowsAfter: 0,
        progress: (p) => (rate = p.rowsPerSecond),
      },
    });
    trained.dispose();
  } finally {
    X.dispose();
  }
  return rate;
}

/** One pass of multiply-adds over two arrays (a small function, so the JIT optimises it at once). */
function sweep(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let acc = 0;
  for (let i = 0; i < n; i++) acc += a[i] * b[(i * 7) & (n - 1)];
  return acc;
}

/**
 * Plain float64 multiply-adds per second of this thread: after a warm-up (so the code runs
 * optimised, as the evaluations do), the median of `slices` runs of about `sliceMs` each.
 */
export function float64OpsPerSecond(slices = 5, sliceMs = 20): number {
  const n = 4096;
  const a = Float64Array.from({ length: n }, (_, i) => 1 + (i % 7) / 8);
  const b = Float64Array.from({ length: n }, (_, i) => 1 - (i % 5) / 8);
  let acc = 0;
  for (let w = 0; w < 500; w++) acc += sweep(a, b);
  const rates: number[] = [];
  for (let s = 0; s < slices; s++) {
    let ops = 0;
    const started = performance.now();
    let elapsed = 0;
    do {
      for (let r = 0; r < 16; r++) acc += sweep(a, b);
      ops += 16 * n;
      elapsed = performance.now() - started;
    } while (elapsed < sliceMs);
    rates.push((ops / elapsed) * 1000);
  }
  rates.sort((x, y) => x - y);
  // The sum is used so the loop cannot be optimised away.
  return Number.isFinite(acc) ? rates[Math.floor(slices / 2)] : 0;
}

/** Both speeds, for the first layer of a configuration on these rows. */
export async function measureSpeed(data: EncodedData, layer: LayerConfig): Promise<MachineSpeed> {
  return { layer0RowsPerSecond: await layerRowsPerSecond(data, layer), opsPerSecond: float64OpsPerSecond() };
}
