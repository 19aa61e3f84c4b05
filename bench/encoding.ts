/**
 * Encoding benchmark (issue 12, run by hand): trains the default model on public tables
 * (vega-datasets' penguins and cars, 80/10/10 split, seed 1) with the version-1 encoding
 * (12 quantile bins, uniform inside), with the current default (quantile codes: a softmax coarse
 * bin and fine bits) and with quantile codes whose coarse bin is thermometer bits, generates as
 * many rows as the training split, and prints per table the visible bits, the first layer's
 * seconds per epoch, and for each pair of numeric columns correlated at |r| ≥ 0.5 in the
 * training rows its correlation in the generated rows; then the share of generated values
 * beyond each column's real 99th percentile or outside its range, missing rates, and the total
 * variation distance between the real and generated shares of the real deciles (the column's shape).
 * With `--timing`: only the first layer's training speed, each encoding in turn, 3 rounds
 * interleaved (the machine is shared), once with each encoding's default first layer and once
 * with one fixed size, printing the median seconds per epoch beside the bits.
 *   node --import tsx bench/encoding.ts [seed] [--timing]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applySubset,
  buildEncoding,
  encodeRows,
  encodingBits,
  importCsv,
  toCsv,
  type Dataset,
  type EncodingSpec,
} from '../electron/data/index.js';
import { initBackend } from '../electron/engine/index.js';
import { fitModel, prepareTraining, sampleRows, type TrainingSet } from '../electron/synthesizer/index.js';
import { defaultTrainConfig } from '../shared/domain/model.js';

const timing = process.argv.includes('--timing');
const seed = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 1);
const TABLES = ['penguins', 'cars'];
const dir = mkdtempSync(join(tmpdir(), 'lw-bench-enc-'));

/** A vega-datasets JSON table as a CSV file (null = empty cell). */
function jsonTable(name: string): string {
  const rows = JSON.parse(readFileSync(`node_modules/vega-datasets/data/${name}.json`, 'utf8')) as Record<
    string,
    unknown
  >[];
  const header = Object.keys(rows[0]);
  const cells = rows.map((r) => header.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h]))));
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, toCsv({ header, rows: cells }, { bom: false, formulaGuard: false }));
  return path;
}

/** The version-1 encoding of the same columns: quantile bins at the code's coarse edges, uniform inside. */
function versionOne(spec: EncodingSpec): EncodingSpec {
  const columns = spec.columns.map((c) => {
    if (c.kind !== 'quantiles') return c;
    const k = c.knots.length - 1;
    const edges = [...new Set(Array.from({ length: c.bins + 1 }, (_, b) => c.knots[Math.round((b * k) / c.bins)]))];
    if (edges.length < 2) edges.push(edges[0]);
    const { kind: _k, bins: _b, fineBits: _f, knots: _n, step: _s, ...rest } = c;
    return { ...rest, kind: 'bins' as const, edges };
  });
  return { ...spec, version: 1, columns };
}

function withEncoding(
  set: TrainingSet,
  ds: Dataset,
  rows: { train: Int32Array; valid: Int32Array; test: Int32Array },
  spec: EncodingSpec,
): TrainingSet {
  const part = (r: Int32Array) => (r.length > 0 ? encodeRows(spec, ds, r) : null);
  return {
    ...set,
    encoding: spec,
    train: encodeRows(spec, ds, rows.train),
    valid: part(rows.valid),
    test: part(rows.test),
    outside: null,
  };
}

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let [ab, aa, bb] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

/** Values of a column in rows of strings (NaN = missing or not a number). */
const column = (rows: string[][], j: number) => rows.map((r) => (r[j].trim() === '' ? NaN : Number(r[j])));

function pairs(a: number[], b: number[]): [number[], number[]] {
  const x: number[] = [];
  const y: number[] = [];
  a.forEach((v, i) => {
    if (!Number.isNaN(v) && !Number.isNaN(b[i])) [x[x.length], y[y.length]] = [v, b[i]];
  });
  return [x, y];
}

const f = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '—');
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** Median seconds per epoch of a first layer of `units` (or the default size) on each set, interleaved rounds. */
async function layerSpeed(sets: [string, TrainingSet][], units: number | null): Promise<void> {
  const times = new Map<string, number[]>(sets.map(([l]) => [l, []]));
  for (let round = 0; round < 3; round++)
    for (const [label, set] of sets) {
      const base = defaultTrainConfig(set.train.bits, set.train.rows);
      const layer = { ...base.layers[0], units: units ?? base.layers[0].units, epochs: 6 };
      const config = { ...base, seed, patience: 0, topPrior: 'bernoulli' as const, topEpochs: 1, layers: [layer] };
      const rates: number[] = [];
      await fitModel(set, config, 'bench', { onProgress: (p) => p.stage === 'layer' && rates.push(p.rowsPerSecond) });
      const rate = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)];
      times.get(label)!.push(set.train.rows / rate);
    }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[1];
  const [first] = sets;
  const ref = median(times.get(first[0])!);
  for (const [label, set] of sets) {
    const t = median(times.get(label)!);
    const bits = encodingBits(set.encoding);
    const size = units ?? defaultTrainConfig(set.train.bits, set.train.rows).layers[0].units;
    console.log(
      `    ${label}: ${bits} bits (×${f(bits / encodingBits(first[1].encoding))}), layer 1 of ${size}: ${f(t, 4)} s/epoch (×${f(t / ref)})`,
    );
  }
}

console.log(`backend ${await initBackend()}, ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}, seed ${seed}`);
for (const name of TABLES) {
  const ds = await importCsv(jsonTable(name));
  const subset = applySubset(ds, { segments: null, sample: null, seed, split: { train: 0.8, valid: 0.1, test: 0.1 } });
  const after = prepareTraining(subset);
  const before = withEncoding(after, ds, subset, versionOne(after.encoding));
  const thermometer = withEncoding(after, ds, subset, buildEncoding(ds, subset.train, { coarse: 'thermometer' }));
  if (timing) {
    const sets: [string, TrainingSet][] = [
      ['v1 bins', before],
      ['v2 codes', after],
      ['v2 thermometer', thermometer],
    ];
    console.log(`\n${name}: ${subset.train.length} training rows, first layer only, median of 3 rounds`);
    await layerSpeed(sets, null);
    await layerSpeed(sets, 32);
    continue;
  }
  const realRows = subset.train;
  const real = (j: number) =>
    Array.from(realRows, (r) => (ds.typed[j].kind === 'number' ? ds.typed[j].values[r] : NaN));
  const numeric = ds.info.columns
    .filter((c) => c.include && (c.type === 'numeric' || c.type === 'integer'))
    .map((c) => c.index);
  const strong: [number, number, number][] = [];
  for (let i = 0; i < numeric.length; i++)
    for (let j = i + 1; j < numeric.length; j++) {
      const r = pearson(...pairs(real(numeric[i]), real(numeric[j])));
      if (Math.abs(r) >= 0.5) strong.push([numeric[i], numeric[j], r]);
    }
  const results = [];
  for (const [label, set] of [
    ['v1 bins', before],
    ['v2 codes', after],
    ['v2 thermometer', thermometer],
  ] as const) {
    const config = { ...defaultTrainConfig(set.train.bits, set.train.rows), seed };
    const { bundle, summary } = await fitModel(set, config, 'bench');
    const generated = sampleRows(bundle, realRows.length, seed + 7).rows;
    const l1 = summary.layers[0];
    results.push({
      label,
      set,
      config,
      generated,
      perEpoch: l1.seconds / Math.max(1, l1.epochs),
      fit: summary.seconds,
    });
  }
  console.log(`\n${name}: ${ds.info.rows} rows, ${realRows.length} training`);
  for (const r of results)
    console.log(
      `  ${r.label}: ${encodingBits(r.set.encoding)} bits, layers ${r.config.layers.map((l) => l.units).join('-')}, layer 1 ${f(r.perEpoch, 3)} s/epoch (${f((1000 * r.perEpoch) / encodingBits(r.set.encoding), 2)} ms per bit), fit ${f(r.fit, 1)} s`,
    );
  console.log(`  strong pairs (|r| ≥ 0.5 in the training rows): real / ${results.map((r) => r.label).join(' / ')}`);
  for (const [i, j, r] of strong) {
    const gen = results.map((res) => f(pearson(...pairs(column(res.generated, i), column(res.generated, j)))));
    console.log(`    ${ds.info.columns[i].name} ~ ${ds.info.columns[j].name}: ${f(r)} / ${gen.join(' / ')}`);
  }
  console.log(`  per numeric column: beyond real p99 (target 1%), outside real range, missing, decile TV`);
  for (const j of numeric) {
    const vals = real(j)
      .filter((v) => !Number.isNaN(v))
      .sort((a, b) => a - b);
    const p99 = vals[Math.floor(0.99 * (vals.length - 1))];
    const missingReal = 1 - vals.length / realRows.length;
    const parts = results.map((res) => {
      const g = column(res.generated, j);
      const present = g.filter((v) => !Number.isNaN(v));
      const beyond = present.filter((v) => v > p99).length / present.length;
      const outside = present.filter((v) => v < vals[0] || v > vals[vals.length - 1]).length / present.length;
      const deciles = Array.from({ length: 9 }, (_, d) => vals[Math.floor(((d + 1) / 10) * (vals.length - 1))]);
      const share = (v: number[]) => {
        const h = new Array<number>(10).fill(0);
        for (const x of v) h[deciles.filter((q) => x > q).length] += 1 / v.length;
        return h;
      };
      const [hr, hg] = [share(vals), share(present)];
      const tv = hr.reduce((t, x, d) => t + Math.abs(x - hg[d]), 0) / 2;
      return `${pct(beyond)} ${pct(outside)} ${pct(1 - present.length / g.length)} ${f(tv)}`;
    });
    console.log(`    ${ds.info.columns[j].name} (missing ${pct(missingReal)}): ${parts.join('  |  ')}`);
  }
}
rmSync(dir, { recursive: true, force: true });
