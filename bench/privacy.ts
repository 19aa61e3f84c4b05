/**
 * Privacy evidence benchmark (issue 11): the time of `privacyEvidence` (closest and second
 * closest training records by brute force, for N generated rows and the held-out rows, and the
 * closer-to-training share) and of dropping rows too close (`tooCloseFilter`) on the sample
 * data. The "generated" rows are drawn column by column from the training rows (what a model
 * that learnt only the marginals writes): speed depends on sizes, not on the model.
 *   node --import tsx bench/privacy.ts [--rows 5000] [--train 6400] [--filter-rows 100000]
 * --train repeats the training rows beyond the file to reach that many (20,000: the limit).
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { applySubset, buildEncoding, datasetRows, importCsv } from '../electron/data/index.js';
import { privacyEvidence, tooCloseFilter } from '../electron/evidence/index.js';
import { createRng } from '../electron/base/random.js';
import type { RowTable } from '../shared/domain/data.js';

const { values } = parseArgs({
  options: { rows: { type: 'string' }, train: { type: 'string' }, 'filter-rows': { type: 'string' } },
});
const rows = Number(values.rows ?? 5000);
const filterRows = Number(values['filter-rows'] ?? 100_000);

const csv = fileURLToPath(new URL('../resources/sample-orders.csv', import.meta.url));
const dataset = await importCsv(csv);
const subset = applySubset(dataset, {
  segments: null,
  sample: null,
  seed: 1,
  split: { train: 0.8, valid: 0.1, test: 0.1 },
});
const encoding = buildEncoding(dataset, subset.train);
const pick = (idx: Int32Array): RowTable => {
  const header = datasetRows(dataset, 0, 1).header;
  return { header, rows: Array.from(idx, (r) => datasetRows(dataset, r, 1).rows[0]) };
};
const baseTrain = pick(subset.train);
const wanted = Number(values.train ?? baseTrain.rows.length);
const training = {
  header: baseTrain.header,
  rows: Array.from({ length: wanted }, (_, i) => baseTrain.rows[i % baseTrain.rows.length]),
};
const holdout = pick(subset.test);
const rng = createRng(7);
const marginal = (n: number): RowTable => ({
  header: training.header,
  rows: Array.from({ length: n }, () => training.header.map((_, j) => training.rows[rng.int(training.rows.length)][j])),
});

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()[0].toFixed(2)}`);
const generated = marginal(rows);
let t = performance.now();
const e = await privacyEvidence({
  encoding,
  generated,
  training,
  holdout,
  realCells: (name) => dataset.cells[dataset.info.columns.findIndex((c) => c.name === name)] ?? [],
  fileMissingTokens: dataset.info.options.missingTokens,
  seed: 1,
});
const s = (performance.now() - t) / 1000;
const h = holdout.rows.length;
const pairs = rows * training.rows.length + h * training.rows.length + rows * 2 * h;
console.log(
  `evidence: ${rows} generated × ${training.rows.length} training rows (+ ${holdout.rows.length} held-out), ` +
    `${e.columns.length} columns: ${s.toFixed(2)} s, ${(pairs / s / 1e6).toFixed(1)} M row pairs/s (verdict ${e.verdict.level}, closer share ${e.closerToTraining?.share.toFixed(3)})`,
);
const many = marginal(filterRows);
t = performance.now();
const filter = tooCloseFilter(
  encoding,
  training.header,
  training,
  dataset.info.options.missingTokens,
  e.filter.threshold,
);
for (let i = 0; i < many.rows.length; i += 2000) filter.keep(many.rows.slice(i, i + 2000));
const f = (performance.now() - t) / 1000;
console.log(
  `drop too close (≤ ${e.filter.threshold.toFixed(4)}): ${filterRows} rows in ${f.toFixed(2)} s ` +
    `(${Math.round(filterRows / f)} rows/s), ${filter.dropped} dropped`,
);
