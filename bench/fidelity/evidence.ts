/**
 * The app's own quality and privacy evidence (`electron/evidence`) of one bench run: the
 * generated rows against the training rows and the held-out rows, as the Samples step computes
 * them (quality: SDMetrics' overall score and its two parts, "train on synthetic, test on real"
 * for the default target; privacy: the share of generated rows closer to a training row than
 * to a held-out one), "train on synthetic, test on real" for each of the table's targets (fitted
 * on as many rows as generated) and the violations of the rules found in the training rows.
 * Computed once per run, read by the columns of `columns.ts`.
 */
import { datasetRows, ruleViolations, type Dataset, type EncodingSpec } from '../../electron/data/index.js';
import { privacyEvidence, qualityEvidence, tstrChecks, type EvidenceColumn } from '../../electron/evidence/index.js';
import type { PrivacyEvidence } from '../../shared/domain/privacy.js';
import type { QualityEvidence, TstrCheck } from '../../shared/domain/quality.js';
import type { RuleSet, RuleViolation } from '../../shared/domain/rules.js';

export interface RunEvidence {
  quality: QualityEvidence | null;
  privacy: PrivacyEvidence | null;
  /** One check per target of the table found among the judged columns, in the table's order. */
  tstr: TstrCheck[];
  /** Every rule found in the training rows (`accepted` unless turned off), broken how often in the generated rows. */
  rules: RuleViolation[];
}

const JUDGED = new Set(['numeric', 'integer', 'date', 'datetime', 'categorical', 'boolean']);

const all = (ds: Dataset) => datasetRows(ds, 0, ds.info.rows);

/** The judged columns (included, of a judged type, present in the generated rows). */
export function judged(train: Dataset, synth: Dataset): EvidenceColumn[] {
  const written = new Set(synth.info.columns.map((c) => c.name));
  return train.info.columns
    .filter((c) => c.include && JUDGED.has(c.type) && written.has(c.name))
    .map((c) => ({ name: c.name, type: c.type, format: c.format }));
}

export async function runEvidence(
  r: { train: Dataset; holdout: Dataset; synth: Dataset; encoding: EncodingSpec; rules?: RuleSet; targets: string[] },
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
  const tstr =
    columns.length === 0
      ? []
      : tstrChecks({
          columns,
          missing: r.train.missing,
          train: pick(training),
          holdout: pick(holdout),
          synthetic: pick(synthetic),
          targets: r.targets,
          seed,
        });
  return { quality, privacy, tstr, rules: r.rules ? ruleViolations(r.rules, synthetic) : [] };
}

/**
 * The share of the rows of a larger draw (the tails' draw) closer to a training row than to a
 * held-out one: on as many generated rows as training rows (275 for penguins) the share moves by
 * about ±3 points from the generated rows alone.
 */
export async function largeDrawCloserShare(
  r: { train: Dataset; holdout: Dataset; draw: Dataset; encoding: EncodingSpec },
  seed: number,
): Promise<number | null> {
  const privacy = await privacyEvidence({
    encoding: r.encoding,
    generated: all(r.draw),
    training: all(r.train),
    holdout: all(r.holdout),
    realCells: () => [],
    fileMissingTokens: r.train.info.options.missingTokens,
    seed,
  });
  return privacy.closerToTraining?.share ?? null;
}
