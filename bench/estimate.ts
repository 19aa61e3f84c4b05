/**
 * Time estimate benchmark (run by hand): for a few configurations on the sample data, the
 * estimate shown before a run (the machine's speed measured as `train.estimate` does, then
 * `shared/domain/train-cost.ts`) beside the measured run, split into training and evaluation,
 * with the time left the engine reported after each stage's second epoch.
 *   node --import tsx bench/estimate.ts [A,B,...] [epochs]
 */
import { cpus, loadavg } from 'node:os';
import { applySubset, importCsv } from '../electron/data/index.js';
import { initBackend, measureSpeed, train } from '../electron/engine/index.js';
import { prepareTraining } from '../electron/synthesizer/index.js';
import { defaultTrainConfig, type Method, type TrainConfig } from '../shared/domain/model.js';
import { estimateSeconds, evaluationOps, EVAL_OP_COST, type CostShape } from '../shared/domain/train-cost.js';

const which = (process.argv[2] ?? 'A,B,C,D,E').split(',');
const epochs = Number(process.argv[3] ?? 5);

await initBackend();
const dataset = await importCsv('resources/sample-orders.csv');
const subset = applySubset(dataset, {
  segments: null,
  sample: null,
  seed: 1,
  split: { train: 0.8, valid: 0.1, test: 0.1 },
});
const set = prepareTraining(subset);
const { bits, rows } = set.train;
const shape: CostShape = {
  bits,
  groups: set.train.groups.length,
  trainRows: rows,
  validRows: set.valid?.rows ?? 0,
  testRows: set.test?.rows ?? 0,
  outsideRows: 0,
};

function config(units: number[], methods: Method[], topPrior: TrainConfig['topPrior']): TrainConfig {
  const base = defaultTrainConfig(bits, rows);
  return {
    ...base,
    topPrior,
    topEpochs: epochs,
    patience: 0,
    layers: units.map((u, i) => ({
      ...base.layers[0],
      units: u,
      method: methods[i],
      epochs,
      learningRate: methods[i] === 'rbm' ? 0.05 : 0.01,
    })),
  };
}

const configs: Record<string, TrainConfig> = {
  A: config([46, 16], ['aeries', 'aeries'], 'rbm'),
  B: config([12, 8], ['aeries', 'aeries'], 'table'),
  C: config([64, 32], ['rbm', 'rbm'], 'rbm'),
  D: config([10], ['blm-exact'], 'table'),
  E: config([46, 16], ['ae', 'ae'], 'bernoulli'),
  F: config([64], ['aeries'], 'rbm'),
};

console.log(`sample data: ${rows} training rows of ${bits} bits; ${epochs} epochs per stage`);
console.log(`machine: ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`);
for (const name of which) {
  const c = configs[name];
  if (!c) continue;
  const speed = await measureSpeed(set.train, c.layers[0]);
  const estimate = estimateSeconds(c, shape, speed);
  const evalEstimate = (evaluationOps(c, shape) * EVAL_OP_COST) / speed.opsPerSecond;
  let trainingSeconds = 0;
  let last = performance.now();
  const etas: string[] = [];
  const { summary } = await train(set.train, c, {
    validation: set.valid ?? undefined,
    test: set.test ?? undefined,
    onProgress: (p) => {
      const now = performance.now();
      trainingSeconds += (now - last) / 1000;
      last = now;
      if (p.epoch === 2) etas.push(`${p.stage}${p.layer + 1}: ${p.etaSeconds.toFixed(1)} s`);
    },
    onLayer: () => (last = performance.now()),
  });
  const layers = c.layers.map((l) => `${l.units} ${l.method}`).join(' → ');
  console.log(
    `${name}  ${layers}, top ${c.topPrior}: estimate ${estimate.toFixed(1)} s (evaluations ${evalEstimate.toFixed(1)} s), ` +
      `measured ${summary.seconds.toFixed(1)} s (epochs ${trainingSeconds.toFixed(1)} s); ` +
      `layer 1 at ${Math.round(speed.layer0RowsPerSecond)} rows/s, ${(speed.opsPerSecond / 1e6).toFixed(0)} M float64 ops/s; ` +
      `load ${loadavg()[0].toFixed(1)}`,
  );
  console.log(`   time left after epoch 2: ${etas.join(', ')}`);
}
