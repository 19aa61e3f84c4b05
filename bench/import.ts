/**
 * Import benchmark (run by hand): writes a CSV of about 1 GB with 8 mixed columns to a temp
 * folder, then measures the full import — parse, type inference, profile, subset draw — in
 * MB/s and peak resident memory, then the passes over the whole file that a segment subset of
 * a file larger than memory takes (segment table, stratified draw), and encoding/decoding
 * speed in rows per second.
 *   node --import tsx bench/import.ts [--mb 1000] [--keep] [--quoted]
 * (--quoted: every field in quotes, as some business systems export)
 * Targets on the reference machine: >= 50 MB/s, peak RSS < 600 MB whatever the size,
 * encode and decode >= 200,000 rows/s.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  applySubset,
  buildEncoding,
  countSegmentsInFile,
  coverageKeep,
  decodeRows,
  drawSubsetFromFile,
  encodeRows,
  fileSegmentTable,
  importCsv,
} from '../electron/data/index.js';
import { createRng } from '../electron/base/random.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string' },
    keep: { type: 'boolean' },
    measure: { type: 'string' },
    rows: { type: 'string' },
    quoted: { type: 'boolean' },
  },
});
/** Every field in quotes, as some business systems export. */
const q = values.quoted
  ? (cells: (string | number)[]) => cells.map((c) => `"${c}"`).join(',')
  : (cells: (string | number)[]) => cells.join(',');
const targetBytes = Number(values.mb ?? 1000) * 1e6;

async function writeCsv(path: string): Promise<number> {
  const out = createWriteStream(path);
  const rng = createRng(42);
  const regions = ['Kanto', 'Kansai', 'Chubu', 'Kyushu', 'Tohoku', 'Hokkaido'];
  const products = ['Grocery', 'Household', 'Apparel', 'Electronics', 'Beauty', 'Toys', 'Books'];
  out.write(`${q(['order_id', 'order_date', 'region', 'product', 'quantity', 'amount', 'member', 'rating'])}\n`);
  let bytes = 0;
  let i = 0;
  while (bytes < targetBytes) {
    const lines: string[] = [];
    for (let j = 0; j < 10000; j++, i++) {
      const d = new Date(Date.UTC(2023, 0, 1) + Math.floor(rng.next() * 700) * 86_400_000).toISOString().slice(0, 10);
      lines.push(
        q([
          `ORD-${String(i).padStart(9, '0')}`,
          d,
          regions[rng.int(6)],
          products[rng.int(7)],
          1 + rng.int(9),
          (rng.next() * 500).toFixed(2),
          rng.next() < 0.4 ? 'yes' : 'no',
          rng.next() < 0.05 ? '' : 1 + rng.int(5),
        ]),
      );
    }
    const chunk = lines.join('\n') + '\n';
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return i;
}

if (!values.measure) {
  // Write the file here, measure the import in a fresh process so its peak memory is its own.
  const dir = await mkdtemp(join(tmpdir(), 'lw-bench-import-'));
  const file = join(dir, 'orders.csv');
  process.stderr.write(`writing ~${Math.round(targetBytes / 1e6)} MB to ${file}…\n`);
  const written = await writeCsv(file);
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--measure',
      file,
      '--rows',
      String(written),
      ...(values.quoted ? ['--quoted'] : []),
    ],
    { stdio: 'inherit' },
  );
  if (!values.keep) await rm(dir, { recursive: true, force: true });
  process.exit(child.status ?? 1);
}

const path = values.measure;
const written = Number(values.rows ?? 0);
const size = (await stat(path)).size;
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const ds = await importCsv(path);
const tImport = performance.now();
const subset = applySubset(ds, {
  segments: null,
  sample: { rows: Math.min(100_000, ds.info.rows), stratified: false },
  seed: 1,
  split: { train: 0.8, valid: 0.1, test: 0.1 },
});
const tSubset = performance.now();
const cSubset = cpu();
const seconds = (tSubset - t0) / 1000;

// The seed's first step on a file larger than memory: the segment table over the whole file
// (one pass), then the most frequent segments covering 80 %, drawn stratified from the whole
// file (a second pass).
const region = ds.info.columns.findIndex((c) => c.name === 'region');
const product = ds.info.columns.findIndex((c) => c.name === 'product');
const s0 = performance.now();
const cs0 = cpu();
const counts = await countSegmentsInFile(ds, [region, product]);
const s1 = performance.now();
const cs1 = cpu();
const keep = coverageKeep(fileSegmentTable(counts), 0.8);
const drawn = ds.info.sampledOnImport
  ? await drawSubsetFromFile(
      ds,
      {
        segments: { columns: [region, product], keep },
        sample: { rows: 100_000, stratified: true },
        seed: 1,
        split: { train: 0.8, valid: 0.1, test: 0.1 },
      },
      { counts },
    )
  : null;
const s2 = performance.now();
const cs2 = cpu();

const spec = buildEncoding(ds, subset.train);
const rows = subset.train;
const ce0 = cpu();
const e0 = performance.now();
const encoded = encodeRows(spec, ds, rows);
const e1 = performance.now();
const ce1 = cpu();
const decoded = decodeRows(spec, encoded, 1);
const e2 = performance.now();
const ce2 = cpu();
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

const mb = size / 1e6;
console.log(
  `file:            ${mb.toFixed(0)} MB, ${written.toLocaleString('en')} rows, 8 columns${values.quoted ? ', every field quoted' : ''}`,
);
console.log(
  `rows kept:       ${ds.info.rows.toLocaleString('en')}${ds.info.sampledOnImport ? ' (reservoir sample within the memory budget)' : ''}`,
);
console.log(`import:          ${((tImport - t0) / 1000).toFixed(1)} s (parse, type inference, profile)`);
console.log(`subset draw:     ${((tSubset - tImport) / 1000).toFixed(2)} s`);
console.log(
  `throughput:      ${(mb / seconds).toFixed(1)} MB/s wall, ${(mb / ((cSubset - c0) / 1000)).toFixed(1)} MB per CPU-second   (target >= 50)`,
);
console.log(
  `segment table:   ${((s1 - s0) / 1000).toFixed(1)} s over the whole file (${counts.counts.size} segments of region × product): ${(mb / ((s1 - s0) / 1000)).toFixed(1)} MB/s wall, ${(mb / ((cs1 - cs0) / 1000)).toFixed(1)} MB per CPU-second`,
);
if (drawn) {
  console.log(
    `stratified draw: ${((s2 - s1) / 1000).toFixed(1)} s, ${drawn.info.rows.toLocaleString('en')} of ${drawn.info.fromFile?.matchingRows.toLocaleString('en')} rows in ${keep.length} segments (80 % coverage): ${(mb / ((s2 - s1) / 1000)).toFixed(1)} MB/s wall, ${(mb / ((cs2 - cs1) / 1000)).toFixed(1)} MB per CPU-second`,
  );
  const all = (s2 - s0 + (tImport - t0)) / 1000;
  console.log(
    `segment path:    import + segment table + stratified draw read the file 3 times: ${all.toFixed(1)} s, ${(mb / all).toFixed(1)} MB/s of file end to end`,
  );
}
console.log(`peak RSS:        ${(peak / 1e6).toFixed(0)} MB   (target < 600)`);
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');
console.log(
  `encode:          ${perSecond(rows.length, e1 - e0)} rows/s wall, ${perSecond(rows.length, ce1 - ce0)} per CPU-second (${rows.length} rows, ${encoded.bits} bits)   (target >= 200,000)`,
);
console.log(
  `decode:          ${perSecond(decoded.rows.length, e2 - e1)} rows/s wall, ${perSecond(decoded.rows.length, ce2 - ce1)} per CPU-second   (target >= 200,000)`,
);
console.log(
  `load average:    ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores (wall figures suffer when the machine is shared)`,
);
