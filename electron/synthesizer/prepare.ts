/**
 * From a dataset and its subset to what the engine trains on: the encoding learnt on the
 * training rows, the encoded train / validation / test rows, and the rows outside the subset
 * that hold only values seen in training (a seeded sample of them), to judge how well the model covers
 * the rest of the data. Shared by the app's service and the CLI so both train on the same thing.
 */
import type { EncodedData } from '../base/encoded-rows.js';
import { EVAL_ROWS } from '../engine/training/layerwise.js';
import { createRng, permutation } from '../base/random.js';
import type { DataProvenance } from '../../shared/domain/data.js';
import { buildEncoding, encodeRows, knownRows, type EncodingSpec, type Subset } from '../data/index.js';

export interface TrainingData {
  encoding: EncodingSpec;
  train: EncodedData;
  valid: EncodedData | null;
  test: EncodedData | null;
  /** Null when the subset is every row. */
  outside: { data: EncodedData | null; rows: number; represented: number } | null;
  /** Saved in the model file: the file as read, the columns, the subset. */
  provenance: DataProvenance;
}

export function prepareTraining(subset: Subset): TrainingData {
  const { dataset } = subset;
  const encoding = buildEncoding(dataset, subset.train);
  const part = (rows: Int32Array) => (rows.length > 0 ? encodeRows(encoding, dataset, rows) : null);
  let outside: TrainingData['outside'] = null;
  if (subset.outside.length > 0) {
    const represented = knownRows(dataset, subset.train, subset.outside);
    const order = permutation(represented.length, createRng(subset.info.spec.seed + 2));
    const picked = Int32Array.from(order.subarray(0, EVAL_ROWS), (i) => represented[i]).sort();
    outside = { data: part(picked), rows: subset.outside.length, represented: represented.length };
  }
  return {
    encoding,
    train: encodeRows(encoding, dataset, subset.train),
    valid: part(subset.valid),
    test: part(subset.test),
    outside,
    provenance: provenanceOf(subset),
  };
}

function provenanceOf(subset: Subset): DataProvenance {
  const { info } = subset.dataset;
  return {
    fileName: info.fileName,
    fileRows: info.fileRows,
    options: info.options,
    columns: info.columns.map((c) => ({
      name: c.name,
      originalName: c.originalName,
      type: c.type,
      include: c.include,
      format: c.format,
    })),
    subset: subset.info.spec,
    rows: {
      subset: subset.info.rows,
      outside: subset.info.outside,
      train: subset.info.train,
      valid: subset.info.valid,
      test: subset.info.test,
    },
    fromFile: subset.info.fromFile,
  };
}
