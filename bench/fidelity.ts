/**
 * Fidelity benchmark (issue 12, run by hand: `npm run bench:fidelity`): on five public tables,
 * a seeded 80/20 split, a model trained with the app's defaults on the training rows (the
 * configuration `train.defaults` gives: sizes and epochs from the rows, the bits and the
 * engine's measured speed, within the time budget), as many rows generated as there are
 * training rows, and per table the figures of `bench/fidelity/columns.ts`; the tails are
 * measured on a larger draw of the same model and seed stream (`TAIL_ROWS`, the rows after
 * those), where a share's sampling error is small. Then one line per target of the issue
 * (`bench/fidelity/targets.ts`). The closer-to-training share is given with the app's distance
 * and with the Euclidean one of SDMetrics-style scorers (`bench/fidelity/euclid-closer.ts`),
 * which weighs numbers and categories differently. The train, holdout, synthetic and tail CSVs
 * stay in the output folder for a check by hand with other tools.
 *   node --import tsx bench/fidelity.ts [--out DIR] [--tables a,b] [--seed N]
 *     [--layers 64,16 --epochs 40 --patience 5]   (override the defaults, to compare)
 *     [--reference-speed]   (choose with the reference speed instead of measuring: the same
 *                            configuration whatever the load; compare the estimate with fit cpu s)
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applyColumnOverrides, applySubset, importCsv, toCsv, type Dataset } from '../electron/data/index.js';
import { initBackend, measureSpeed } from '../electron/engine/index.js';
import { fitModel, prepareTraining, streamRows, type TrainingSet } from '../electron/synthesizer/index.js';
import type { TrainConfig } from '../shared/domain/model.js';
import {
  chooseDefaults,
  machineSpeed,
  REFERENCE_SPEED,
  runShape,
  speedOf,
  type EngineSpeed,
} from '../shared/domain/train-defaults.js';
import { estimateSeconds, type CostShape } from '../shared/domain/train-cost.js';
import { COLUMNS, TAIL_ROWS, type BenchRun } from './fidelity/columns.js';
import { euclideanCloserShare } from './fidelity/euclid-closer.js';
import { judged, largeDrawCloserShare, runEvidence } from './fidelity/evidence.js';
import { prepareTable, TABLES, type PreparedTable } from './fidelity/tables.js';
import { printTargets } from './fidelity/targets.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    tables: { type: 'string' },
    seed: { type: 'string' },
    layers: { type: 'string' },
    epochs: { type: 'string' },
    patience: { type: 'string' },
    'reference-speed': { type: 'boolean' },
  },
});
const SEED = Number(values.seed ?? 12);

/** The training set's shape as the cost model sees it (no test rows: the holdout stays out of the run). */
function shapeOf(set: TrainingSet, config: { validationFraction: number }): CostShape {
  const { bits, rows, groups } = set.train;
  const counts = { bits, groups: groups.length, train: rows, valid: set.valid?.rows ?? 0, test: 0, outside: 0 };
  return runShape(counts, config.validationFraction);
}

/** The defaults as the app chooses them, with the command line's overrides (to compare by hand). */
async function configFor(set: TrainingSet): Promise<{ config: TrainConfig; seconds: number; speed: EngineSpeed }> {
  const probe = chooseDefaults(shapeOf(set, { validationFraction: 0.1 })).config;
  const shape = shapeOf(set, probe);
  const speed = values['reference-speed']
    ? REFERENCE_SPEED
    : speedOf(probe, set.train.bits, await measureSpeed(set.train, probe.layers[0]));
  let { config } = chooseDefaults(shape, speed);
  if (values.layers || values.epochs || values.patience) {
    const sizes = values.layers ? values.layers.split(',').map(Number) : config.layers.map((l) => l.units);
    const epochs = values.epochs ? Number(values.epochs) : config.layers[0].epochs;
    const layers = sizes.map((units) => ({ ...config.layers[0], units, epochs }));
    const patience = values.patience ? Number(values.patience) : config.patience;
    config = { ...config, layers, topEpochs: epochs, patience };
  }
  return { config, seconds: estimateSeconds(config, shape, machineSpeed(config, set.train.bits, speed)), speed };
}

/** The generated rows read back as a user would open them, each column given the training file's type. */
async function importLike(path: string, like: Dataset): Promise<Dataset> {
  const ds = await importCsv(path);
  const overrides = ds.info.columns.flatMap((c, index) => {
    const real = like.info.columns.find((r) => r.name === c.name);
    return real && real.type !== c.type ? [{ index, type: real.type }] : [];
  });
  return overrides.length > 0 ? applyColumnOverrides(ds, overrides) : ds;
}

async function run(prepared: PreparedTable): Promise<BenchRun> {
  const subset = applySubset(prepared.train, {
    segments: null,
    sample: null,
    seed: SEED,
    split: { train: 1, valid: 0, test: 0 },
  });
  const set = prepareTraining(subset);
  const { config, seconds, speed } = await configFor(set);
  console.log(
    `${prepared.table.name}: engine at ${(speed.workPerSecond / 1e9).toFixed(2)} G work/s, ` +
      `${(speed.opsPerSecond / 1e6).toFixed(0)} M float64 ops/s`,
  );
  let clock = performance.now();
  const cpu = process.cpuUsage();
  const { bundle, summary } = await fitModel(set, config, 'bench');
  const fitSeconds = (performance.now() - clock) / 1000;
  const used = process.cpuUsage(cpu);
  const fitCpuSeconds = (used.user + used.system) / 1e6;
  clock = performance.now();
  const n = prepared.train.info.rows;
  const rows = streamRows(bundle, n, SEED);
  const sampleSeconds = (performance.now() - clock) / 1000;
  await writeFile(prepared.synthCsv, toCsv(rows, { formulaGuard: false }));
  const synth = await importLike(prepared.synthCsv, prepared.train);
  // The tails' draw: the stream's rows after the first n (the same model and seed, other rows).
  const more = streamRows(bundle, n + TAIL_ROWS(n), SEED);
  await writeFile(prepared.tailCsv, toCsv({ header: more.header, rows: more.rows.slice(n) }, { formulaGuard: false }));
  const tail = await importLike(prepared.tailCsv, prepared.train);
  const holdout = await importLike(prepared.holdoutCsv, prepared.train);
  const evidence = await runEvidence(
    {
      train: prepared.train,
      holdout,
      synth,
      encoding: set.encoding,
      rules: set.rules,
      targets: prepared.table.targets,
    },
    SEED,
  );
  const tailCloser = await largeDrawCloserShare(
    { train: prepared.train, holdout, draw: tail, encoding: set.encoding },
    SEED,
  );
  const names = judged(prepared.train, synth).map((c) => c.name);
  const euclid = (generated: Dataset) =>
    euclideanCloserShare({ train: prepared.train, holdout, generated, names }, SEED);
  return {
    name: prepared.table.name,
    train: prepared.train,
    holdoutRows: prepared.holdoutRows,
    synth,
    tail,
    tailCloser,
    euclidCloser: { synth: euclid(synth), tail: euclid(tail) },
    evidence,
    bits: set.train.bits,
    layers: config.layers.map((l) => l.units),
    epochs: config.layers[0].epochs,
    epochsRun: summary.layers.map((l) => l.epochs),
    estimateSeconds: seconds,
    fitSeconds,
    fitCpuSeconds,
    sampleSeconds,
  };
}

function printTable(runs: BenchRun[]): void {
  const header = ['table', ...COLUMNS.map((c) => c.header)];
  const body = runs.map((r) => [r.name, ...COLUMNS.map((c) => c.cell(r))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const b of body) console.log(line(b));
  for (const r of runs) {
    const details = COLUMNS.flatMap((c) => c.details?.(r) ?? []);
    if (details.length > 0) console.log(`\n${r.name}\n  ${details.join('\n  ')}`);
  }
}

const backend = await initBackend();
// Kept after the run (not an lw-* test folder): the files are for a check by hand.
const out = values.out ?? (await mkdtemp(join(tmpdir(), 'layerwise-fidelity-')));
await mkdir(out, { recursive: true });
console.log(
  `backend ${backend}, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}; seed ${SEED}; files in ${out}`,
);
const wanted = values.tables?.split(',');
const runs: BenchRun[] = [];
for (const table of TABLES.filter((t) => !wanted || wanted.includes(t.name))) {
  const prepared = await prepareTable(table, out, SEED);
  const result = await run(prepared);
  console.log(
    `${table.name}: fitted in ${result.fitSeconds.toFixed(1)} s (estimate ${result.estimateSeconds.toFixed(1)} s)`,
  );
  runs.push(result);
}
console.log('');
printTable(runs);
printTargets(runs);
console.log(
  `\ntrain/holdout/synth/tail CSVs: ${out}/<table>-{train,holdout,synth,tail}.csv (to score by hand with any real-vs-synthetic scorer)`,
);
