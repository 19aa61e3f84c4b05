/**
 * The datasets an experiment can run on, split (seeded) into train, validation and test:
 * `deep-synthetic` (3,000 rows of the seeded 32-10-4 network, with its true model for the
 * ceiling), `digits8x8`, or a CSV imported and encoded by the data layer.
 */
import { AppError } from '../../../shared/domain/errors.js';
import { buildEncoding, datasetRows, encodeTable, importCsv } from '../../data/index.js';
import type { DeepModelParams } from '../../engine/index.js';
import { deepSynthetic } from './deep-synthetic.js';
import { digits8x8 } from './digits.js';
import { splitRows, type Splits } from './splits.js';

export interface ExperimentData extends Splits {
  name: string;
  /** the true model (deep-synthetic only) */
  truth: DeepModelParams | null;
  note: string;
}

export const SPLIT_SEED = 20121212;
export const SYNTHETIC_ROWS = 3000;

export async function loadExperimentData(name: string): Promise<ExperimentData> {
  if (name === 'deep-synthetic') {
    const { data, model } = deepSynthetic({ seed: 1, rows: SYNTHETIC_ROWS });
    return {
      name,
      truth: model,
      note: `${SYNTHETIC_ROWS} rows from a seeded random deep sigmoid network 32-10-4 (sharp weights, table top prior)`,
      ...splitRows(data, SPLIT_SEED),
    };
  }
  if (name === 'digits8x8') {
    const { data } = digits8x8();
    return {
      name,
      truth: null,
      note: '1,797 digits, 8x8 pixels binarised at 8 (pixel >= 8 -> 1), 64 bits',
      ...splitRows(data, SPLIT_SEED),
    };
  }
  const dataset = await importCsv(name);
  if (dataset.info.rows < 10) throw new AppError('eval.tooFewRows', { rows: dataset.info.rows, min: 10 });
  const spec = buildEncoding(dataset);
  const data = encodeTable(spec, datasetRows(dataset, 0, dataset.info.rows));
  return {
    name,
    truth: null,
    note: `${data.rows} rows of ${name}, encoded by the data layer into ${data.bits} bits`,
    ...splitRows(data, SPLIT_SEED),
  };
}
