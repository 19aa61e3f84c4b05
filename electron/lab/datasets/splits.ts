/** Seeded train / validation / test splits of encoded rows (a permutation, then contiguous parts). */
import type { EncodedData } from '../../base/encoded-rows.js';
import { selectRows } from '../../base/encoded-rows.js';
import { createRng, permutation } from '../../base/random.js';

export interface Splits {
  train: EncodedData;
  valid: EncodedData;
  test: EncodedData;
  /** original row index of each split's rows */
  indices: { train: Int32Array; valid: Int32Array; test: Int32Array };
}

/** Splits rows at random (seeded) into train, validation and test by the given fractions (test = the rest). */
export function splitRows(
  data: EncodedData,
  seed: number,
  fractions: { valid: number; test: number } = { valid: 0.2, test: 0.2 },
): Splits {
  const order = permutation(data.rows, createRng(seed ^ 0x51a7));
  const nValid = Math.round(data.rows * fractions.valid);
  const nTest = Math.round(data.rows * fractions.test);
  const nTrain = data.rows - nValid - nTest;
  const indices = {
    train: order.slice(0, nTrain),
    valid: order.slice(nTrain, nTrain + nValid),
    test: order.slice(nTrain + nValid),
  };
  return {
    train: selectRows(data, indices.train),
    valid: selectRows(data, indices.valid),
    test: selectRows(data, indices.test),
    indices,
  };
}
