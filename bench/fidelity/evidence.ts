/**
 * The app's own quality and privacy evidence (`electron/evidence`) of one bench run: the
 * generated rows against the training rows and the held-out rows, as the Samples step computes
 * them (quality: SDMetrics' overall score and its two parts, "train on synthetic, test on real"
 * for the default target; privacy: the share of generated rows closer to a training row than
 * to a held-out one). Computed once per run, read by the columns of `columns.ts`.
 */
import { datasetRows, type Dataset, type EncodingSpec } from '../../electron/data/index.js';
import { privacyEvidence, qualityEvidence, type EvidenceColumn } from '../../electron/evidence/index.js';
import type { PrivacyEvidence } from '../../shared/domain/privacy.js';
import type { QualityEvidence } from '../../shared/domain/quality.js';

export interface RunEvidence {
  quality: QualityEvidence | null;
  privacy: PrivacyEvidence | null;
}

const JUDGED = new Set(['numeric', 'integer', 'date', 'datetime', 'categorical', 'boolean']);

const all = (ds: Dataset) => datasetRows(ds, 0, ds.info.rows);

/** The judged columns (included, of a judged type, present in the generated rows). */
function judged(train: Dataset, synth: Dataset): EvidenceColumn[] {
  const written = new Set(synth.info.columns.map((c) => c.name));
  return train.info.columns
    .filter((c) => c.include && JUDGED.has(c.type) && written.has(c.name))
    .map((c) => ({ name: c.name, type: c.type, format: c.format }));
}

export async function runEvidence(
  r: { train: Dataset; holdout: Dataset; synth: Dataset; encoding: EncodingSpec },
  seed: number,
): Promise<RunEvidence> {
  const [training, holdout, synthetic] = [all(r.train), all(r.holdout), all(r.synth)];
  const columns = judged(r.train, r.synth);
  const names = columns.map((c) => c.name);
  const pick = (t: typeof training) => {
    const at = names.map((n) => t.header.indexOf(n));
    return { header: names, rows: t.rows.map((row) => at.map((j) => (j >= 0 ? row[j] : ''))) };
  };
  const quality =
    columns.length === 0
      ? null
      : await qualityEvidence({
          columns,
          missing: r.train.missing,
          train: pick(training),
          holdout: pick(holdout),
          holdoutKind: 'test',
          synthetic: pick(synthetic),
          seed,
        });
  const privacy = await privacyEvidence({
    encoding: r.encoding,
    generated: synthetic,
    training,
    holdout,
    realCells: (name) => r.train.cells[r.train.info.columns.findIndex((c) => c.name === name)] ?? [],
    fileMissingTokens: r.train.info.options.missingTokens,
    seed,
  });
  return { quality, privacy };
}
