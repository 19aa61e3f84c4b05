/**
 * The Samples and Export steps' generated rows, over the selected model: the preview (the first
 * rows of the export for the same seed, beside real rows) and the CSV export, both optionally
 * conditional ("only rows where column = value", METHOD.md §4.5: the engine thread draws each
 * chunk given the fixed slots; a combination too rare to draw is refused with its message), the
 * export in the chosen character set, delimiter and formula guard; both optionally without the
 * rows too close to a real one (the same rows dropped from both, counted); and the columns a user can fix.
 * The model's accepted rules are kept in every generated row (`decodeSample`, `ruleKeeper`).
 */
import type { MethodOutput } from '../../shared/contract.js';
import type { RowTable } from '../../shared/domain/data.js';
import type { RuleViolation } from '../../shared/domain/rules.js';
import type { Condition, ConditionReport, CsvFormat } from '../../shared/domain/samples.js';
import { conditionColumns, conditionSlots, datasetRows, ruleViolations, type Dataset } from '../data/index.js';
import { checkConditional, mergeReports } from '../synthesizer/index.js';
import type { TooCloseFilter } from '../evidence/index.js';
import type { EngineClient } from './engine-thread/client.js';
import type { PrivacySource } from './privacy-runs.js';
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

/** Drops generated rows too close to a real one (the privacy runs' filter of a source); null: keeps every row. */
export type DropFilterOf = (source: PrivacySource, threshold: number | null) => TooCloseFilter | null;

type Source = ReturnType<typeof conditionedSource>;

/**
 * The first `rows` rows of the source's stream of `seed`, keeping the model's accepted rules
 * (never changing a column fixed by `where`): every column (`full`, to count rule violations)
 * and without the columns left out (`table`).
 */
async function firstRows(source: Source, rows: number, seed: number): Promise<{ full: RowTable; table: RowTable }> {
  const full = await streamFromEngine(source.sample, source.encoding, rows, seed, source.rules, source.fixed);
  return { full, table: withoutColumns(full, source.omit) };
}

/**
 * The first `rows` rows of the stream of `seed` (and `where`) without the columns left out: the
 * rows the preview shows (before any are dropped) and the privacy evidence reads.
 */
export async function generatedRows(
  project: Project,
  engine: Engine,
  input: { rows: number; seed: number; where: readonly Condition[] },
): Promise<{ source: Source; table: RowTable }> {
  const source = conditionedSource(project, engine, input.where);
  return { source, table: (await firstRows(source, input.rows, input.seed)).table };
}

/**
 * How often the selected model's rules are broken in the first `rows` rows of the stream of
 * `seed` (every column, as the preview generates them): the report's figures; no rules, null.
 */
export async function generatedRuleViolations(
  project: Project,
  engine: Engine,
  input: { rows: number; seed: number },
): Promise<RuleViolation[] | null> {
  const source = conditionedSource(project, engine, []);
  if (!source.rules || source.rules.rules.length === 0) return null;
  const { full } = await firstRows(source, input.rows, input.seed);
  return ruleViolations(source.rules, full);
}

/**
 * `samples.generate`: the first `rows` rows of the export for `seed` (and `where`), beside real
 * rows; with `dropCloserThan`, without those the export drops too (the rows kept stay in order).
 */
export async function previewSamples(
  project: Project,
  engine: Engine,
  input: { rows: number; seed: number; where: Condition[]; dropCloserThan: number | null },
  dropFilter: DropFilterOf,
): Promise<MethodOutput<'samples.generate'>> {
  const source = conditionedSource(project, engine, input.where);
  const drop = dropFilter(source, input.dropCloserThan);
  const { full, table } = await firstRows(source, input.rows, input.seed);
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
    generated: drop ? { header: table.header, rows: drop.keep(table.rows) } : table,
    real: withoutColumns(real, source.notes.omitted),
    notes: source.notes,
    condition: source.report(),
    dropped: drop?.dropped ?? 0,
    rules: source.rules && ruleViolations(source.rules, full),
  };
}

/**
 * `export.samples`' bytes: the stream of `seed` (and `where`) written in `format`, with the notes
 * and figures; with `dropCloserThan`, without the rows too close to a real one (how many: `dropped`).
 */
export async function exportSampleBytes(
  project: Project,
  engine: Engine,
  exports: SampleExports,
  input: { rows: number; seed: number; where: Condition[]; format: CsvFormat; dropCloserThan: number | null },
  dropFilter: DropFilterOf,
) {
  const source = conditionedSource(project, engine, input.where);
  const drop = dropFilter(source, input.dropCloserThan);
  const bytes = await exports.csv({ ...source, keep: drop?.keep }, input.rows, input.seed, input.format);
  return { source, bytes, condition: source.report(), dropped: drop?.dropped ?? 0 };
}

/** `samples.columns`: the columns of the selected model a user can fix, with their values. */
export function conditionColumnsOf(project: Project, engine: Engine): MethodOutput<'samples.columns'> {
  const source = selectedSource(project, engine);
  return conditionColumns(source.encoding, source.omit);
}
