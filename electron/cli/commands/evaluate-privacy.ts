/**
 * The privacy part of `layerwise evaluate`: the model's rows for the seed (the app's stream)
 * against the rows of the CSV. When the CSV is the file the model was trained on (same rows as
 * its provenance, read whole), the model's subset is drawn again from it, so the generated rows
 * are compared with the training rows and the held-out (test) rows; otherwise with all the
 * CSV's rows as the reference and no held-out rows (`against: 'csv'`).
 */
import type { PrivacyEvidence } from '../../../shared/domain/privacy.js';
import { applySubset, type Dataset } from '../../data/index.js';
import { privacyEvidence } from '../../evidence/index.js';
import { rowsAt } from '../../service/privacy-runs.js';
import { streamRows, type ModelBundle } from '../../synthesizer/index.js';

export interface CliPrivacy {
  /** What the generated rows were compared with. */
  against: 'training-and-holdout' | 'csv';
  evidence: PrivacyEvidence;
}

/** The model's subset drawn again from `dataset`, when it is the file it was trained on; else null. */
function trainedSubset(bundle: ModelBundle, dataset: Dataset) {
  const p = bundle.manifest.dataProvenance;
  if (!p || dataset.info.sampledOnImport || p.fromFile || dataset.info.rows !== p.fileRows) return null;
  try {
    const subset = applySubset(dataset, p.subset);
    return subset.info.train === p.rows.train && subset.info.test === p.rows.test ? subset : null;
  } catch {
    return null;
  }
}

export async function cliPrivacy(
  bundle: ModelBundle,
  dataset: Dataset,
  rows: number,
  seed: number,
): Promise<CliPrivacy> {
  const encoding = bundle.manifest.dataEncoding;
  const generated = streamRows(bundle, rows, seed);
  const subset = trainedSubset(bundle, dataset);
  const all = Int32Array.from({ length: dataset.info.rows }, (_, i) => i);
  const training = rowsAt(dataset, subset ? subset.train : all);
  const held = subset ? (subset.test.length > 0 ? subset.test : subset.valid) : null;
  const evidence = await privacyEvidence({
    encoding,
    generated,
    training,
    holdout: held ? rowsAt(dataset, held) : null,
    realCells: (name) => dataset.cells[dataset.info.columns.findIndex((c) => c.name === name)] ?? [],
    fileMissingTokens: dataset.info.options.missingTokens,
    seed,
  });
  return { against: subset ? 'training-and-holdout' : 'csv', evidence };
}
