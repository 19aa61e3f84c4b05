/**
 * The training set: from a dataset and its subset to what the engine trains on — the
 * encoding learnt on the training rows, the encoded train / validation / test rows, the rows
 * outside the subset that hold only values seen in training (a seeded sample of them, to judge
 * how well the model covers the rest of the data), the rows' provenance and the rules found in
 * the training rows. Built on the
 * thread that holds the data; its schema validates it where it crosses to the engine thread.
 */
import { z } from 'zod';
import { createRng, permutation } from '../base/random.js';
import { DataProvenance } from '../../shared/domain/data.js';
import { GroupSpec } from '../../shared/domain/model.js';
import { EVAL_ROWS } from '../engine/index.js';
import { buildEncoding, detectRules, encodeRows, EncodingSpec, knownRows, type Subset } from '../data/index.js';
import { RuleSet } from '../../shared/domain/rules.js';

/** Any Uint8Array (structured clone keeps the type; zod's instanceof would narrow the buffer type). */
export const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected a Uint8Array');

/** Encoded rows (`EncodedData`) as a message. */
export const EncodedRows = z.object({
  groups: z.array(GroupSpec),
  rows: z.number().int().min(0),
  bits: z.number().int().min(1),
  data: Bytes,
});

export const TrainingSet = z.object({
  encoding: EncodingSpec,
  train: EncodedRows,
  valid: EncodedRows.nullable(),
  test: EncodedRows.nullable(),
  /** Null when the subset is every row. */
  outside: z
    .object({ data: EncodedRows.nullable(), rows: z.number().int().min(0), represented: z.number().int().min(0) })
    .nullable(),
  /** Saved in the model file: the file as read, the columns, the subset. */
  provenance: DataProvenance,
  /** The rules found in the training rows, those the user turned off named; kept in the model file. */
  rules: RuleSet.optional(),
});
export type TrainingSet = z.infer<typeof TrainingSet>;

/**
 * `rareMin`: categories seen fewer times than this in the training rows are grouped as "other"
 * (default 5; 1 = off). `rulesOff`: keys of the rules the user turned off; `rules: false` finds none.
 */
export function prepareTraining(
  subset: Subset,
  opts: { rareMin?: number; rulesOff?: readonly string[]; rules?: boolean } = {},
): TrainingSet {
  const { dataset } = subset;
  const encoding = buildEncoding(dataset, subset.train, { rareMin: opts.rareMin });
  const part = (rows: Int32Array) => (rows.length > 0 ? encodeRows(encoding, dataset, rows) : null);
  let outside: TrainingSet['outside'] = null;
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
    ...(opts.rules === false
      ? {}
      : { rules: detectRules(dataset, subset.train, { rareMin: opts.rareMin, off: opts.rulesOff }) }),
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
