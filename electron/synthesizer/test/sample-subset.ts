/** The synthesizer tests' small training data: 600 rows of the sample data, seeded, split 80/10/10. */
import { fileURLToPath } from 'node:url';
import { applySubset, importCsv, type Subset } from '../../data/index.js';

export async function sampleSubset(): Promise<Subset> {
  const dataset = await importCsv(fileURLToPath(new URL('../../../resources/sample-orders.csv', import.meta.url)));
  return applySubset(dataset, {
    segments: null,
    sample: { rows: 600, stratified: false },
    seed: 3,
    split: { train: 0.8, valid: 0.1, test: 0.1 },
  });
}
