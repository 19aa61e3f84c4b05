/**
 * Rules benchmark (run by hand): the rule search on a seeded table of 50,000 rows × 24 columns
 * (15 numbers, 7 categories, 2 dates, with a product with a factor, a constant factor (tax =
 * 10 % of net), a factor with an offset (points = score × 2.5 − 40), a sum, a threshold on a
 * number and one on a date, a near-equality, a function, forbidden pairs, an order and a
 * calendar support), in seconds (median of 3), and the cost of keeping the rules: rows per
 * second repaired by generation on rows whose columns were shuffled independently (so most rules
 * are broken), and the violations left (must be 0).
 *   node --import tsx bench/rules.ts [--rows 50000]
 * Target: the search in a few seconds at most.
 */
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createRng, permutation } from '../electron/base/random.js';
import { datasetRows, detectRules, importCsv, ruleViolations } from '../electron/data/index.js';
import { ruleKeeper } from '../electron/synthesizer/index.js';

const { values } = parseArgs({ options: { rows: { type: 'string' } } });
const rows = Number(values.rows ?? 50_000);

function table(n: number): string {
  const rng = createRng(11);
  const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
  const header = [
    ...['qty', 'price', 'disc', 'net', 'tax', 'gross', 'days', 'age', 'score', 'points', 'weight', 'height', 'bmi'],
    ...['length', 'width'],
    ...['channel', 'payment', 'model', 'maker', 'region', 'flag', 'december'],
    ...['ordered', 'shipped'],
  ];
  const lines = [header.join(',')];
  const makers = ['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D'];
  for (let i = 0; i < n; i++) {
    const online = rng.next() < 0.3;
    const qty = int(1, 12);
    const price = int(100, 99_999) / 100;
    const disc = [0, 5, 10, 20][int(0, 3)];
    const net = Math.round(qty * price * (1 - disc / 100) * 100) / 100;
    const tax = Math.round(net * 10) / 100;
    const model = int(0, 7);
    const ordered = Date.UTC(2024, [10, 11][int(0, 1)], int(1, 28));
    const length = int(380, 900) / 100;
    const score = int(0, 100);
    lines.push(
      [
        qty,
        price.toFixed(2),
        `${disc}%`,
        net.toFixed(2),
        tax.toFixed(2),
        (net + tax).toFixed(2),
        online ? int(1, 7) : 0,
        int(18, 90),
        score,
        Math.round(score * 2.5 - 40),
        int(40, 120),
        int(150, 200),
        (rng.next() * 30 + 15).toFixed(1),
        length.toFixed(2),
        (length + int(-5, 5) / 100).toFixed(2),
        online ? 'Online' : ['Mall', 'Street'][int(0, 1)],
        online ? ['Card', 'Invoice'][int(0, 1)] : ['Card', 'Cash'][int(0, 1)],
        `m${model}`,
        makers[model],
        ['N', 'S', 'E', 'W'][int(0, 3)],
        int(0, 1) ? 'yes' : 'no',
        ordered >= Date.UTC(2024, 11, 1) ? 'yes' : 'no',
        new Date(ordered).toISOString().slice(0, 10),
        new Date(ordered + int(0, 20) * 86_400_000).toISOString().slice(0, 10),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const dir = await mkdtemp(join(tmpdir(), 'lw-bench-rules-'));
try {
  const path = join(dir, 'rules.csv');
  await writeFile(path, table(rows));
  const ds = await importCsv(path, { memoryBudgetBytes: 1024 ** 3 });
  const included = ds.info.columns.filter((c) => c.include).length;
  const times: number[] = [];
  let set = detectRules(ds, null);
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    set = detectRules(ds, null);
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(
    `search: ${rows} rows × ${included} columns: ${times[1].toFixed(2)} s (median of 3), ${set.rules.length} rules`,
  );
  for (const r of set.rules) console.log(`  ${r.rule.key}  ${r.held}/${r.rows}`);

  // Rows whose columns are shuffled independently break the relations; generation repairs them.
  const real = datasetRows(ds, 0, ds.info.rows);
  const rng = createRng(5);
  const perms = real.header.map(() => permutation(real.rows.length, rng));
  const shuffled = real.rows.map((_, i) => real.header.map((_, j) => real.rows[perms[j][i]][j]));
  const before = ruleViolations(set, { header: real.header, rows: shuffled });
  const t1 = performance.now();
  ruleKeeper(set, real.header, 1)!(shuffled, 0);
  const seconds = (performance.now() - t1) / 1000;
  const after = ruleViolations(set, { header: real.header, rows: shuffled });
  const broken = before.reduce((s, v) => s + v.violated, 0);
  console.log(`keep: ${Math.round(rows / seconds).toLocaleString('en')} rows/s (${broken} rule breaks before)`);
  for (const v of after) if (v.violated > 0) console.log(`  left: ${v.key} ${v.violated} rows`);
  console.log(`violations left: ${after.reduce((s, v) => s + v.violated, 0)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
