/**
 * Sampling benchmark (issue 11: 1,000,000 rows of the sample data generated and written to CSV
 * in at most 20 s). Fits a model of `resources/sample-orders.csv` with the default architecture
 * through the synthesizer, then times each stage separately for N rows: sampling encoded rows
 * (engine), decoding them (`decodeSample`), writing CSV (`toCsv` to a temp file) and the total.
 * Then the engine's sampling alone on random 100-64-16 models (the reference figure: a PyTorch
 * batched sampler at about 25,000 rows/s on this machine), with a top RBM prior enumerated
 * exactly and with one large enough (32 units, 32 hidden) to need batched Gibbs chains.
 *   node --import tsx bench/sample.ts [--rows 1000000] [--epochs 2] [--full]
 * Sampling speed depends on the architecture only, so by default the model is fitted with
 * 2 epochs per layer (`--full`: the default number of epochs).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { applySubset, importCsv, toCsv } from '../electron/data/index.js';
import {
  initBackend,
  matrix,
  sampleVisible,
  type DeepModelParams,
  type TopPriorParams,
} from '../electron/engine/index.js';
import { decodeSample, fitModel, prepareTraining, sampleEncoded } from '../electron/synthesizer/index.js';
import { defaultTrainConfig, type GroupSpec } from '../shared/domain/model.js';
import { createRng, type Rng } from '../electron/base/random.js';

const { values } = parseArgs({
  options: { rows: { type: 'string' }, epochs: { type: 'string' }, full: { type: 'boolean' } },
});
const ROWS = Number(values.rows ?? 1_000_000);
const EPOCHS = Number(values.epochs ?? 2);

interface Timing {
  seconds: number;
  /** this process's CPU time: less sensitive than the clock to other processes on the machine */
  cpu: number;
}

const rate = (rows: number, t: Timing): string =>
  `${Math.round(rows / t.seconds)
    .toLocaleString('en-US')
    .padStart(10)} rows/s (${t.seconds.toFixed(2)} s; CPU ${t.cpu.toFixed(2)} s)`;

function start(): () => Timing {
  const clock = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - clock) / 1000, cpu: (used.user + used.system) / 1e6 };
  };
}

function timed<T>(fn: () => T): Timing & { value: T } {
  const stop = start();
  const value = fn();
  return { value, ...stop() };
}

async function sampleData(): Promise<void> {
  const dataset = await importCsv(fileURLToPath(new URL('../resources/sample-orders.csv', import.meta.url)));
  const subset = applySubset(dataset, {
    segments: null,
    sample: null,
    seed: 1,
    split: { train: 0.8, valid: 0.1, test: 0.1 },
  });
  const set = prepareTraining(subset);
  const base = defaultTrainConfig(set.train.bits, set.train.rows);
  const epochs = values.full ? base.topEpochs : EPOCHS;
  const config = { ...base, layers: base.layers.map((l) => ({ ...l, epochs })), topEpochs: epochs };
  const { bundle } = await fitModel(set, config, 'bench');
  const sizes = bundle.model.sizes;
  console.log(
    `sample data: ${set.train.bits} bits, layers ${sizes.join('-')}, top prior ${config.topPrior}` +
      ` (${config.topHidden} hidden), fitted with ${epochs} epochs per layer`,
  );
  const sampled = timed(() => sampleEncoded(bundle, ROWS, 1));
  const decoded = timed(() => decodeSample(bundle.manifest.dataEncoding, sampled.value, 1));
  sampled.value.data = new Uint8Array(0);
  const dir = await mkdtemp(join(tmpdir(), 'lw-bench-sample-'));
  try {
    const stop = start();
    const csv = toCsv(decoded.value);
    await writeFile(join(dir, 'rows.csv'), csv);
    const written = stop();
    const total = {
      seconds: sampled.seconds + decoded.seconds + written.seconds,
      cpu: sampled.cpu + decoded.cpu + written.cpu,
    };
    console.log(`  sampling (engine)   ${rate(ROWS, sampled)}`);
    console.log(`  decoding            ${rate(ROWS, decoded)}`);
    console.log(`  CSV (toCsv + write) ${rate(ROWS, written)}, ${(csv.length / 1e6).toFixed(0)} MB`);
    console.log(`  total               ${rate(ROWS, total)} (target: ${ROWS.toLocaleString('en-US')} rows in 20 s)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function normals(n: number, scale: number, rng: Rng): Float32Array {
  return Float32Array.from({ length: n }, () => rng.normal() * scale);
}

/** A random 100-64-16 model (100 Bernoulli visible bits) under a top RBM of k_L visible units. */
function randomModel(topUnits: number, topHidden: number, rng: Rng): DeepModelParams {
  const sizes = [64, topUnits];
  const bits = (n: number): GroupSpec[] => Array.from({ length: n }, () => ({ kind: 'bernoulli' as const }));
  const below = [100, 64];
  const generative = sizes.map((k, l) => ({
    weights: matrix(k, below[l], normals(k * below[l], 0.5, rng)),
    bias: normals(below[l], 0.5, rng),
    groups: bits(below[l]),
  }));
  const top: TopPriorParams = {
    kind: 'rbm',
    weights: matrix(topUnits, topHidden, normals(topUnits * topHidden, 0.5, rng)),
    visibleBias: normals(topUnits, 0.5, rng),
    hiddenBias: normals(topHidden, 0.5, rng),
  };
  return { visible: bits(100), sizes, methods: ['aeries', 'aeries'], generative, inference: [], top };
}

const backend = await initBackend();
console.log(
  `backend ${backend}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cpus().length} cores (other processes slow the figures down)`,
);
await sampleData();
const rng = createRng(5);
for (const [k, m] of [
  [16, 16],
  [32, 32],
]) {
  const model = randomModel(k, m, rng);
  const n = k <= 20 ? ROWS : Math.min(ROWS, 200_000);
  const run = timed(() => sampleVisible(model, n, 2));
  const how = k <= 20 ? 'exact prior' : 'block Gibbs prior';
  console.log(`random 100-64-${k}, top RBM ${k}x${m} (${how}): sampling ${rate(n, run)} (reference ~25,000 rows/s)`);
}
