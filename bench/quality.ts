/**
 * Quality evidence benchmark: seconds `qualityEvidence` takes (what the Samples step's quality
 * check spends after sampling) on the sample orders (training rows against 800 generated-like
 * rows: the held-out rows shuffled column by column stand in for them), and on a wide seeded
 * table (`cols` columns, half numbers, half categories of 30 levels; 20,000 training rows, 5,000
 * held-out and 5,000 "generated" rows: the sizes' caps). Run: `node --import tsx bench/quality.ts [cols]`.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { RowTable } from '../shared/domain/data.js';
import { createRng } from '../electron/base/random.js';
import { qualityEvidence, type EvidenceColumn } from '../electron/evidence/index.js';

const cols = Number(process.argv[2] ?? 30);

function wide(rows: number, seed: number): RowTable {
  const rng = createRng(seed);
  const header = Array.from({ length: cols }, (_, j) => `c${j}`);
  return {
    header,
    rows: Array.from({ length: rows }, () => {
      const z = rng.normal();
      return header.map((_, j) =>
        j % 2 === 0
          ? (z * (j + 1) + rng.normal()).toFixed(3)
          : `L${Math.min(29, Math.floor(Math.abs(z + rng.normal()) * 8))}`,
      );
    }),
  };
}

async function time(label: string, run: () => Promise<{ seconds: number; overall: { model: number | null } }>) {
  const q = await run();
  console.log(`${label}: ${q.seconds.toFixed(2)} s (overall ${((q.overall.model ?? 0) * 100).toFixed(1)} %)`);
}

function sampleOrders() {
  const [head, ...lines] = readFileSync('resources/sample-orders.csv', 'utf8').trim().split('\n');
  const header = head.split(',');
  const rows = lines.map((l) => l.split(','));
  const keep = header.map((h, j) => j).filter((j) => header[j] !== 'order_id');
  const pick = (r: string[][]) => ({ header: keep.map((j) => header[j]), rows: r.map((x) => keep.map((j) => x[j])) });
  const types: Record<string, EvidenceColumn['type']> = {
    order_date: 'date',
    member: 'categorical',
    returned: 'categorical',
  };
  const numeric = ['quantity', 'unit_price', 'discount', 'revenue', 'customer_age', 'delivery_days'];
  const columns: EvidenceColumn[] = keep.map((j) => ({
    name: header[j],
    type: types[header[j]] ?? (numeric.includes(header[j]) ? 'numeric' : 'categorical'),
    format: header[j] === 'order_date' ? { date: { pattern: 'YYYY-MM-DD' } } : {},
  }));
  return {
    columns,
    train: pick(rows.slice(0, 6400)),
    holdout: pick(rows.slice(6400, 7200)),
    synthetic: pick(rows.slice(7200)),
  };
}

console.log(`cpus ${cpus().length}, load ${loadavg()[0].toFixed(2)}`);
const orders = sampleOrders();
await time('sample orders (13 columns, 6,400 training rows, 800 compared)', () =>
  qualityEvidence({ ...orders, missing: [''], holdoutKind: 'test', seed: 1 }),
);
const columns: EvidenceColumn[] = Array.from({ length: cols }, (_, j) => ({
  name: `c${j}`,
  type: j % 2 === 0 ? 'numeric' : 'categorical',
  format: {},
}));
await time(`wide (${cols} columns, 20,000 training rows, 5,000 compared)`, () =>
  qualityEvidence({
    columns,
    missing: [''],
    train: wide(20_000, 1),
    holdout: wide(5_000, 2),
    synthetic: wide(5_000, 3),
    holdoutKind: 'test',
    seed: 1,
  }),
);
