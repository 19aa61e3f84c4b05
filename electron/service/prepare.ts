/**
 * From a dataset and its subset to what the engine trains on: the encoding learnt on the
 * training rows, and the encoded train / validation / test rows. Shared by the app's
 * service and the CLI so both train on exactly the same thing.
 */
import type { EncodedData } from '../engine/data.js';
import { buildEncoding, encodeRows, type EncodingSpec, type Subset } from '../data/index.js';

export interface TrainingData {
  encoding: EncodingSpec;
  train: EncodedData;
  valid: EncodedData | null;
  test: EncodedData | null;
}

export function prepareTraining(subset: Subset): TrainingData {
  const { dataset } = subset;
  const encoding = buildEncoding(dataset, subset.train);
  const part = (rows: Int32Array) => (rows.length > 0 ? encodeRows(encoding, dataset, rows) : null);
  return {
    encoding,
    train: encodeRows(encoding, dataset, subset.train),
    valid: part(subset.valid),
    test: part(subset.test),
  };
}
