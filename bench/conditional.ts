/**
 * Conditional generation and the export's character sets, timed (run by hand, prints rows per
 * second): a default model of `resources/sample-orders.csv` (2 epochs per layer: speed depends
 * on the architecture only) generates N rows through the app's stream freely, where region =
 * Kansai, and where region = Hokkaido and payment = Cash (METHOD.md §4.5); then the rows are
 * written as CSV in UTF-8 with BOM and in CP932.
 *   node --import tsx bench/conditional.ts [--rows 100000]
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { applySubset, csvBytes, importCsv } from '../electron/data/index.js';
import { initBackend } from '../electron/engine/index.js';
import { fitModel, prepareTraining, streamRows, streamRowsGiven } from '../electron/synthesizer/index.js';
import { defaultTrainConfig } from '../shared/domain/model.js';
import type { Condition } from '../shared/domain/samples.js';

const { values } = parseArgs({ options: { rows: { type: 'string' } } });
const ROWS = Number(values.rows ?? 100_000);

function timed<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const value = fn();
  const s = (performance.now() - t0) / 1000;
  console.log(
    `  ${label.padEnd(44)} ${Math.round(ROWS / s)
      .toLocaleString('en-US')
      .padStart(9)} rows/s (${s.toFixed(2)} s)`,
  );
  return value;
}

async function main(): Promise<void> {
  await initBackend();
  const dataset = await importCsv(fileURLToPath(new URL('../resources/sample-orders.csv', import.meta.url)));
  const split = { train: 0.8, valid: 0.1, test: 0.1 };
  const set = prepareTraining(applySubset(dataset, { segments: null, sample: null, seed: 1, split }));
  const base = defaultTrainConfig(set.train.bits, set.train.rows);
  const config = { ...base, layers: base.layers.map((l) => ({ ...l, epochs: 2 })), topEpochs: 2 };
  const { bundle } = await fitModel(set, config, 'bench');
  console.log(`sample data, layers ${bundle.model.sizes.join('-')}, ${ROWS.toLocaleString('en-US')} rows:`);
  const free = timed('sampled and decoded, no condition', () => streamRows(bundle, ROWS, 1));
  const report = (where: Condition[]) => {
    const { condition } = timed(`where ${where.map((c) => `${c.column} = ${c.value}`).join(', ')}`, () =>
      streamRowsGiven(bundle, ROWS, 1, where),
    );
    const oneIn = Math.round(1 / condition.probability);
    console.log(
      `    P ≈ 1 in ${oneIn}, smallest ESS ${Math.floor(condition.ess)} of ${condition.candidates} candidates`,
    );
  };
  report([{ column: 'region', value: 'Kansai' }]);
  report([
    { column: 'region', value: 'Hokkaido' },
    { column: 'payment', value: 'Cash' },
  ]);
  timed('CSV bytes, UTF-8 with BOM', () =>
    csvBytes(free, { encoding: 'utf8-bom', delimiter: ',', formulaGuard: true }),
  );
  timed('CSV bytes, CP932', () => csvBytes(free, { encoding: 'cp932', delimiter: ',', formulaGuard: true }));
}

await main();
