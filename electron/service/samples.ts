/**
 * The Samples and Export steps' generated rows, over the selected model: the preview (the first
 * rows of the export for the same seed, beside real rows) and the CSV export, both optionally
 * conditional ("only rows where column = value", METHOD.md §4.5: the engine thread draws each
 * chunk given the fixed slots; a combination too rare to draw is refused with its message), the
 * export in the chosen character set, delimiter and formula guard; and the columns a user can fix.
 * The model's accepted rules are kept in every generated row (`decodeSample`, `ruleKeeper`).
 */
import type { MethodOutput } from '../../shared/contract.js';
import type { RowTable } from '../../shared/domain/data.js';
import type { Condition, ConditionReport, CsvFormat } from '../../shared/domain/samples.js';
import { conditionColumns, conditionSlots, datasetRows, ruleViolations, type Dataset } from '../data/index.js';
import { checkConditional, mergeReports } from '../synthesizer/index.js';
import type { EngineClient } from './engine-thread/client.js';
import { selectedSource, streamFromEngine, withoutColumns, type SampleChunk } from './project/generation.js';
import type { Project } from './project/project.js';
import { pickRealRows } from './real-rows.js';
import type { SampleExports } from './sample-export.js';

type Engine = Pick<EngineClient, 'sample' | 'sampleGiven'>;

/** The selected model's stream where `where` holds, with the model's figures for the condition as chunks are drawn. */
export function conditionedSource(project: Project, engine: Engine, where: readonly Condition[]) {
  const source = selectedSource(project, engine);
  let report: ConditionReport | null = null;
  // The conditioned columns: the rules kept after decoding never change them.
  const kept = new Set(where.map((c) => c.column));
  if (where.length === 0) return { ...source, fixed: kept, report: () => report };
  const fixed = conditionSlots(source.encoding, where);
  let chunks = 0;
  const sample: SampleChunk = async (rows, seed) => {
    const got = await engine.sampleGiven(source.entry.record.id, rows, seed, fixed);
    const figures = got.condition ?? { ess: rows, candidates: 0, probability: 1 };
    report = mergeReports(report, checkConditional(figures, where), ++chunks);
    return got.data;
  };
  return { ...source, sample, fixed: kept, report: () => report };
}

/** The training rows where every condition holds (all of them without conditions). */
function rowsWhere(dataset: Dataset, rows: ArrayLike<number>, where: readonly Condition[]): ArrayLike<number> {
  if (where.length === 0) return rows;
  const header = datasetRows(dataset, 0, 1).header;
  const tests = where.map((c) => ({ at: header.indexOf(c.column), value: c.value }));
  return Array.from(rows).filter((r) => {
    const row = datasetRows(dataset, r, 1).rows[0] ?? [];
    return tests.every((t) => t.at < 0 || row[t.at] === t.value);
  });
}

/** `samples.generate`: the first `rows` rows of the export for `seed` (and `where`), beside real rows. */
export async function previewSamples(
  project: Project,
  engine: Engine,
  input: { rows: number; seed: number; where: Condition[] },
): Promise<MethodOutput<'samples.generate'>> {
  const source = conditionedSource(project, engine, input.where);
  // The model's accepted rules are kept in every row (as in the export); their violations reported.
  const full = await streamFromEngine(
    source.sample,
    source.encoding,
    input.rows,
    input.seed,
    source.rules,
    source.fixed,
  );
  const table = withoutColumns(full, source.omit);
  const trainedOn = source.entry.trainedOn;
  const real: RowTable = trainedOn
    ? pickRealRows(
        trainedOn.dataset,
        rowsWhere(trainedOn.dataset, trainedOn.train, input.where),
        input.rows,
        input.seed,
      )
    : { header: source.encoding.header, rows: [] };
  return {
    generated: table,
    real: withoutColumns(real, source.notes.omitted),
    notes: source.notes,
    condition: source.report(),
    rules: source.rules && ruleViolations(source.rules, full),
  };
}

/** `export.samples`' bytes: the stream of `seed` (and `where`) written in `format`, with the notes and figures. */
export async function exportSampleBytes(
  project: Project,
  engine: Engine,
  exports: SampleExports,
  input: { rows: number; seed: number; where: Condition[]; format: CsvFormat },
) {
  const source = conditionedSource(project, engine, input.where);
  const bytes = await exports.csv(source, input.rows, input.seed, input.format);
  return { source, bytes, condition: source.report() };
}

/** `samples.columns`: the columns of the selected model a user can fix, with their values. */
export function conditionColumnsOf(project: Project, engine: Engine): MethodOutput<'samples.columns'> {
  const source = selectedSource(project, engine);
  return conditionColumns(source.encoding, source.omit);
}
