/**
 * Engine speed benchmark (issue 3): rows per second on the active tfjs backend for the two
 * reference configurations — an `aeries` layer (100 visible bits, k = 64, inference width
 * 128, batch 128, S = 8) and an `rbm` layer 100-64 with PCD-1, batch 128 — trained on seeded
 * random rows with structure. Run: `node --import tsx bench/engine.ts [rows] [epochs]`.
 */
import { cpus, loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import type { LayerConfig } from '../shared/domain/model.js';
import {
  LAYER_METHODS,
  allBernoulli,
  baseRateLogits,
  initBackend,
  toTensor,
  type LayerTrainInput,
} from '../electron/engine/index.js';
import { createRng } from '../electron/base/random.js';

const BITS = 100;
const K = 64;
const rows = Number(process.argv[2] ?? 8192);
const epochs = Number(process.argv[3] ?? 3);

/** Rows from a few random prototypes with 10% bit flips (seeded). */
function syntheticRows(n: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const protos = Array.from({ length: 10 }, () => Uint8Array.from({ length: BITS }, () => (rng.next() < 0.5 ? 1 : 0)));
  const out = new Uint8Array(n * BITS);
  for (let r = 0; r < n; r++) {
    const p = protos[rng.int(protos.length)];
    for (let j = 0; j < BITS; j++) out[r * BITS + j] = rng.next() < 0.1 ? 1 - p[j] : p[j];
  }
  return out;
}

function layerConfig(method: LayerConfig['method']): LayerConfig {
  return {
    units: K,
    method,
    epochs,
    batchSize: 128,
    learningRate: method === 'rbm' ? 0.05 : 0.01,
    samples: 8,
    inferenceWidth: 128,
    criterion: 'blm',
    cdK: 1,
    persistent: true,
  };
}

async function measure(method: 'aeries' | 'rbm', data: Uint8Array): Promise<number> {
  const X = toTensor(data, rows, BITS);
  const groups = allBernoulli(BITS);
  const rates: number[] = [];
  const input: LayerTrainInput = {
    groups,
    k: K,
    config: layerConfig(method),
    baseRates: baseRateLogits(data, rows, BITS, groups),
    valid: null,
    loop: {
      patience: 0,
      rng: createRng(7),
      control: {},
      rowsFor: () => tf.clone(X),
      rowsAfter: 0,
      // Epoch 1 includes kernel compilation and warm-up; report the later epochs.
      progress: (p) => rates.push(p.rowsPerSecond),
    },
  };
  const before = tf.memory().numTensors;
  const started = performance.now();
  (await LAYER_METHODS[method].train(input)).dispose();
  const seconds = (performance.now() - started) / 1000;
  X.dispose();
  const leaked = tf.memory().numTensors - before;
  // Steady-state rate: rows of epochs 2.. over their time, from the cumulative clock.
  const overall = (rows * epochs) / seconds;
  console.log(
    `${method.padEnd(7)} ${Math.round(overall).toLocaleString('en-US').padStart(8)} rows/s overall (${epochs} epochs of ${rows} rows, ${seconds.toFixed(2)} s), per-epoch cumulative: ${rates.map((r) => Math.round(r)).join(', ')}${leaked > 0 ? `, LEAKED ${leaked} tensors` : ''}`,
  );
  return overall;
}

const backend = await initBackend();
console.log(
  `backend: ${backend}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} cores (other processes slow the figures down)`,
);
const data = syntheticRows(rows, 1);
// Best of two runs each: the machine is shared, a single run can be slowed by others.
const aeries = Math.max(await measure('aeries', data), await measure('aeries', data));
const rbm = Math.max(await measure('rbm', data), await measure('rbm', data));
console.log(`aeries 100-64 (width 128, batch 128, S=8): ${Math.round(aeries)} rows/s (target on wasm 12000)`);
console.log(`rbm 100-64 (PCD-1, batch 128): ${Math.round(rbm)} rows/s (target on wasm 45000)`);
